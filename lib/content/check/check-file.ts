import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTooLargeReason, MAX_FILE_BYTES } from '../../sanitize/limits';
import type { SanitizeChange } from '../../sanitize/sanitize-report';
import { unescapeAttribute } from '../../html-text';
import { urlScheme } from '../../safe-url';
import { fallbackDateOf } from '../file-date';
import { parseArticle } from '../parse-article';
import { readArticleText } from '../read-text';
import { safeBodyHtml } from '../safe-body';
import { slugToPath } from '../slugs';
import type { SourceFile } from '../source';
import type { ArticleSummary, Problem } from '../types';

export type CheckOptions = { timeZone: string; publicDir: string; contentDir: string };

export type RemovedCounts = { elements: number; attributes: number; urls: number };

/** Everything the checker learned about one file. */
export type FileCheck = {
  summary: ArticleSummary | null;
  problems: Problem[];
  removed: RemovedCounts;
  /** What sanitizing removed or changed, for `--json`. */
  changes: SanitizeChange[];
};

/** A tag's arguments are bounded so that a body full of `{%` without `%}` is scanned in linear time. */
const HEXO_TAG = /\{%-?\s*([A-Za-z_][\w-]*)(?:[^\n%]|%(?!\})){0,300}?%\}/g;
/** Distinct tag names reported per file; more are summed up in one line. */
const MAX_TAG_NAMES = 20;
/** Removals that mean the author wrote something active (code, forms, page-level tags), not merely presentational markup. */
const ACTIVE_TAGS = new Set(['form', 'input', 'button', 'textarea', 'select', 'meta', 'base', 'link', 'marquee', 'applet']);
const ACTIVE_REASONS = new Set<SanitizeChange['reason']>(['event-handler', 'unsafe-url', 'element-not-allowed-with-content']);

/** Hexo template tags left in a body: one finding per tag name, at its first line, with a count. */
function hexoTags(body: string, bodyLine: number): { line: number; reason: string }[] {
  const tags = new Map<string, { line: number; count: number }>();
  let line = bodyLine;
  let counted = 0;
  for (const match of body.matchAll(HEXO_TAG)) {
    // Lines are counted from the previous match on, never from the start: bodies can hold thousands of tags.
    for (let i = body.indexOf('\n', counted); i !== -1 && i < match.index; i = body.indexOf('\n', i + 1)) line++;
    counted = match.index;
    const name = match[1]!;
    // `{% endnote %}` closes the `{% note %}` already reported.
    if (name.startsWith('end')) continue;
    const seen = tags.get(name);
    if (seen) seen.count++;
    else tags.set(name, { line, count: 1 });
  }
  const found = [...tags].map(([name, { line, count }]) => ({
    line,
    reason: `Hexo tag {% ${name} %} is shown as text: Hexo plugins are not run here${count > 1 ? ` (${count} times)` : ''}`,
  }));
  if (found.length <= MAX_TAG_NAMES) return found;
  return [
    ...found.slice(0, MAX_TAG_NAMES),
    { line: found[MAX_TAG_NAMES]!.line, reason: `${found.length - MAX_TAG_NAMES} more kinds of Hexo tag are shown as text` },
  ];
}

/** Image sources of sanitized HTML: its attributes are always double-quoted and escaped, so a pattern reads them. */
function imageSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)].map((m) => unescapeAttribute(m[1]!));
}

/** Where on disk a site-relative URL is served from (public/), if it is one. */
function servedPath(url: string, pageUrl: string, publicDir: string): { urlPath: string; file: string } | null {
  if (urlScheme(url) !== null || url.startsWith('//') || url.startsWith('#')) return null;
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(new URL(url, `http://site.invalid${pageUrl}`).pathname);
  } catch {
    return null;
  }
  return { urlPath, file: path.join(publicDir, ...urlPath.split('/').filter(Boolean)) };
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Checks one article file as the site would read and show it, and a little more (see the README). */
export async function checkFile(file: SourceFile, options: CheckOptions): Promise<FileCheck> {
  const removed: RemovedCounts = { elements: 0, attributes: 0, urls: 0 };
  const result: FileCheck = { summary: null, problems: [], removed, changes: [] };
  const problem = (p: Omit<Problem, 'file'>) => result.problems.push({ file: file.display, ...p });

  let text: string;
  let stat;
  try {
    stat = await fs.stat(file.path);
    text = await readArticleText(file.path, stat.size);
  } catch (error) {
    problem({ severity: 'error', kind: 'unreadable', reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return result;
  }

  const parsed = parseArticle(text, { relative: file.relative, display: file.display, draft: file.draft, fallbackDate: fallbackDateOf(stat) }, options.timeZone);
  result.problems.push(...parsed.problems);
  if (!parsed.ok) return result;
  const { summary, raw } = parsed;
  result.summary = summary;
  const pageUrl = `/posts/${slugToPath(summary.slug)}`;

  if (summary.image) await checkImage(summary.image, '/', result, options, 'front matter');

  if (stat.size > MAX_FILE_BYTES) {
    problem({ severity: 'error', kind: 'body', reason: fileTooLargeReason(stat.size) });
    return result;
  }

  for (const tag of hexoTags(raw.body, raw.bodyLine)) problem({ severity: 'warning', kind: 'hexo-tag', ...tag });

  const safe = safeBodyHtml(raw.body, summary.format, { report: true });
  if (!safe.ok) {
    problem({ severity: 'error', kind: 'body', line: raw.bodyLine, reason: `${safe.reason}; the body is not shown` });
    return result;
  }
  const changes = safe.report?.changes ?? [];
  result.changes = changes;
  Object.assign(removed, safe.report?.removed);
  const total = removed.elements + removed.attributes + removed.urls;
  if (total > 0) {
    const active =
      [...(safe.report?.reasons ?? [])].some((reason) => ACTIVE_REASONS.has(reason)) ||
      [...(safe.report?.removedTags ?? [])].some((tag) => ACTIVE_TAGS.has(tag));
    const parts = [
      removed.elements && `${removed.elements} element(s)`,
      removed.attributes && `${removed.attributes} attribute(s)`,
      removed.urls && `${removed.urls} URL(s)`,
    ].filter(Boolean);
    problem({
      severity: active ? 'warning' : 'notice',
      kind: 'sanitized',
      line: raw.bodyLine,
      reason: `sanitizing removed ${parts.join(', ')}${active ? ', including active content (scripts, forms, event handlers or unsafe URLs)' : ''}`,
    });
  }
  for (const src of new Set(imageSources(safe.html))) await checkImage(src, pageUrl, result, options, 'body');
  return result;
}

async function checkImage(url: string, pageUrl: string, result: FileCheck, options: CheckOptions, where: string) {
  const served = servedPath(url, pageUrl, options.publicDir);
  if (!served || (await exists(served.file))) return;
  const inContent = await exists(path.join(options.contentDir, ...served.urlPath.split('/').filter(Boolean)));
  result.problems.push({
    file: result.summary?.file ?? '',
    severity: 'warning',
    kind: 'image-missing',
    reason: `${where} image ${JSON.stringify(url.slice(0, 200))} is served from ${served.urlPath}, which is not in public/${
      inContent ? ' (it is in the content folder: copy it into public/)' : ''
    }`,
  });
}
