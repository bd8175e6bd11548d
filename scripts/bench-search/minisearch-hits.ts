import type { SearchOptions } from 'minisearch';
import { FIELD_BOOST, type SearchIndex } from './minisearch-index';
import { MAX_OR_TERMS, MAX_PREFIX_TERMS, nearMissTerms, RECENCY_BOOST } from '../../lib/search/query-rules';
import { isSingleCjkKey, termKey } from './minisearch-term-key';

/** One matching article: its id in the index it came from, and how well it matched. */
type Hit = { id: number; score: number };

function options(index: SearchIndex, combineWith: 'AND' | 'OR', expand: boolean): SearchOptions {
  const newest = Math.max(1, index.documentCount - 1);
  return {
    combineWith,
    boost: FIELD_BOOST,
    // A one-character Chinese term matches the terms starting with it (see tokenize). In a query of
    // many terms it is matched as itself: each expands to thousands of terms, searched synchronously.
    prefix: expand ? isSingleCjkKey : false,
    fuzzy: false,
    // The terms arrive tokenized; each is looked up as it is.
    tokenize: (term) => [term],
    processTerm: termKey,
    boostDocument: (id: number) => 1 + RECENCY_BOOST * (1 - id / newest),
  };
}

const best = (a: Hit, b: Hit) => b.score - a.score || a.id - b.id;

/**
 * The articles matching `terms` (from queryTerms), best first, in each of `indexes`.
 *
 * A Chinese query is a chain of overlapping bigrams, so plain OR would rank an article with one
 * common bigram (大会) among those with the whole phrase. AND asks for every term first: the
 * articles containing the query. Only when no article has them all, OR finds the near misses,
 * kept if they match at least half of the terms (a typo, or a phrase split differently), and
 * ranked by how many they match, as BM25 sums each term's score.
 */
export function findHits(indexes: readonly SearchIndex[], terms: readonly string[]): Hit[][] {
  if (terms.length === 0) return indexes.map(() => []);
  const search = (index: SearchIndex, mode: 'AND' | 'OR') =>
    index.search({ combineWith: mode, queries: [...terms] }, options(index, mode, terms.length <= MAX_PREFIX_TERMS));
  const all = indexes.map((index) => search(index, 'AND'));
  if (all.some((results) => results.length > 0) || terms.length > MAX_OR_TERMS) {
    return all.map((results) => results.map(toHit).sort(best));
  }
  return indexes.map((index) =>
    search(index, 'OR')
      .filter((result) => result.queryTerms.length >= nearMissTerms(terms.length))
      .map(toHit)
      .sort(best),
  );
}

const toHit = ({ id, score }: { id: number; score: number }): Hit => ({ id, score });
