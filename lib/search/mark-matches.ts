import { normalizeText } from './tokenize';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const isWordChar = (char: string | undefined) => char !== undefined && WORD_CHAR.test(char) && !CJK_CHAR.test(char);

/** A character as the index saw it (NFKC, lower case); a text repeats its characters, so each is folded once. */
export type Fold = (char: string) => string;

export function createFold(): Fold {
  const folded = new Map<string, string>();
  return (char) => {
    let result = folded.get(char);
    if (result === undefined) folded.set(char, (result = normalizeText(char)));
    return result;
  };
}

const codePointBefore = (text: string, at: number) =>
  at > 0 ? [...text.slice(Math.max(0, at - 2), at)].pop() : undefined;
const codePointAt = (text: string, at: number) =>
  at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : undefined;

/**
 * Which characters of `chars` (code points) belong to a match of a term. The text is compared as
 * the index saw it, character by character, so positions map back to the original text; Latin
 * words and numbers match whole words only, as in the index.
 */
export function markMatches(chars: readonly string[], terms: readonly string[], fold: Fold): boolean[] {
  const folded = chars.map(fold);
  const flat = folded.join('');
  const marked = new Array<boolean>(chars.length).fill(false);
  let owner: Int32Array | undefined;
  for (const term of terms) {
    if (!term) continue;
    const whole = !CJK_CHAR.test(codePointAt(term, 0)!);
    for (let at = flat.indexOf(term); at >= 0; at = flat.indexOf(term, at + 1)) {
      if (whole && (isWordChar(codePointBefore(flat, at)) || isWordChar(codePointAt(flat, at + term.length)))) continue;
      owner ??= ownerOf(folded, flat.length);
      for (let unit = at; unit < at + term.length; unit++) marked[owner[unit]!] = true;
    }
  }
  return marked;
}

/** For each UTF-16 unit of the folded text, the character it came from. */
function ownerOf(folded: readonly string[], units: number): Int32Array {
  const owner = new Int32Array(units);
  let unit = 0;
  folded.forEach((part, char) => owner.fill(char, unit, (unit += part.length)));
  return owner;
}
