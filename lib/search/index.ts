import 'server-only';
import { readBodyText } from '../content/body-text';
import { currentIndex, isPreview } from '../content/current-index';
import { paginate } from '../content/paginate';
import { getIndex } from '../content/store';
import type { ArticleSummary, Page } from '../content/types';
import { findHits } from './find-hits';
import type { ParsedQuery } from './parse-query';
import { INDEXED_BODY_CHARS, searchIndexOf } from './search-index-of';
import { hitSnippet, type SnippetPart } from './snippet';

export { MAX_QUERY_CHARS, MAX_QUERY_TERMS, parseQuery, type ParsedQuery } from './parse-query';

export type SearchResult = { article: ArticleSummary; snippet: SnippetPart[] | null };

const byScoreThenDate = (a: { article: ArticleSummary; score: number }, b: typeof a) =>
  b.score - a.score || (b.article.date > a.article.date ? 1 : b.article.date < a.article.date ? -1 : 0);

async function snippetOf(article: ArticleSummary, terms: readonly string[]): Promise<SnippetPart[] | null> {
  return hitSnippet(await readBodyText(article, INDEXED_BODY_CHARS), article.excerpt, terms);
}

/**
 * One page of the articles matching `query`, best first; null when there is no such page.
 * Preview searches the published index (built once) and, merged into it, a small index of the
 * drafts built for the request: re-indexing every article per preview request would take seconds
 * on a large site. Published hits are shown as the preview index has them (an edit is seen there).
 */
export async function searchArticles(query: ParsedQuery, page: number): Promise<Page<SearchResult> | null> {
  // Nothing searchable (empty, only punctuation): no index to wait for, nor drafts to read.
  if (query.terms.length === 0) return paginate([], page);
  const [current, preview] = await Promise.all([currentIndex(), isPreview()]);
  const lists = preview ? [(await getIndex()).articles, current.drafts] : [current.articles];
  const hits = findHits(await Promise.all(lists.map(searchIndexOf)), query.terms);
  const matches = hits
    .flatMap((list, k) =>
      list.flatMap(({ id, score }) => {
        const article = current.bySlug.get(lists[k]![id]!.slug)?.article;
        return article ? [{ article, score }] : [];
      }),
    )
    .sort(byScoreThenDate);
  const found = paginate(matches, page);
  if (!found) return null;
  const items = await Promise.all(
    found.items.map(async ({ article }) => ({ article, snippet: await snippetOf(article, query.terms) })),
  );
  return { ...found, items };
}
