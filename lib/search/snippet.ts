import { normalizeText } from './tokenize';

/** A piece of a snippet: plain text, marked when it matched the query. Rendered as React text only. */
export type SnippetPart = { text: string; mark: boolean };

const SNIPPET_LENGTH = 120;
/** Characters of context shown before the first match, at most a quarter of the snippet. */
const LEAD = 30;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const isWordChar = (char: string | undefined) => char !== undefined && WORD_CHAR.test(char) && !CJK_CHAR.test(char);

/**
 * Which characters of `chars` (code points) match a term: the text is compared as the index saw
 * it (NFKC, lower case), character by character, so positions map back to the original text.
 * Latin words and numbers match whole words only, as in the index.
 */
function markMatches(chars: readonly string[], terms: readonly string[]): boolean[] {
  const folded = chars.map((c) => [...normalizeText(c)]);
  const flat = folded.flat();
  const owner = folded.flatMap((parts, i) => parts.map(() => i));
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const term of terms) {
    const needle = [...term];
    const whole = !CJK_CHAR.test(needle[0] ?? '');
    for (let at = 0; at + needle.length <= flat.length; at++) {
      if (!needle.every((c, k) => flat[at + k] === c)) continue;
      if (whole && (isWordChar(flat[at - 1]) || isWordChar(flat[at + needle.length]))) continue;
      for (let k = at; k < at + needle.length; k++) marked[owner[k]!] = true;
    }
  }
  return marked;
}

/**
 * About `length` characters of `text` around the first match of `terms`, cut into marked and
 * unmarked parts, with an ellipsis where the text goes on. Null when no term occurs in it.
 */
export function makeSnippet(text: string, terms: readonly string[], length = SNIPPET_LENGTH): SnippetPart[] | null {
  const chars = [...text];
  const marked = markMatches(chars, terms);
  const first = marked.indexOf(true);
  if (first < 0) return null;
  const start = Math.max(0, Math.min(first - Math.min(LEAD, Math.floor(length / 4)), chars.length - length));
  const end = Math.min(chars.length, start + length);
  const parts: SnippetPart[] = [];
  for (let i = start; i < end; i++) {
    const last = parts[parts.length - 1];
    if (last && last.mark === marked[i]) last.text += chars[i];
    else parts.push({ text: chars[i]!, mark: marked[i]! });
  }
  const ellipsis = (shown: boolean): SnippetPart[] => (shown ? [{ text: '…', mark: false }] : []);
  return [...ellipsis(start > 0), ...parts, ...ellipsis(end < chars.length)];
}
