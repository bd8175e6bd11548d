import 'server-only';
import { currentIndex, isPreview } from './current-index';
import { LruCache } from './lru';
import { readBodySource, readPostAssets } from './read-body';
import { reportProblems } from './report';
import { safeBodyHtml } from './safe-body';
import { onContentChange } from './store';
import type { Article, ArticleSummary } from './types';

/**
 * Sanitized bodies kept in memory, so an article is rendered and sanitized once, not per request
 * (and pages are cached by Next.js after their first render anyway). Bounded by count and bytes.
 * Preview bypasses it: an editor sees the file as saved, with what sanitizing changed.
 */
const BODY_CACHE_ENTRIES = 1000;
const BODY_CACHE_BYTES = 64 * 1024 * 1024;
type Body = Pick<Article, 'html' | 'bodyError' | 'sanitizeReport'>;
const bodies: LruCache<string, Promise<Body>> = ((globalThis as { __newsBodyCache?: LruCache<string, Promise<Body>> })
  .__newsBodyCache ??= new LruCache(BODY_CACHE_ENTRIES, BODY_CACHE_BYTES));
onContentChange('article-bodies', () => bodies.clear());

async function loadBody(summary: ArticleSummary, withReport: boolean): Promise<Body> {
  const [source, assets] = await Promise.all([readBodySource(summary), readPostAssets(summary)]);
  if (!source.ok) return refuse(summary, source.reason);
  const result = safeBodyHtml(source.body, summary.format, { report: withReport, assets });
  if (!result.ok) return refuse(summary, `${result.reason}; the body is not shown`);
  const report = result.report && { changes: result.report.changes, unlisted: result.report.unlisted };
  return { html: result.html, ...(report && { sanitizeReport: report }) };
}

function refuse(summary: ArticleSummary, reason: string): Body {
  reportProblems([{ file: summary.file, severity: 'error', kind: 'body', reason }]);
  return { html: '', bodyError: reason };
}

/** An article with its sanitized body, or null if there is no such article (a draft, outside preview). */
export async function getArticle(slug: string): Promise<Article | null> {
  const entry = (await currentIndex()).bySlug.get(slug);
  if (!entry) return null;
  if (await isPreview()) return { ...entry.article, ...(await loadBody(entry.article, true)) };
  return withCachedBody(entry.article);
}

/** A published article with its sanitized body, shared through the body cache. */
export async function withCachedBody(summary: ArticleSummary): Promise<Article> {
  const key = `${summary.file}\u0000${summary.slug}`;
  let body = bodies.get(key);
  if (!body) {
    body = loadBody(summary, false);
    bodies.set(key, body);
    void body.then((b) => bodies.reweigh(key, b.html.length * 2));
  }
  return { ...summary, ...(await body) };
}
