import type { DatabaseSync } from 'node:sqlite';
import { statement } from '../db/statements';
import { categoryKey } from '../categories';
import { FRONT_PAGE_LISTING, categoryListing, monthListing, tagListing, yearListing, type ListingId } from '../listings';

/** How far around an article, in each of its categories, another article's related list can reach (see queries.ts). */
export const RELATED_REACH = 10;

/** Where a published article shows on the site: what a change to it can change. */
export type Placement = {
  slug: string;
  /** Position (0 = newest) in each listing it is in. */
  positions: Map<ListingId, number>;
  /** Articles whose pages show it: its previous and next on the front page, and those whose related lists can. */
  shownBy: Set<string>;
  /** Old Hexo addresses it claims. */
  claims: string[];
};

type Row = { id: number; slug: string; date_ms: number; draft: number; categories: string; tags: string; year: number; month: number };

const BEFORE = '(date_ms > $date OR (date_ms = $date AND slug < $slug))';
const AFTER = '(date_ms < $date OR (date_ms = $date AND slug > $slug))';

function count(db: DatabaseSync, sql: string, params: Record<string, string | number>): number {
  return (statement(db, sql).get(params) as { n: number }).n;
}

function slugs(db: DatabaseSync, sql: string, params: Record<string, string | number>): string[] {
  return (statement(db, sql).all(params) as { slug: string }[]).map((r) => r.slug);
}

/** The ancestors-included category keys of an article's categories. */
export function categoryPaths(categories: readonly (readonly string[])[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const hierarchy of categories) {
    for (let depth = 1; depth <= hierarchy.length; depth++) {
      const path = hierarchy.slice(0, depth);
      seen.set(categoryKey(path), path);
    }
  }
  return [...seen.values()];
}

/** The placement of the article with this id as the database has it now; null for a draft or no such article. */
export function placementOf(db: DatabaseSync, id: number): Placement | null {
  const row = statement(db, 'SELECT id, slug, date_ms, draft, categories, tags, year, month FROM articles WHERE id = ?').get(id) as
    | Row
    | undefined;
  if (!row || row.draft) return null;
  const at = { $date: row.date_ms, $slug: row.slug };
  const positions = new Map<ListingId, number>();
  const shownBy = new Set<string>();
  const near = (table: string, where: string, params: Record<string, string | number>, limit: number) => {
    for (const [cond, order] of [
      [BEFORE, 'date_ms ASC, slug DESC'],
      [AFTER, 'date_ms DESC, slug ASC'],
    ] as const) {
      const sql = `SELECT slug FROM ${table} WHERE ${where} AND draft = 0 AND ${cond} ORDER BY ${order} LIMIT ${limit}`;
      for (const slug of slugs(db, sql, params)) shownBy.add(slug);
    }
  };

  positions.set(FRONT_PAGE_LISTING, count(db, `SELECT COUNT(*) AS n FROM articles WHERE draft = 0 AND ${BEFORE}`, at));
  near('articles', '1 = 1', at, 1);
  for (const path of categoryPaths(JSON.parse(row.categories) as string[][])) {
    const params = { ...at, $key: categoryKey(path) };
    positions.set(
      categoryListing(path),
      count(db, `SELECT COUNT(*) AS n FROM category_members WHERE key = $key AND draft = 0 AND ${BEFORE}`, params),
    );
    near('category_members', 'key = $key', params, RELATED_REACH);
  }
  for (const tag of JSON.parse(row.tags) as string[]) {
    positions.set(
      tagListing(tag),
      count(db, `SELECT COUNT(*) AS n FROM tag_members WHERE tag = $tag AND draft = 0 AND ${BEFORE}`, { ...at, $tag: tag }),
    );
  }
  const month = { ...at, $year: row.year, $month: row.month };
  positions.set(
    yearListing(row.year),
    count(db, `SELECT COUNT(*) AS n FROM articles WHERE year = $year AND draft = 0 AND ${BEFORE}`, { ...at, $year: row.year }),
  );
  positions.set(
    monthListing(row.year, row.month),
    count(db, `SELECT COUNT(*) AS n FROM articles WHERE year = $year AND month = $month AND draft = 0 AND ${BEFORE}`, month),
  );
  const claims = (statement(db, 'SELECT path FROM permalink_claims WHERE article_id = ?').all(id) as { path: string }[]).map(
    (r) => r.path,
  );
  return { slug: row.slug, positions, shownBy, claims };
}
