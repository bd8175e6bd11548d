import 'server-only';
import { categoryKey } from './categories';
import { normalizePermalinkPath } from '../permalink-pattern';
import { parsePageParam } from './paginate';
import { normalizeSlug, paramCandidates } from './slugs';
import { currentIndex } from './current-index';
import { getIndex } from './store';

/** The slug of the published article that route params name, or null. */
export async function resolveSlug(segments: readonly string[]): Promise<string | null> {
  const index = await currentIndex();
  for (const candidate of paramCandidates(segments)) {
    const slug = normalizeSlug(candidate.join('/'));
    if (index.bySlug.has(slug)) return slug;
  }
  return null;
}

export async function resolveTag(param: string): Promise<string | null> {
  const index = await currentIndex();
  return paramCandidates([param]).map(([tag]) => tag!).find((tag) => index.tagMembers.has(tag)) ?? null;
}

export type CategoryRoute = {
  path: string[];
  page: number;
  /** `/categories/A/page/1`: the canonical URL is `/categories/A`. */
  redirectToFirstPage: boolean;
};

/**
 * `/categories/A/B` and `/categories/A/B/page/2` share one catch-all route. A trailing `page/N`
 * is pagination unless a category is really named so (`[新闻, page, 2]`).
 */
export async function resolveCategoryRoute(segments: readonly string[]): Promise<CategoryRoute | null> {
  const index = await currentIndex();
  for (const path of paramCandidates(segments)) {
    if (index.categoryMembers.has(categoryKey(path))) return { path, page: 1, redirectToFirstPage: false };
    const n = path.length;
    if (n >= 3 && path[n - 2] === 'page') {
      const page = parsePageParam(path[n - 1]);
      const parent = path.slice(0, -2);
      if (page !== null && index.categoryMembers.has(categoryKey(parent))) {
        return { path: parent, page, redirectToFirstPage: page === 1 };
      }
    }
  }
  return null;
}

/** The slug of the article an old Hexo address (PERMALINK or a front-matter `permalink:`) names, or null. */
export async function resolveLegacyPermalink(segments: readonly string[]): Promise<string | null> {
  return findPermalink((await currentIndex()).permalinks, segments);
}

/**
 * The same for proxy.ts, which answers old links before routing: a URL path as requested, and
 * published articles only (draft mode is not known there; app/[...legacy] answers an editor's preview).
 */
export async function resolvePublishedLegacyPath(pathname: string): Promise<string | null> {
  return findPermalink((await getIndex()).permalinks, pathname.split('/'));
}

function findPermalink(permalinks: ReadonlyMap<string, string>, segments: readonly string[]): string | null {
  for (const candidate of paramCandidates(segments)) {
    const slug = permalinks.get(normalizePermalinkPath(candidate.join('/')));
    if (slug !== undefined) return slug;
  }
  return null;
}
