import type { DatabaseSync } from 'node:sqlite';
import type { ParsedQuery } from '../parse-query';
import { MAX_OR_TERMS, nearMissTerms, RECENCY_BOOST } from '../query-rules';
import { hitSnippet, type SnippetPart } from '../snippet';
import { DRAFT_MASK } from './document-key';
import { allOf, anyOf, atLeast, termPhrases } from './match-expression';
import { statements, type Statements } from './statements';
import { unpackText } from './stored-text';

/**
 * A query lists at most this many matches: the newest, ranked by relevance. Ranking costs a bm25 per
 * match, about 1.1 µs at 100,000 articles here: 5.5 ms for these, where the 10,000 ranked before
 * took 11 ms, about a third of a median search's page. A word in every article costs no more than
 * one in 5,000. Past that, the page says "this many or more" instead of counting them all: the count
 * cost as much as the ranking (33 ms of 96 for a ten-term phrase that 87% of the articles match),
 * for pages no reader turns to. Elasticsearch's defaults (track_total_hits, max_result_window) stop
 * counting and listing at 10,000.
 */
export const RANKED_MATCHES = 5_000;
/** Near misses (see searchDocuments) listed at most: the newest this many. */
export const NEAR_MISS_MATCHES = 1_000;

export type SearchHit = { id: number; snippet: SnippetPart[] | null };
/** `total`: how many matches are listed; `atLeast`: the query may match more (it reached RANKED_MATCHES). */
export type SearchPage = { total: number; atLeast: boolean; hits: SearchHit[] };
export type SearchPageOptions = { page: number; pageSize: number; withDrafts: boolean };

type Found = { total: number; atLeast: boolean; keys: number[] };
type Window = { mask: number; offset: number; limit: number };

const keysOf = (rows: unknown[]) => (rows as { key: number }[]).map((row) => row.key);

function recency(s: Statements) {
  const { oldest, newest } = s.recency.get() as { oldest: number | null; newest: number | null };
  return { boost: RECENCY_BOOST, oldest: oldest ?? 0, span: Math.max(1, (newest ?? 0) - (oldest ?? 0)) };
}

/** The documents having every term; null for a page past the last. */
function allTerms(s: Statements, match: string, { mask, offset, limit }: Window): Found | null {
  const rows = s.rankedPage.all({ match, mask, ranked: RANKED_MATCHES, offset, limit, ...recency(s) }) as {
    key: number;
    ranked: number;
  }[];
  if (rows.length === 0 && offset > 0) {
    // Past the last page, or no match at all (the near misses may have this page): one match tells.
    return s.newest.all({ match, mask, offset: 0, limit: 1 }).length > 0
      ? null
      : { total: 0, atLeast: false, keys: [] };
  }
  const total = rows[0]?.ranked ?? 0;
  return { total, atLeast: total >= RANKED_MATCHES, keys: rows.map((row) => row.key) };
}

function nearMisses(s: Statements, phrases: string[], { mask, offset, limit }: Window): Found {
  const match = atLeast(phrases, nearMissTerms(phrases.length));
  const kept = keysOf(s.newest.all({ match, mask, offset: 0, limit: NEAR_MISS_MATCHES }));
  if (kept.length === 0) return { total: 0, atLeast: false, keys: [] };
  const window = { lo: kept[kept.length - 1]!, hi: kept[0]!, kept: JSON.stringify(kept), offset, limit };
  return {
    total: kept.length,
    atLeast: kept.length >= NEAR_MISS_MATCHES,
    keys: keysOf(s.rankedAmong.all({ match: anyOf(phrases), ...window, ...recency(s) })),
  };
}

/**
 * One page of the documents matching `query`, best first; null when there is no such page (page 1
 * always exists). A document matches when it has every term; when none has, the near misses are
 * listed: documents with at least half of the terms (a typo, or a phrase split differently), for
 * queries of at most MAX_OR_TERMS terms. Ranked by bm25 over the fields weighted by FIELD_BOOST,
 * plus up to RECENCY_BOOST for newer documents; the snippets are cut for the page's hits only.
 */
export function searchDocuments(
  db: DatabaseSync,
  query: ParsedQuery,
  { page, pageSize, withDrafts }: SearchPageOptions,
): SearchPage | null {
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1) return null;
  if (query.terms.length === 0) return page === 1 ? { total: 0, atLeast: false, hits: [] } : null;
  const s = statements(db);
  const window = { mask: withDrafts ? 0 : DRAFT_MASK, offset: (page - 1) * pageSize, limit: pageSize };
  const phrases = termPhrases(query.terms);
  let found = allTerms(s, allOf(phrases), window);
  if (!found) return null;
  if (found.total === 0 && phrases.length > 1 && phrases.length <= MAX_OR_TERMS) found = nearMisses(s, phrases, window);
  if (page > Math.max(1, Math.ceil(found.total / pageSize))) return null;
  const hits = found.keys.flatMap((key) => {
    const doc = s.document.get(key) as { id: number; excerpt: string; text: Uint8Array } | undefined;
    return doc ? [{ id: doc.id, snippet: hitSnippet(unpackText(doc.text), doc.excerpt, query.terms) }] : [];
  });
  return { total: found.total, atLeast: found.atLeast, hits };
}
