import type { DatabaseSync } from 'node:sqlite';
import { zonedYearMonth } from '../../dates';
import { expandPermalink, normalizePermalinkPath, type PermalinkPattern } from '../../permalink-pattern';
import { categoryKey } from '../categories';
import { compressBody } from '../db/article-rows';
import { statement } from '../db/statements';
import type { ArticleSummary } from '../types';
import { categoryPaths } from './placement';
import type { FileReading } from './read-article-file';

export type IndexSettings = { timeZone: string; permalinkPattern: PermalinkPattern };

type Article = NonNullable<FileReading['article']>;

/** Writes an article (a new row when `id` is undefined) with its listing memberships; returns its id. */
export function writeArticle(db: DatabaseSync, id: number | undefined, article: Article, settings: IndexSettings): number {
  const { summary } = article;
  const date = new Date(summary.date);
  const { year, month } = zonedYearMonth(date, settings.timeZone);
  const values = {
    $file: summary.file,
    $base_slug: summary.slug,
    $title: summary.title,
    $date: summary.date,
    $date_ms: date.getTime(),
    $updated: summary.updated ?? null,
    $author: summary.author ?? null,
    $categories: JSON.stringify(summary.categories),
    $tags: JSON.stringify(summary.tags),
    $image: summary.image ?? null,
    $excerpt: summary.excerpt,
    $draft: summary.draft ? 1 : 0,
    $format: summary.format,
    $permalink: summary.permalink ?? null,
    $year: year,
    $month: month,
    $body: compressBody(article.body),
    $body_line: article.bodyLine,
    $body_error: article.bodyError ?? null,
  };
  if (id === undefined) {
    // A placeholder slug until assignSlugs gives every article its own (file paths are unique).
    const inserted = statement(
      db,
      `INSERT INTO articles (file, base_slug, slug, title, date, date_ms, updated, author, categories, tags, image, excerpt,
         draft, format, permalink, year, month, body, body_line, body_error)
       VALUES ($file, $base_slug, char(0) || $file, $title, $date, $date_ms, $updated, $author, $categories, $tags, $image,
         $excerpt, $draft, $format, $permalink, $year, $month, $body, $body_line, $body_error)`,
    ).run(values);
    id = Number(inserted.lastInsertRowid);
  } else {
    statement(
      db,
      `UPDATE articles SET file = $file, base_slug = $base_slug, title = $title, date = $date, date_ms = $date_ms,
         updated = $updated, author = $author, categories = $categories, tags = $tags, image = $image, excerpt = $excerpt,
         draft = $draft, format = $format, permalink = $permalink, year = $year, month = $month, body = $body,
         body_line = $body_line, body_error = $body_error, revision = revision + 1
       WHERE id = $id`,
    ).run({ ...values, $id: id });
  }
  writeMemberships(db, id, summary);
  return id;
}

function writeMemberships(db: DatabaseSync, id: number, summary: ArticleSummary) {
  const slug = (statement(db, 'SELECT slug FROM articles WHERE id = ?').get(id) as { slug: string }).slug;
  const member = { $id: id, $draft: summary.draft ? 1 : 0, $date_ms: new Date(summary.date).getTime(), $slug: slug };
  statement(db, 'DELETE FROM category_members WHERE article_id = ?').run(id);
  statement(db, 'DELETE FROM tag_members WHERE article_id = ?').run(id);
  for (const path of categoryPaths(summary.categories)) {
    statement(db, 'INSERT INTO category_members VALUES ($key, $id, $draft, $date_ms, $slug)').run({ ...member, $key: categoryKey(path) });
  }
  for (const tag of summary.tags) {
    statement(db, 'INSERT INTO tag_members VALUES ($tag, $id, $draft, $date_ms, $slug)').run({ ...member, $tag: tag });
  }
}

/** Gives an article its final slug, in the listings' sort keys too. */
export function setSlug(db: DatabaseSync, id: number, slug: string): void {
  statement(db, 'UPDATE articles SET slug = ? WHERE id = ?').run(slug, id);
  statement(db, 'UPDATE category_members SET slug = ? WHERE article_id = ?').run(slug, id);
  statement(db, 'UPDATE tag_members SET slug = ? WHERE article_id = ?').run(slug, id);
}

export function deleteArticle(db: DatabaseSync, id: number): void {
  statement(db, 'DELETE FROM articles WHERE id = ?').run(id);
  statement(db, 'DELETE FROM category_members WHERE article_id = ?').run(id);
  statement(db, 'DELETE FROM tag_members WHERE article_id = ?').run(id);
  statement(db, 'DELETE FROM permalink_claims WHERE article_id = ?').run(id);
}

type ClaimRow = { slug: string; title: string; date: string; categories: string; permalink: string | null; draft: number; file: string };

/**
 * The old Hexo address an article claims: its front-matter `permalink:`, else the pattern's.
 * Returns the addresses given up and taken, for the pages to refresh.
 */
export function writeClaim(db: DatabaseSync, id: number, settings: IndexSettings): string[] {
  const before = (statement(db, 'SELECT path FROM permalink_claims WHERE article_id = ?').all(id) as { path: string }[]).map(
    (r) => r.path,
  );
  statement(db, 'DELETE FROM permalink_claims WHERE article_id = ?').run(id);
  const row = statement(db, 'SELECT slug, title, date, categories, permalink, draft, file FROM articles WHERE id = ?').get(id) as
    | ClaimRow
    | undefined;
  if (!row) return before;
  const override = row.permalink !== null;
  const path = override
    ? normalizePermalinkPath(row.permalink!)
    : expandPermalink(
        settings.permalinkPattern,
        { slug: row.slug, title: row.title, date: row.date, categories: JSON.parse(row.categories) as string[][] },
        settings.timeZone,
      );
  statement(db, 'INSERT INTO permalink_claims VALUES (?, ?, ?, ?, ?)').run(path, id, row.draft, override ? 1 : 0, row.file);
  return [...new Set([...before, path])];
}
