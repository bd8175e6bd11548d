import 'server-only';
import { withCachedBody } from './article';
import type { ContentIndex } from './build-index';
import { categoryKey } from './categories';
import { paramCandidates } from './slugs';
import { getIndex } from './store';
import type { Article } from './types';

/**
 * The published site, whatever the request: feeds and the sitemap are public documents that
 * readers and search engines keep, so they never list drafts, not even in an editor's preview.
 */
export const getPublishedIndex = (): Promise<ContentIndex> => getIndex();

export type NewestArticles = { categoryPath?: string[]; articles: Article[] };

/**
 * The newest published articles with their sanitized bodies: of the whole site, or of the
 * category that route params name (with its descendants, as its listing shows). Null if no such category.
 */
export async function getNewestArticles(count: number, categorySegments?: readonly string[]): Promise<NewestArticles | null> {
  const index = await getIndex();
  if (!categorySegments) return { articles: await Promise.all(index.articles.slice(0, count).map(withCachedBody)) };
  for (const path of paramCandidates(categorySegments)) {
    const positions = index.categoryMembers.get(categoryKey(path));
    if (!positions) continue;
    const articles = await Promise.all(positions.slice(0, count).map((p) => withCachedBody(index.articles[p]!)));
    return { categoryPath: path, articles };
  }
  return null;
}
