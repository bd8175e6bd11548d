import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveAsset, type AssetLookup } from '../../assets/resolve-asset';
import { assetFolderOf, listAssets } from '../../assets/served-file';
import { fileTooLargeReason, MAX_FILE_BYTES } from '../../sanitize/limits';
import type { SanitizeChange } from '../../sanitize/sanitize-report';
import { unescapeAttribute } from '../../html-escape';
import { urlScheme } from '../../safe-url';
import { fallbackDateOf } from '../file-date';
import { findAssetTags } from '../asset-tags';
import { parseArticle } from '../parse-article';
import { postAssetsOf, type PostAssets } from '../post-assets';
import { readArticleText } from '../read-text';
import { safeBodyHtml } from '../safe-body';
import { safeDecode } from '../slugs';
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

/** Hexo's asset tags, which the site renders (lib/content/asset-tags.ts). */
const RENDERED_TAGS = new Set(['asset_img', 'asset_path', 'asset_link']);

/**
 * The file line of each of a body's offsets, asked for in increasing order: lines are counted from
 * the previous offset on, never from the start, since bodies can hold thousands of tags.
 */
function lineCounter(body: string, bodyLine: number): (index: number) => number {
  let line = bodyLine;
  let counted = 0;
  return (index) => {
    for (let i = body.indexOf('\n', counted); i !== -1 && i < index; i = body.indexOf('\n', i + 1)) line++;
    counted = index;
    return line;
  };
}

/** Hexo template tags left in a body: one finding per tag name, at its first line, with a count. */
function hexoTags(body: string, bodyLine: number): { line: number; reason: string }[] {
  const tags = new Map<string, { line: number; count: number }>();
  const lineAt = lineCounter(body, bodyLine);
  for (const match of body.matchAll(HEXO_TAG)) {
    const line = lineAt(match.index);
    const name = match[1]!;
    // `{% endnote %}` closes the `{% note %}` already reported.
    if (name.startsWith('end') || RENDERED_TAGS.has(name)) continue;
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

/** The path of a site-relative URL (resolved against `pageUrl`), as raw segments; null for other sites' URLs. */
function sitePath(url: string, pageUrl: string): string[] | null {
  if (urlScheme(url) !== null || url.startsWith('//') || url.startsWith('#')) return null;
  try {
    return new URL(url, `http://site.invalid${pageUrl}`).pathname.split('/').filter(Boolean);
  } catch {
    return null;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Where an article's slug leads on disk, for URLs of another article's assets: the checker reads
 * files one at a time, so it takes a slug to be the file's path (Hexo's rule), drafts included.
 */
function lookupOnDisk(root: string, own: ArticleSummary): AssetLookup {
  return {
    async article(slug) {
      if (slug === own.slug) return { file: own.file, draft: own.draft };
      for (const folder of ['_posts/', '', '_drafts/']) {
        for (const extension of ['.md', '.markdown']) {
          const file = `${folder}${slug}${extension}`;
          if (await exists(path.join(root, file))) return { file, draft: folder === '_drafts/' };
        }
      }
      return undefined;
    },
  };
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
  const lookup = lookupOnDisk(options.contentDir, summary);

  if (summary.image) await checkImage(summary.image, '/', result, options, lookup, 'front matter');

  if (stat.size > MAX_FILE_BYTES) {
    problem({ severity: 'error', kind: 'body', reason: fileTooLargeReason(stat.size) });
    return result;
  }

  for (const tag of hexoTags(raw.body, raw.bodyLine)) problem({ severity: 'warning', kind: 'hexo-tag', ...tag });
  const assets = postAssetsOf(summary.slug, file.display, await listAssets(options.contentDir, file.display));
  for (const missing of await missingAssets(raw.body, raw.bodyLine, assets, file.display, options.contentDir)) {
    problem({ severity: 'warning', kind: 'asset-missing', ...missing });
  }

  const safe = safeBodyHtml(raw.body, summary.format, { report: true, assets });
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
  for (const src of new Set(imageSources(safe.html))) await checkImage(src, assets.base, result, options, lookup, 'body');
  return result;
}

/**
 * Asset tags that name no file the site serves from the post's asset folder: Hexo renders nothing
 * for them, and neither does the site. A file that is there but not served is told apart.
 */
async function missingAssets(body: string, bodyLine: number, assets: PostAssets, file: string, root: string) {
  const folder = `${assetFolderOf(file)}/`;
  const lineAt = lineCounter(body, bodyLine);
  const found = [];
  for (const tag of findAssetTags(body, assets)) {
    const line = lineAt(tag.index);
    if (tag.asset !== null) continue;
    const written = `{% ${tag.tag} ${tag.args.join(' ')} %}`.slice(0, 200);
    const named = tag.tag === 'asset_img' ? tag.args : tag.args.slice(0, 1);
    let unserved: string | undefined;
    for (const name of named) {
      if (!unserved && !name.split('/').includes('..') && (await exists(path.join(root, folder, name)))) unserved = name;
    }
    found.push({
      line,
      reason: unserved
        ? `${written}: ${folder}${unserved} is not served (only images, audio, video and PDF files are, and no dot- or _-files); the tag shows nothing`
        : `${written}: no such file in the asset folder ${folder}; the tag shows nothing`,
    });
  }
  return found;
}

async function checkImage(
  url: string,
  pageUrl: string,
  result: FileCheck,
  options: CheckOptions,
  lookup: AssetLookup,
  where: string,
) {
  const segments = sitePath(url, pageUrl);
  if (!segments) return;
  const decoded = segments.map((s) => safeDecode(s));
  if (await exists(path.join(options.publicDir, ...decoded))) return;
  if (await resolveAsset(options.contentDir, segments, lookup)) return;
  result.problems.push({
    file: result.summary?.file ?? '',
    severity: 'warning',
    kind: 'image-missing',
    reason: `${where} image ${JSON.stringify(`/${decoded.join('/')}`.slice(0, 200))} is neither in public/ nor a file the site serves from the content folder`,
  });
}
