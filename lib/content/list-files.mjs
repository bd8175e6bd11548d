// @ts-check
// Plain JavaScript on Node's built-ins alone: the scan's worker thread (sync/scan-worker.mjs) runs
// it as it is, under Next.js, tsx and Vitest alike. Synchronous, since it runs there, off the
// server's main thread: a sync stat costs a tenth of the CPU of an async one (README, "Following the folder").
import fs from 'node:fs';
import path from 'node:path';

/** Article files: `.md` and `.markdown`, in any case. */
export const ARTICLE_FILE = /\.(?:md|markdown)$/i;

/**
 * Entries never read, files or folders: hidden ones (`.git`, an editor's `.#lock`) and node_modules.
 * @param {string} name
 */
export const isSkippedEntry = (name) => name.startsWith('.') || name === 'node_modules';

/**
 * Folders never read: those above, and `_`-folders as Hexo skips them, but for `_posts` and
 * `_drafts` at the top of the content folder.
 * @param {string} name
 * @param {boolean} topLevel
 */
export const isSkippedFolder = (name, topLevel) =>
  isSkippedEntry(name) || (name.startsWith('_') && !(topLevel && (name === '_posts' || name === '_drafts')));

/**
 * @typedef {object} SourceFile
 * @property {string} path Absolute path.
 * @property {string} relative Path relative to the articles root, `/`-separated: the basis of the slug.
 * @property {string} display Path relative to the content folder, for messages.
 * @property {boolean} draft
 */
/** @typedef {{ file: string, kind: 'unreadable' | 'symlink', reason: string }} ListingProblem */
/** @typedef {{ files: SourceFile[], problems: ListingProblem[] }} Listing */

/** The content folder itself is missing: nothing can be served, so this one is fatal. */
export class ContentFolderError extends Error {
  name = 'ContentFolderError';
}

/**
 * Whether `dir` is a folder that can be read: missing, looping links and unreadable paths are not.
 * @param {string} dir
 */
function isDirectory(dir) {
  try {
    return fs.statSync(/* turbopackIgnore: true */ dir).isDirectory();
  } catch {
    return false;
  }
}

/** @param {unknown} error */
const codeOf = (error) => /** @type {NodeJS.ErrnoException} */ (error).code;

/**
 * Every article file under `dir` (shown as `shown`, relative to the content folder), following
 * symbolic links but never the same directory twice (a link that loops back is reported, not
 * followed). Folders starting with `.` or `_` are skipped, as Hexo skips them, and so is node_modules.
 * @param {string} dir
 * @param {string} shown
 * @param {{ listing: Listing, seen: Set<string>, draft: boolean, base: string }} walk `base`: the articles root, as shown
 */
function walkFolder(dir, shown, walk) {
  const { listing, seen, draft, base } = walk;
  let real;
  try {
    real = fs.realpathSync(/* turbopackIgnore: true */ dir);
  } catch (error) {
    listing.problems.push({ file: shown || '.', kind: 'unreadable', reason: `cannot be read: ${/** @type {Error} */ (error).message}` });
    return;
  }
  if (seen.has(real)) {
    listing.problems.push({ file: shown, kind: 'symlink', reason: 'symbolic link loops back to a folder already read; skipped' });
    return;
  }
  seen.add(real);

  let entries;
  try {
    entries = fs.readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  } catch (error) {
    listing.problems.push({ file: shown || '.', kind: 'unreadable', reason: `folder cannot be read: ${codeOf(error) ?? /** @type {Error} */ (error).message}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (isSkippedEntry(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const display = shown ? `${shown}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(/* turbopackIgnore: true */ full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        const code = codeOf(error);
        listing.problems.push({ file: display, kind: 'symlink', reason: code === 'ELOOP' ? 'symbolic link loops; skipped' : `broken symbolic link (${code}); skipped` });
        continue;
      }
    }
    if (isDir) {
      // _posts and _drafts are walked on their own, never from their parent.
      if (isSkippedFolder(entry.name, false)) continue;
      walkFolder(full, display, walk);
    } else if (isFile && ARTICLE_FILE.test(entry.name)) {
      listing.files.push({ path: full, relative: base ? display.slice(base.length + 1) : display, display, draft });
    } else if (!isDir && ARTICLE_FILE.test(entry.name)) {
      // A FIFO or socket named like an article would block or fail any read.
      listing.problems.push({ file: display, kind: 'unreadable', reason: 'is not a regular file; skipped' });
    }
  }
}

/**
 * Where articles live, each as its path relative to the content folder: a Hexo `source` folder (one
 * with `_posts/`) keeps them in `_posts/`, and its drafts in `_drafts/`.
 * @param {string} root
 * @returns {{ base: string, draft: boolean }[]}
 */
function articleRoots(root) {
  if (!isDirectory(root)) {
    throw new ContentFolderError(`content folder ${root} does not exist or is not a folder: set CONTENT_DIR`);
  }
  return [
    { base: isDirectory(path.join(root, '_posts')) ? '_posts' : '', draft: false },
    ...(isDirectory(path.join(root, '_drafts')) ? [{ base: '_drafts', draft: true }] : []),
  ];
}

/**
 * Lists the article files of the content folder `root`, and the drafts of its `_drafts/` folder. A
 * Hexo `source` folder (one with `_posts/`) is read the Hexo way: only `_posts/` holds articles.
 * With `under` (a folder relative to the content folder, `/`-separated), only the articles below it.
 * @param {string} root
 * @param {string} [under]
 * @returns {Listing}
 */
export function listArticleFilesSync(root, under) {
  /** @type {Listing} */
  const listing = { files: [], problems: [] };
  for (const { base, draft } of articleRoots(root)) {
    const start = under === undefined ? base : path.posix.normalize(under).replace(/^\.$|^\/+|\/+$/g, '');
    const inside = path.posix.relative(base, start);
    if (inside.startsWith('..') || path.posix.isAbsolute(inside)) continue;
    // A folder below the articles root is skipped if any folder on the way is (`.x`, `_x`, node_modules).
    if (inside !== '' && inside.split('/').some((part) => isSkippedFolder(part, false))) continue;
    if (!isDirectory(path.join(root, start))) continue;
    walkFolder(path.join(root, start), start, { listing, seen: new Set(), draft, base });
  }
  return listing;
}

/**
 * The article file at `display` (relative to the content folder), if that path is one the site reads.
 * @param {string} root
 * @param {string} display
 * @returns {SourceFile | null}
 */
export function sourceFileOfSync(root, display) {
  if (!ARTICLE_FILE.test(display)) return null;
  const full = path.join(root, display);
  for (const { base, draft } of articleRoots(root)) {
    const relative = path.relative(path.join(root, base), full);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const folders = relative.split(path.sep).slice(0, -1);
    if (folders.some((part) => isSkippedFolder(part, false))) continue;
    if (isSkippedEntry(path.basename(relative))) return null;
    return { path: full, relative: relative.split(path.sep).join('/'), display: display.split(path.sep).join('/'), draft };
  }
  return null;
}
