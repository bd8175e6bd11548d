import { MAX_PREFIX_TERMS } from '../query-rules';
import { isSingleCjk } from '../tokenize';

/**
 * FTS5 query expressions from a query's terms (see queryTerms). Every term is a quoted FTS5 string,
 * so nothing a reader types is read as syntax: terms are letters, digits and marks only, and a
 * quote would be doubled all the same. `AND`, `NEAR(`, `-`, `:`, `^`, `*` are text or gone.
 */
export function termPhrases(terms: readonly string[]): string[] {
  // A one-character Chinese term matches the terms starting with it (see tokenize).
  const expand = terms.length <= MAX_PREFIX_TERMS;
  return terms.map((term) => `"${term.replaceAll('"', '""')}"${expand && isSingleCjk(term) ? '*' : ''}`);
}

export const allOf = (phrases: readonly string[]) => phrases.join(' AND ');

export const anyOf = (phrases: readonly string[]) => phrases.join(' OR ');

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...combinations(rest, size - 1).map((combination) => [first!, ...combination]), ...combinations(rest, size)];
}

/** Documents having at least `count` of the phrases: any combination of that many (at most 20 for 6 terms). */
export const atLeast = (phrases: readonly string[], count: number) =>
  combinations(phrases, count)
    .map((combination) => `(${allOf(combination)})`)
    .join(' OR ');
