import 'server-only';
import { PAGE_SIZE } from '../config';
import { currentView } from '../content/current-index';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../content/db/article-rows';
import { statement } from '../content/db/statements';
import { pageCount, paginate } from '../content/paginate';
import type { ArticleSummary, Page } from '../content/types';
import { searchDocuments } from './fts';
import type { ParsedQuery } from './parse-query';
import type { SnippetPart } from './snippet';

export type SearchResult = { article: ArticleSummary; snippet: SnippetPart[] | null };
/** A page of results; `atLeast`: the query may match more than `total`, which is as many as are listed. */
export type SearchResults = Page<SearchResult> & { atLeast: boolean };

/**
 * One page of the articles matching `query`, best first; null when there is no such page. Every
 * word of every published body is searched (SQLite FTS5, in the content index); in preview, drafts too.
 */
export async function searchArticles(query: ParsedQuery, page: number): Promise<SearchResults | null> {
  // Nothing searchable (empty, only punctuation): no index to read.
  if (query.terms.length === 0) {
    const empty = paginate([], page);
    return empty && { ...empty, atLeast: false };
  }
  const view = await currentView();
  const found = searchDocuments(view.db, query, { page, pageSize: PAGE_SIZE, withDrafts: view.withDrafts });
  if (!found) return null;
  const ids = found.hits.map((hit) => hit.id);
  const rows = ids.length
    ? (statement(view.db, `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id IN (${ids.map(() => '?').join(', ')})`).all(
        ...ids,
      ) as SummaryRow[])
    : [];
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  const items = found.hits.flatMap(({ id, snippet }) => {
    const article = byId.get(id);
    return article ? [{ article, snippet }] : [];
  });
  return { items, page, totalPages: pageCount(found.total), total: found.total, atLeast: found.atLeast };
}
