import 'server-only';
import type { DatabaseSync } from 'node:sqlite';
import { publishedView } from './current-index';
import { categoryTreeOf } from './db/category-tree';
import { statement } from './db/statements';
import type { CategoryNode } from './types';

export type SitemapSource = {
  /** Every published article, newest first. */
  articles: { slug: string; date: string; updated?: string }[];
  categories: CategoryNode[];
  /** Category key → the last change of its newest article (its `updated`, else its date). */
  categoryChanged: Map<string, string>;
  /** Tag → the last change of its newest article. */
  tags: Map<string, string>;
};

/** What the sitemap lists, of the published site. */
export async function getSitemapSource(): Promise<SitemapSource> {
  return sitemapSourceOf((await publishedView()).db);
}

export function sitemapSourceOf(db: DatabaseSync): SitemapSource {
  const articles = (
    statement(db, 'SELECT slug, date, updated FROM articles WHERE draft = 0 ORDER BY date_ms DESC, slug ASC').all() as {
      slug: string;
      date: string;
      updated: string | null;
    }[]
  ).map(({ slug, date, updated }) => ({ slug, date, ...(updated !== null && { updated }) }));
  const newestOf = (table: string, key: string) =>
    new Map(
      (
        statement(
          db,
          `SELECT name, COALESCE(updated, date) AS changed FROM (
             SELECT m.${key} AS name, a.updated, a.date,
               ROW_NUMBER() OVER (PARTITION BY m.${key} ORDER BY m.date_ms DESC, m.slug ASC) AS rank
             FROM ${table} m JOIN articles a ON a.id = m.article_id WHERE m.draft = 0)
           WHERE rank = 1`,
        ).all() as { name: string; changed: string }[]
      ).map((r) => [r.name, r.changed]),
    );
  return {
    articles,
    categories: categoryTreeOf(db, false),
    categoryChanged: newestOf('category_members', 'key'),
    tags: newestOf('tag_members', 'tag'),
  };
}
