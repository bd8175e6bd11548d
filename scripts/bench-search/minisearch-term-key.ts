import { isSingleCjk } from '../../lib/search/tokenize';

const CJK_MARK = '~';

/**
 * The key a term is stored under. MiniSearch keeps terms in a radix tree whose lookups scan a
 * node's children one by one: with Chinese bigrams the root had thousands of children (one per
 * first character) and indexing 1,000 articles took 15 s. A Chinese term is stored as the hex of
 * its UTF-16 units behind a mark, so no node has more than 16 children, and a character's key is
 * still a prefix of the keys of the bigrams it starts (for one-character queries). Latin words,
 * numbers and marks never contain `~`, so the two kinds cannot collide.
 */
export function termKey(term: string): string {
  if (!isCjkTerm(term)) return term;
  let key = CJK_MARK;
  for (let i = 0; i < term.length; i++) key += term.charCodeAt(i).toString(16).padStart(4, '0');
  return key;
}

/** Whether a key is that of a single Chinese character: one searched by prefix. */
export function isSingleCjkKey(key: string): boolean {
  if (!key.startsWith(CJK_MARK)) return false;
  const units = key.slice(1).match(/.{4}/g) ?? [];
  return isSingleCjk(String.fromCharCode(...units.map((u) => parseInt(u, 16))));
}

const isCjkTerm = (term: string) => isSingleCjk(String.fromCodePoint(term.codePointAt(0) ?? 0));
