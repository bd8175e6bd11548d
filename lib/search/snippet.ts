import { createFold, markMatches, type Fold } from './mark-matches';
import { normalizeText } from './tokenize';

/** A piece of a snippet: plain text, marked when it matched the query. Rendered as React text only. */
export type SnippetPart = { text: string; mark: boolean };

const SNIPPET_LENGTH = 120;
/** Characters of context shown before the first match, at most a quarter of the snippet. */
const LEAD = 30;
/** UTF-16 units searched at a time for the first match: a long body is read only as far as it. */
export const SEARCHED_CHUNK = 256;
/**
 * Where folding a whole piece of text at once can differ from folding it a character at a time (as
 * matches are marked): combining marks and Hangul jamo compose with their neighbours, and a capital
 * sigma lower-cases by its place in a word. A piece without them is first searched natively, whole.
 */
const CONTEXTUAL = /[\p{M}\u03a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff\uffa0-\uffdc]/u;

const isSecondHalf = (text: string, at: number) =>
  at > 0 && at < text.length && /[\udc00-\udfff]/.test(text[at]!) && /[\ud800-\udbff]/.test(text[at - 1]!);
/** `at`, or where the character it falls in starts (never inside a surrogate pair). */
const charStart = (text: string, at: number) => (isSecondHalf(text, at) ? at - 1 : at);
/** `at`, or where the character it falls in ends. */
const charEnd = (text: string, at: number) => (isSecondHalf(text, at) ? at + 1 : at);

/** Where `count` characters before `at` start (0 at the latest). */
function back(text: string, at: number, count: number): number {
  for (let i = 0; i < count && at > 0; i++) at = charStart(text, at - 1);
  return at;
}

/** Where `count` characters after `at` end, and how many there were. */
function forward(text: string, at: number, count: number): [number, number] {
  let moved = 0;
  for (; moved < count && at < text.length; moved++) at = charEnd(text, at + 1);
  return [at, moved];
}

/**
 * Where to read text[from, to) with a margin each side, wide enough for a match across its edges
 * and the character telling a word's end: a term's unit may come from a two-unit character.
 */
function around(text: string, terms: readonly string[], from: number, to: number): [number, number] {
  const margin = 2 * Math.max(...terms.map((term) => term.length)) + 4;
  return [charStart(text, Math.max(0, from - margin)), charEnd(text, Math.min(text.length, to + margin))];
}

/** The characters of text[from, to) and its margins, each with where it starts and whether it matched. */
function marksAround(text: string, terms: readonly string[], fold: Fold, from: number, to: number) {
  const [start, stop] = around(text, terms, from, to);
  const chars = [...text.slice(start, stop)];
  const marked = markMatches(chars, terms, fold);
  let unit = start;
  return chars.map((char, i) => {
    const at = unit;
    unit += char.length;
    return { char, at, mark: marked[i]! };
  });
}

/** Where (in UTF-16 units) the first match of `terms` in `text` starts; -1 if none. */
function firstMatch(text: string, terms: readonly string[], fold: Fold): number {
  for (let chunk = 0; chunk < text.length; chunk += SEARCHED_CHUNK) {
    const [from, to] = [charStart(text, chunk), charStart(text, Math.min(text.length, chunk + SEARCHED_CHUNK))];
    const piece = text.slice(...around(text, terms, from, to));
    if (!CONTEXTUAL.test(piece)) {
      const folded = normalizeText(piece);
      if (!terms.some((term) => folded.includes(term))) continue;
    }
    // A match starting before `from` was found in the chunk before: the first marked here is a start.
    const found = marksAround(text, terms, fold, from, to).find(({ at, mark }) => mark && at >= from && at < to);
    if (found) return found.at;
  }
  return -1;
}

/**
 * About `length` characters of `text` around the first match of `terms`, cut into marked and
 * unmarked parts, with an ellipsis where the text goes on. Null when no term occurs in it.
 */
export function makeSnippet(text: string, terms: readonly string[], length = SNIPPET_LENGTH): SnippetPart[] | null {
  if (terms.length === 0) return null;
  const fold = createFold();
  const first = firstMatch(text, terms, fold);
  if (first < 0) return null;
  const from = back(text, first, Math.min(LEAD, Math.floor(length / 4)));
  const [end, shown] = forward(text, from, length);
  // Near the end of the text (where `end` is), the snippet starts earlier rather than showing less.
  const start = back(text, from, length - shown);
  const parts: SnippetPart[] = [];
  for (const { char, at, mark } of marksAround(text, terms, fold, start, end)) {
    if (at < start || at >= end) continue;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += char;
    else parts.push({ text: char, mark });
  }
  const ellipsis = (shown: boolean): SnippetPart[] => (shown ? [{ text: '…', mark: false }] : []);
  return [...ellipsis(start > 0), ...parts, ...ellipsis(end < text.length)];
}

/** What a hit shows: its text around the first match, else its excerpt (marked where it matches). */
export function hitSnippet(text: string, excerpt: string, terms: readonly string[]): SnippetPart[] | null {
  return makeSnippet(text, terms) ?? makeSnippet(excerpt, terms) ?? (excerpt ? [{ text: excerpt, mark: false }] : null);
}
