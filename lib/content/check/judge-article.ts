import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveAsset, type AssetLookup } from '../../assets/resolve-asset';
import { assetFolderOf, listAssets } from '../../assets/served-file';
import type { SanitizeChange } from '../../sanitize/sanitize-report';
import { unescapeAttribute } from '../../html-escape';
import { urlScheme } from '../../safe-url';
import { findAssetTags } from '../asset-tags';
import { postAssetsOf, type PostAssets } from '../post-assets';
import { safeBodyHtml } from '../safe-body';
import { safeDecode } from '../slugs';
import type { ArticleSummary, Problem } from '../types';

export type CheckOptions = { timeZone: string; publicDir: string; contentDir: string };

export type RemovedCounts = { elements: number; attributes: number; urls: number };

/** What the checker says of one article beyond what the site's reader reported. */
export type Judgment = {
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

/** An article as the index holds it: what the checker judges beyond what the site's reader reported. */
export type IndexedArticle = { summary: ArticleSummary; body: string; bodyLine: number; bodyError: string | null };

/**
 * What the checker says of an article on top of what the site's reader reports (lib/content/sync):
 * Hexo tags shown as text, asset tags naming no file, images neither in public/ nor served from the
 * content folder, and what sanitizing removes (a warning when it removes active content).
 */
export async function judgeArticle(
  { summary, body, bodyLine, bodyError }: IndexedArticle,
  options: CheckOptions,
  lookup: AssetLookup,
): Promise<Judgment> {
  const removed: RemovedCounts = { elements: 0, attributes: 0, urls: 0 };
  const result: Judgment = { problems: [], removed, changes: [] };
  const problem = (p: Omit<Problem, 'file'>) => result.problems.push({ file: summary.file, ...p });

  const imageMissing = async (url: string, pageUrl: string, where: string) => {
    const reason = await missingImage(url, pageUrl, options, lookup, where);
    if (reason) problem({ severity: 'warning', kind: 'image-missing', reason });
  };
  if (summary.image) await imageMissing(summary.image, '/', 'front matter');
  // A body the site refuses (too large, too deep) is reported by the reader; there is nothing to judge in it.
  if (bodyError !== null) return result;

  for (const tag of hexoTags(body, bodyLine)) problem({ severity: 'warning', kind: 'hexo-tag', ...tag });
  const assets = postAssetsOf(summary.slug, summary.file, await listAssets(options.contentDir, summary.file));
  for (const missing of await missingAssets(body, bodyLine, assets, summary.file, options.contentDir)) {
    problem({ severity: 'warning', kind: 'asset-missing', ...missing });
  }

  const safe = safeBodyHtml(body, summary.format, { report: true, assets });
  if (!safe.ok) {
    problem({ severity: 'error', kind: 'body', line: bodyLine, reason: `${safe.reason}; the body is not shown` });
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
      line: bodyLine,
      reason: `sanitizing removed ${parts.join(', ')}${active ? ', including active content (scripts, forms, event handlers or unsafe URLs)' : ''}`,
    });
  }
  for (const src of new Set(imageSources(safe.html))) await imageMissing(src, assets.base, 'body');
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

/** A warning for an image neither in public/ nor served from the content folder; null for one that is, or another site's. */
async function missingImage(url: string, pageUrl: string, options: CheckOptions, lookup: AssetLookup, where: string) {
  const segments = sitePath(url, pageUrl);
  if (!segments) return null;
  const decoded = segments.map((s) => safeDecode(s));
  if (await exists(path.join(options.publicDir, ...decoded))) return null;
  if (await resolveAsset(options.contentDir, segments, lookup)) return null;
  return `${where} image ${JSON.stringify(`/${decoded.join('/')}`.slice(0, 200))} is neither in public/ nor a file the site serves from the content folder`;
}
