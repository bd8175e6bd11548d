import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sanitizeBody } from '../sanitize/sanitize-body';
import { checkBodyLimits } from '../sanitize/limits';
import { renderBody } from './body-format';
import { LruCache } from './lru';
import { readFrontMatter } from './read-front-matter';
import { contentRoot } from './source';
import { getIndex, onContentChange } from './store';
import type { Article, ArticleSummary } from './types';

/** Sanitized bodies kept in memory, so each article is rendered and sanitized once, not per request. */
const BODY_CACHE_SIZE = 500;
type Body = Pick<Article, 'html' | 'bodyError'>;
const bodies: LruCache<string, Promise<Body>> = ((globalThis as { __newsBodyCache?: LruCache<string, Promise<Body>> })
  .__newsBodyCache ??= new LruCache(BODY_CACHE_SIZE));
onContentChange(() => bodies.clear());

async function loadBody(summary: ArticleSummary): Promise<Body> {
  const file = path.join(contentRoot(), summary.file);
  let body: string;
  try {
    body = readFrontMatter(await fs.readFile(/* turbopackIgnore: true */ file, 'utf8')).body;
  } catch (error) {
    const reason = `body cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    console.error(`[content] error: ${summary.file}: ${reason}`);
    return { html: '', bodyError: reason };
  }
  // Limits apply to the source too: Markdown rendering of a huge body would stall before sanitizing could refuse it.
  const sourceLimits = checkBodyLimits(body);
  const rendered = sourceLimits.ok ? renderBody(body, summary.format) : sourceLimits;
  const result = rendered.ok ? sanitizeBody(rendered.html) : rendered;
  if (!result.ok) {
    console.error(`[content] error: ${summary.file}: ${result.reason}; the body is not shown`);
    return { html: '', bodyError: result.reason };
  }
  return { html: result.html };
}

/** An article with its sanitized body, or null if there is no published article with that slug. */
export async function getArticle(slug: string): Promise<Article | null> {
  const entry = (await getIndex()).bySlug.get(slug);
  if (!entry) return null;
  const key = `${entry.article.file}\u0000${entry.article.slug}`;
  let body = bodies.get(key);
  if (!body) {
    body = loadBody(entry.article);
    bodies.set(key, body);
  }
  return { ...entry.article, ...(await body) };
}
