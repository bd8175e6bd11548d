import 'server-only';
import type { DatabaseSync } from 'node:sqlite';
import { normalizePermalinkPath } from '../permalink-pattern';
import { categoryKey } from './categories';
import { currentView } from './current-index';
import { statement } from './db/statements';
import { parsePageParam } from './paginate';
import { normalizeSlug, paramCandidates } from './slugs';
import { claimOrder } from './sync/permalink-problems';
import { contentDb } from './store';
import { isSiteRoute } from '../site-routes';

const filter = (withDrafts: boolean) => (withDrafts ? '' : 'AND draft = 0');

/** The slug of the article that route params name (published, or any in preview), or null. */
export async function resolveSlug(segments: readonly string[]): Promise<string | null> {
  const { db, withDrafts } = await currentView();
  for (const candidate of paramCandidates(segments)) {
    const slug = normalizeSlug(candidate.join('/'));
    if (statement(db, `SELECT 1 FROM articles WHERE slug = ? ${filter(withDrafts)}`).get(slug)) return slug;
  }
  return null;
}

export async function resolveTag(param: string): Promise<string | null> {
  const { db, withDrafts } = await currentView();
  const has = (tag: string) => statement(db, `SELECT 1 FROM tag_members WHERE tag = ? ${filter(withDrafts)} LIMIT 1`).get(tag);
  return paramCandidates([param]).map(([tag]) => tag!).find((tag) => has(tag)) ?? null;
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
  const { db, withDrafts } = await currentView();
  const exists = (path: readonly string[]) =>
    statement(db, `SELECT 1 FROM category_members WHERE key = ? ${filter(withDrafts)} LIMIT 1`).get(categoryKey(path));
  for (const path of paramCandidates(segments)) {
    if (exists(path)) return { path, page: 1, redirectToFirstPage: false };
    const n = path.length;
    if (n >= 3 && path[n - 2] === 'page') {
      const page = parsePageParam(path[n - 1]);
      const parent = path.slice(0, -2);
      if (page !== null && exists(parent)) return { path: parent, page, redirectToFirstPage: page === 1 };
    }
  }
  return null;
}

/** The slug of the article an old Hexo address (PERMALINK or a front-matter `permalink:`) names, or null. */
export async function resolveLegacyPermalink(segments: readonly string[]): Promise<string | null> {
  const { db, withDrafts } = await currentView();
  return findPermalink(db, withDrafts, segments);
}

/**
 * The same for proxy.ts, which answers old links before routing: a URL path as requested, and
 * published articles only (draft mode is not known there; app/[...legacy] answers an editor's preview).
 */
export async function resolvePublishedLegacyPath(pathname: string): Promise<string | null> {
  return findPermalink(await contentDb(), false, pathname.split('/'));
}

function findPermalink(db: DatabaseSync, withDrafts: boolean, segments: readonly string[]): string | null {
  for (const candidate of paramCandidates(segments)) {
    const path = normalizePermalinkPath(candidate.join('/'));
    // An address under one of the site's own routes stays the site's (see recheckClaims).
    if (path === '' || isSiteRoute(path)) continue;
    const row = statement(
      db,
      `SELECT a.slug FROM permalink_claims c JOIN articles a ON a.id = c.article_id
       WHERE c.path = ? ${withDrafts ? '' : 'AND c.draft = 0'} ORDER BY ${claimOrder('c.')} LIMIT 1`,
    ).get(path) as { slug: string } | undefined;
    if (row) return row.slug;
  }
  return null;
}
