import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { siteConfig } from '../config';
import { ARTICLE_FILE, isSkippedEntry, isSkippedFolder } from './entry-rules';

export type SourceFile = {
  /** Absolute path. */
  path: string;
  /** Path relative to the articles root, `/`-separated: the basis of the slug. */
  relative: string;
  /** Path relative to the content folder, for messages. */
  display: string;
  draft: boolean;
};

export type ListingProblem = { file: string; kind: 'unreadable' | 'symlink'; reason: string };
export type Listing = { files: SourceFile[]; problems: ListingProblem[] };

/** The content folder itself is missing: nothing can be served, so this one is fatal. */
export class ContentFolderError extends Error {}

export function contentRoot(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), siteConfig.contentDir);
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await fs.stat(/* turbopackIgnore: true */ dir)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every article file under `dir`, following symbolic links but never the same directory twice
 * (a link that loops back is reported, not followed). Folders starting with `.` or `_` are skipped,
 * as Hexo skips them, and so is node_modules.
 */
async function walk(dir: string, root: string, listing: Listing, seen: Set<string>, draft: boolean, base: string) {
  let real: string;
  try {
    real = await fs.realpath(/* turbopackIgnore: true */ dir);
  } catch (error) {
    listing.problems.push({ file: path.relative(root, dir) || '.', kind: 'unreadable', reason: `cannot be read: ${(error as Error).message}` });
    return;
  }
  if (seen.has(real)) {
    listing.problems.push({ file: path.relative(root, dir), kind: 'symlink', reason: 'symbolic link loops back to a folder already read; skipped' });
    return;
  }
  seen.add(real);

  let entries;
  try {
    entries = await fs.readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  } catch (error) {
    listing.problems.push({ file: path.relative(root, dir) || '.', kind: 'unreadable', reason: `folder cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (isSkippedEntry(entry.name)) continue;
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await fs.stat(/* turbopackIgnore: true */ full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        listing.problems.push({ file: path.relative(root, full), kind: 'symlink', reason: code === 'ELOOP' ? 'symbolic link loops; skipped' : `broken symbolic link (${code}); skipped` });
        continue;
      }
    }
    if (isDir) {
      // _posts and _drafts are walked on their own, never from their parent.
      if (isSkippedFolder(entry.name, false)) continue;
      await walk(full, root, listing, seen, draft, base);
    } else if (isFile && ARTICLE_FILE.test(entry.name)) {
      listing.files.push({
        path: full,
        relative: path.relative(base, full).split(path.sep).join('/'),
        display: path.relative(root, full).split(path.sep).join('/'),
        draft,
      });
    } else if (!isDir && ARTICLE_FILE.test(entry.name)) {
      // A FIFO or socket named like an article would block or fail any read.
      listing.problems.push({ file: path.relative(root, full), kind: 'unreadable', reason: 'is not a regular file; skipped' });
    }
  }
}

/** Where articles live: a Hexo `source` folder (one with `_posts/`) keeps them in `_posts/`. */
async function articleRoots(root: string): Promise<{ base: string; draft: boolean }[]> {
  if (!(await isDirectory(root))) {
    throw new ContentFolderError(`content folder ${root} does not exist or is not a folder: set CONTENT_DIR`);
  }
  const posts = path.join(root, '_posts');
  const drafts = path.join(root, '_drafts');
  return [
    { base: (await isDirectory(posts)) ? posts : root, draft: false },
    ...((await isDirectory(drafts)) ? [{ base: drafts, draft: true }] : []),
  ];
}

/**
 * Lists the article files of the content folder, and the drafts of its `_drafts/` folder. A Hexo
 * `source` folder (one with `_posts/`) is read the Hexo way: only `_posts/` holds articles.
 * With `under` (a folder relative to the content folder), only the articles below it.
 */
export async function listArticleFiles(root = contentRoot(), under?: string): Promise<Listing> {
  const listing: Listing = { files: [], problems: [] };
  for (const { base, draft } of await articleRoots(root)) {
    const start = under === undefined ? base : path.join(root, under);
    const inside = path.relative(base, start);
    if (inside.startsWith('..') || path.isAbsolute(inside)) continue;
    // A folder below the articles root is skipped if any folder on the way is (`.x`, `_x`, node_modules).
    if (inside !== '' && inside.split(path.sep).some((part) => isSkippedFolder(part, false))) continue;
    if (!(await isDirectory(start))) continue;
    await walk(start, root, listing, new Set(), draft, base);
  }
  return listing;
}

/** The article file at `display` (relative to the content folder), if that path is one the site reads. */
export async function sourceFileOf(root: string, display: string): Promise<SourceFile | null> {
  if (!ARTICLE_FILE.test(display)) return null;
  const full = path.join(root, display);
  for (const { base, draft } of await articleRoots(root)) {
    const relative = path.relative(base, full);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const folders = relative.split(path.sep).slice(0, -1);
    if (folders.some((part) => isSkippedFolder(part, false))) continue;
    if (isSkippedEntry(path.basename(relative))) return null;
    return { path: full, relative: relative.split(path.sep).join('/'), display: display.split(path.sep).join('/'), draft };
  }
  return null;
}
