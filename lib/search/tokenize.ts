const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
/** A run of CJK characters, or a run of other letters and digits (a Latin word, a number). */
const RUN = new RegExp(String.raw`[${CJK}]+|(?:(?![${CJK}])[\p{L}\p{N}\p{M}])+`, 'gu');
const SINGLE_CJK = new RegExp(String.raw`^[${CJK}]$`, 'u');

/** Folds what readers type interchangeably: full-width letters (NFKC) and case. */
export const normalizeText = (text: string) => text.normalize('NFKC').toLowerCase();

export const isSingleCjk = (term: string) => SINGLE_CJK.test(term);

/**
 * Search terms of a text, for the index and for queries alike. Chinese has no spaces between words,
 * so a CJK run becomes its overlapping bigrams (重庆人才 → 重庆 庆人 人才) followed by its last
 * character alone: every character then starts some term, which lets a one-character query find it
 * anywhere by prefix. Latin words and numbers are whole, lower-cased terms; everything else
 * (punctuation, emoji, symbols) separates terms and is dropped.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const [run] of normalizeText(text).matchAll(RUN)) {
    if (!isSingleCjk([...run][0] ?? '')) {
      terms.push(run);
      continue;
    }
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
    terms.push(chars[chars.length - 1]!);
  }
  return terms;
}

/**
 * The terms a query searches for: its tokens without repeats, and without a run's trailing
 * character when the run has bigrams (the bigrams already require it; searching it too, by prefix,
 * would only cost time and blur the ranking).
 */
export function queryTerms(query: string): string[] {
  const tokens = tokenize(query);
  const kept = tokens.filter((term, i) => !(isSingleCjk(term) && i > 0 && isTrailing(tokens[i - 1]!, term)));
  return [...new Set(kept)];
}

const isTrailing = (previous: string, term: string) => [...previous].length === 2 && previous.endsWith(term);
