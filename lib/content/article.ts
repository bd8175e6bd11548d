import 'server-only';
import { currentView } from './current-index';
import { BODY_COLUMNS, decompressBody, toSummary, type BodyRow } from './db/article-rows';
import { statement } from './db/statements';
import { LruCache } from './lru';
import { readPostAssets } from './read-body';
import { reportProblems } from './report';
import { safeBodyHtml } from './safe-body';
import type { Article, ArticleSummary, BodyFormat } from './types';

/**
 * Sanitized bodies kept in memory, so an article is rendered and sanitized once, not per request
 * (its page, the feeds it is in). Bounded by count and bytes; keyed by the article's revision, so
 * an update is rendered afresh (an asset file added to its folder shows when the article next
 * changes). Preview bypasses it: an editor sees what sanitizing changed.
 */
const BODY_CACHE_ENTRIES = 1000;
const BODY_CACHE_BYTES = 64 * 1024 * 1024;
type Body = Pick<Article, 'html' | 'bodyError' | 'sanitizeReport'>;
const bodies: LruCache<string, Body> = ((globalThis as { __newsBodyCache?: LruCache<string, Body> }).__newsBodyCache ??=
  new LruCache(BODY_CACHE_ENTRIES, BODY_CACHE_BYTES));


async function render(row: BodyRow, withReport: boolean): Promise<Body> {
  if (row.body_error !== null) return { html: '', bodyError: row.body_error };
  const assets = await readPostAssets(toSummary(row));
  const result = safeBodyHtml(decompressBody(row.body), row.format as BodyFormat, { report: withReport, assets });
  if (!result.ok) {
    const reason = `${result.reason}; the body is not shown`;
    reportProblems([{ file: row.file, severity: 'error', kind: 'body', reason }]);
    return { html: '', bodyError: reason };
  }
  const report = result.report && { changes: result.report.changes, unlisted: result.report.unlisted };
  return { html: result.html, ...(report && { sanitizeReport: report }) };
}

/** A stored article with its sanitized body, through the body cache. */
export async function withBody(row: BodyRow): Promise<Article> {
  const key = `${row.id}\u0000${row.revision}`;
  let body = bodies.get(key);
  if (!body) {
    body = await render(row, false);
    bodies.set(key, body, body.html.length * 2);
  }
  return { ...toSummary(row), ...body };
}

/** An article with its sanitized body, or null if there is no such article (a draft, outside preview). */
export async function getArticle(slug: string): Promise<Article | null> {
  const view = await currentView();
  const row = statement(view.db, `SELECT ${BODY_COLUMNS} FROM articles WHERE slug = ? ${view.withDrafts ? '' : 'AND draft = 0'}`).get(
    slug,
  ) as BodyRow | undefined;
  if (!row) return null;
  if (view.withDrafts) return { ...toSummary(row), ...(await render(row, true)) };
  return withBody(row);
}

export type { ArticleSummary };
