import 'server-only';
import { PAGE_SIZE } from '../config';
import { type ArchiveMonth, type ArchiveYear } from './archives';
import { categoryKey } from './categories';
import { currentView, type View } from './current-index';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './db/article-rows';
import { categoryTreeOf } from './db/category-tree';
import { memoized } from './db/memo';
import { statement } from './db/statements';
import { contentDb, contentGeneration, refreshContent } from './store';
import { pageCount } from './paginate';
import { normalizeSlug, paramCandidates } from './slugs';
import type { ArticleSummary, CategoryNode, Page } from './types';

const columns = (alias: string) =>
  SUMMARY_COLUMNS.split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ');
/** SQL that keeps drafts out unless the view lists them. */
const visible = (view: View, alias = '') => (view.withDrafts ? '' : `AND ${alias}draft = 0`);
const NEWEST = 'date_ms DESC, slug ASC';

function rows(view: View, sql: string, ...params: (string | number)[]): ArticleSummary[] {
  return (statement(view.db, sql).all(...params) as SummaryRow[]).map(toSummary);
}

function pageOf(view: View, total: number, page: number, fetch: (limit: number, offset: number) => ArticleSummary[]) {
  const totalPages = pageCount(total);
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null;
  return { items: fetch(PAGE_SIZE, (page - 1) * PAGE_SIZE), page, totalPages, total };
}

const count = (view: View, sql: string, ...params: (string | number)[]) =>
  (statement(view.db, sql).get(...params) as { n: number }).n;

export async function getFrontPage(page: number): Promise<Page<ArticleSummary> | null> {
  return frontPageIn(await currentView(), page);
}

export function frontPageIn(view: View, page: number): Page<ArticleSummary> | null {
  const total = memoized(view, 'front-page-total', () => count(view, `SELECT COUNT(*) AS n FROM articles WHERE 1 ${visible(view)}`));
  return pageOf(view, total, page, (limit, offset) =>
    rows(view, `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE 1 ${visible(view)} ORDER BY ${NEWEST} LIMIT ? OFFSET ?`, limit, offset),
  );
}

const treeOf = (view: View) => memoized(view, 'category-tree', () => categoryTreeOf(view.db, view.withDrafts));

export async function getCategoryTree(): Promise<CategoryNode[]> {
  return treeOf(await currentView());
}

function findNode(roots: CategoryNode[], path: readonly string[]): CategoryNode | null {
  let level = roots;
  let node: CategoryNode | null = null;
  for (const name of path) {
    node = level.find((n) => n.name === name) ?? null;
    if (!node) return null;
    level = node.children;
  }
  return node;
}

export type CategoryListing = { category: CategoryNode; page: Page<ArticleSummary> };

export async function getCategoryPage(path: readonly string[], page: number): Promise<CategoryListing | null> {
  return categoryPageIn(await currentView(), path, page);
}

export function categoryPageIn(view: View, path: readonly string[], page: number): CategoryListing | null {
  const category = findNode(treeOf(view), path);
  if (!category) return null;
  const listing = pageOf(view, category.count, page, (limit, offset) =>
    rows(
      view,
      `SELECT ${columns('a')} FROM category_members m JOIN articles a ON a.id = m.article_id
       WHERE m.key = ? ${visible(view, 'm.')} ORDER BY m.date_ms DESC, m.slug ASC LIMIT ? OFFSET ?`,
      categoryKey(path),
      limit,
      offset,
    ),
  );
  return listing && { category, page: listing };
}

export async function getTagPage(tag: string, page: number): Promise<Page<ArticleSummary> | null> {
  return tagPageIn(await currentView(), tag, page);
}

export function tagPageIn(view: View, tag: string, page: number): Page<ArticleSummary> | null {
  const total = count(view, `SELECT COUNT(*) AS n FROM tag_members WHERE tag = ? ${visible(view)}`, tag);
  if (total === 0) return null;
  return pageOf(view, total, page, (limit, offset) =>
    rows(
      view,
      `SELECT ${columns('a')} FROM tag_members m JOIN articles a ON a.id = m.article_id
       WHERE m.tag = ? ${visible(view, 'm.')} ORDER BY m.date_ms DESC, m.slug ASC LIMIT ? OFFSET ?`,
      tag,
      limit,
      offset,
    ),
  );
}

const archiveOf = (view: View): ArchiveYear[] =>
  memoized(view, 'archive', () => {
    const months = statement(
      view.db,
      `SELECT year, month, COUNT(*) AS n FROM articles WHERE 1 ${visible(view)} GROUP BY year, month ORDER BY year DESC, month DESC`,
    ).all() as { year: number; month: number; n: number }[];
    const years: ArchiveYear[] = [];
    for (const { year, month, n } of months) {
      let entry = years[years.length - 1];
      if (entry?.year !== year) years.push((entry = { year, count: 0, months: [] }));
      entry.count += n;
      entry.months.push({ year, month, count: n });
    }
    return years;
  });

/** Every year with articles, newest first, each with its months and their counts. */
export async function getArchive(): Promise<ArchiveYear[]> {
  return archiveOf(await currentView());
}
export { archiveOf, treeOf };

export type ArchiveListing = { year: ArchiveYear; month?: ArchiveMonth; page: Page<ArticleSummary> };

/** One page of a year's articles, or of a month's (1–12); null for a year, month or page without articles. */
export async function getArchivePage(year: number, month: number | undefined, page: number): Promise<ArchiveListing | null> {
  return archivePageIn(await currentView(), year, month, page);
}

export function archivePageIn(view: View, year: number, month: number | undefined, page: number): ArchiveListing | null {
  const found = archiveOf(view).find((y) => y.year === year);
  const foundMonth = month === undefined ? undefined : found?.months.find((m) => m.month === month);
  if (!found || (month !== undefined && !foundMonth)) return null;
  const where = month === undefined ? 'year = ?' : 'year = ? AND month = ?';
  const keys = month === undefined ? [year] : [year, month];
  const listing = pageOf(view, (foundMonth ?? found).count, page, (limit, offset) =>
    rows(view, `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${where} ${visible(view)} ORDER BY ${NEWEST} LIMIT ? OFFSET ?`, ...keys, limit, offset),
  );
  return listing && { year: found, ...(foundMonth && { month: foundMonth }), page: listing };
}

export type TagCount = { name: string; count: number };

export async function getTags(): Promise<TagCount[]> {
  const view = await currentView();
  return memoized(view, 'tags', () =>
    (
      statement(view.db, `SELECT tag AS name, COUNT(*) AS count FROM tag_members WHERE 1 ${visible(view)} GROUP BY tag`).all() as TagCount[]
    ).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')),
  );
}

const summaryRow = (view: View, slug: string) =>
  statement(view.db, `SELECT ${SUMMARY_COLUMNS}, date_ms FROM articles WHERE slug = ? ${visible(view)}`).get(slug) as
    | (SummaryRow & { date_ms: number })
    | undefined;

export async function getSummary(slug: string): Promise<ArticleSummary | null> {
  const row = summaryRow(await currentView(), slug);
  return row ? toSummary(row) : null;
}

export type Neighbours = { newer?: ArticleSummary; older?: ArticleSummary; related: ArticleSummary[] };

const RELATED_COUNT = 5;
const NEWER = '(date_ms > $date OR (date_ms = $date AND slug < $slug))';
const OLDER = '(date_ms < $date OR (date_ms = $date AND slug > $slug))';

/**
 * The feed's newer and older articles, and related ones: the nearest in the article's deepest
 * category, earlier ones first, then in its parents. Nearest rather than newest, so that a new
 * article changes the related lists of a few pages, not of every page of its category (see
 * sync/placement.ts, which refreshes exactly those).
 */
export async function getNeighbours(slug: string): Promise<Neighbours> {
  return neighboursIn(await currentView(), slug);
}

export function neighboursIn(view: View, slug: string): Neighbours {
  const row = summaryRow(view, slug);
  if (!row) return { related: [] };
  const at = { $date: row.date_ms, $slug: row.slug };
  const one = (where: string, order: string) =>
    (statement(view.db, `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${where} ${visible(view)} ORDER BY ${order} LIMIT 1`).get(at) as
      | SummaryRow
      | undefined);
  const newer = one(NEWER, 'date_ms ASC, slug DESC');
  const older = one(OLDER, NEWEST);

  const seen = new Set([row.id]);
  const related: number[] = [];
  const near = (key: string, where: string, order: string) =>
    (
      statement(
        view.db,
        `SELECT article_id FROM category_members WHERE key = $key ${visible(view)} AND ${where} ORDER BY ${order} LIMIT ${RELATED_COUNT}`,
      ).all({ ...at, $key: key }) as { article_id: number }[]
    ).map((r) => r.article_id);
  for (const hierarchy of JSON.parse(row.categories) as string[][]) {
    for (let depth = hierarchy.length; depth >= 1 && related.length < RELATED_COUNT; depth--) {
      const key = categoryKey(hierarchy.slice(0, depth));
      for (const id of [...near(key, OLDER, NEWEST), ...near(key, NEWER, 'date_ms ASC, slug DESC')]) {
        if (related.length >= RELATED_COUNT) break;
        if (!seen.has(id)) {
          seen.add(id);
          related.push(id);
        }
      }
    }
  }
  const byId = new Map(
    related.length
      ? (statement(view.db, `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id IN (${related.map(() => '?').join(', ')})`).all(
          ...related,
        ) as SummaryRow[]).map((r) => [r.id, toSummary(r)])
      : [],
  );
  return {
    ...(newer && { newer: toSummary(newer) }),
    ...(older && { older: toSummary(older) }),
    related: related.map((id) => byId.get(id)!),
  };
}

/** Slugs to prerender at build time: the newest articles. */
export async function getNewestSlugs(count: number): Promise<string[]> {
  const view = await currentView();
  return (statement(view.db, `SELECT slug FROM articles WHERE 1 ${visible(view)} ORDER BY ${NEWEST} LIMIT ?`).all(count) as {
    slug: string;
  }[]).map((r) => r.slug);
}

/** Every category, parents before children. */
export async function getAllCategories(): Promise<CategoryNode[]> {
  const all: CategoryNode[] = [];
  const visit = (nodes: CategoryNode[]) => nodes.forEach((n) => (all.push(n), visit(n.children)));
  visit(treeOf(await currentView()));
  return all;
}

/** The article or draft an editor asks to preview, by its slug as written or percent-encoded. */
export async function findPreviewArticle(slug: string): Promise<ArticleSummary | null> {
  // Asked before preview is on: the folder as it is now, drafts included.
  const db = await contentDb();
  await refreshContent();
  const view: View = { db, withDrafts: true, generation: contentGeneration(db) };
  for (const candidate of paramCandidates(slug.split('/'))) {
    const row = summaryRow(view, normalizeSlug(candidate.join('/')));
    if (row) return toSummary(row);
  }
  return null;
}
