// @ts-check
// Plain JavaScript on Node's built-ins alone: it runs in the scan's worker thread (scan-worker.mjs).
import fs from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { ARTICLE_FILE, listArticleFilesSync, sourceFileOfSync } from '../list-files.mjs';

/** @typedef {import('../list-files.mjs').SourceFile} SourceFile */
/** @typedef {import('../list-files.mjs').ListingProblem} ListingProblem */

/**
 * A file's version: it is read again when its modification time, size, inode or drafts folder change.
 * @param {{ mtimeMs: number, size: number, ino: number }} stat
 * @param {boolean} draft
 */
export const fileVersion = (stat, draft) => `${stat.mtimeMs}:${stat.size}:${stat.ino}:${draft ? 1 : 0}`;

/**
 * @typedef {object} ScanRequest
 * @property {string} root The content folder.
 * @property {string[]} [paths] Only these paths (files or folders, relative to the content folder); all when undefined.
 * @property {number} settleMs A file changed less than this many milliseconds ago is read only if it stays unchanged that long.
 * @property {string | null} indexFile The index the folder is compared with, opened here read-only.
 * @property {[string, string][]} [stored] For an index without a file: what storedVersionsIn reads of it.
 */

/**
 * @typedef {object} ScanResult
 * @property {SourceFile[]} toRead Files new or changed since they were last read.
 * @property {string[]} removed Files (relative to the content folder) read before that are gone.
 * @property {number} unsettled Files that kept changing while the scan watched them: left for a later scan.
 * @property {ListingProblem[] | null} listingProblems Folders or links that could not be listed (full scans only).
 */

/**
 * The path and version of each file `db` holds at or below `paths` (files or folders), or of all.
 * @param {DatabaseSync} db
 * @param {readonly string[] | undefined} paths
 * @returns {[string, string][]}
 */
export function storedVersionsIn(db, paths) {
  /** @param {unknown[]} rows @returns {[string, string][]} */
  const versions = (rows) => /** @type {{ path: string, version: string }[]} */ (rows).map((row) => [row.path, row.version]);
  if (paths === undefined) return versions(db.prepare('SELECT path, version FROM files').all());
  const byFile = db.prepare('SELECT path, version FROM files WHERE path = ?');
  const byFolder = db.prepare("SELECT path, version FROM files WHERE substr(path, 1, length(?) + 1) = ? || '/'");
  return [...new Set(paths)].flatMap((hint) => {
    if (ARTICLE_FILE.test(hint)) return versions(byFile.all(hint));
    const folder = hint.replace(/\/+$/, '');
    return versions(byFolder.all(folder, folder));
  });
}

/**
 * The versions the index holds of the files a scan looks at: read from its file, or as sent.
 * @param {ScanRequest} request
 * @returns {Map<string, string>}
 */
function storedVersions({ indexFile, stored, paths }) {
  if (!indexFile) return new Map(stored);
  // Readers of a WAL database seldom wait, but can (another process recovering the log): a few seconds.
  const db = new DatabaseSync(indexFile, { readOnly: true, timeout: 5000 });
  try {
    return new Map(storedVersionsIn(db, paths));
  } finally {
    db.close();
  }
}

/**
 * The files a scan looks at, as the folder lists them now.
 * @param {ScanRequest} request
 */
function candidatesOf({ root, paths }) {
  if (paths === undefined) return listArticleFilesSync(root);
  /** @type {SourceFile[]} */
  const files = [];
  for (const hint of new Set(paths)) {
    if (ARTICLE_FILE.test(hint)) {
      const file = sourceFileOfSync(root, hint);
      if (file) files.push(file);
    } else {
      // A folder: everything below it, as listed now and as indexed before.
      files.push(...listArticleFilesSync(root, hint).files);
    }
  }
  return { files, problems: null };
}

/**
 * `file` as it is now: undefined if it is gone, null if it cannot be stat'ed (it is read, and the
 * reason reported).
 * @param {SourceFile} file
 */
function statNow(file) {
  try {
    return fs.statSync(/* turbopackIgnore: true */ file.path);
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT' ? undefined : null;
  }
}

/**
 * Finds what changed in the content folder since the index last read it: a walk and a stat per
 * file, no reads.
 * @param {ScanRequest} request
 * @returns {Promise<ScanResult>}
 */
export async function scanFolder(request) {
  const listing = candidatesOf(request);
  const stored = storedVersions(request);
  const known = new Set();
  /** @type {SourceFile[]} */
  const toRead = [];
  /** @type {{ file: SourceFile, version: string }[]} */
  const recent = [];
  const settledBefore = Date.now() - request.settleMs;
  for (const file of listing.files) {
    const stat = statNow(file);
    // Gone between the listing and now: counted as removed below.
    if (stat === undefined) continue;
    known.add(file.display);
    const version = stat && fileVersion(stat, file.draft);
    if (version === null) toRead.push(file);
    else if (stored.get(file.display) === version) continue;
    else if (/** @type {fs.Stats} */ (stat).mtimeMs > settledBefore) recent.push({ file, version });
    else toRead.push(file);
  }
  // Files changed just now may still be being written: read only those that stay unchanged for settleMs.
  let unsettled = 0;
  if (recent.length > 0) {
    await sleep(request.settleMs);
    for (const { file, version } of recent) {
      const stat = statNow(file);
      if (stat && fileVersion(stat, file.draft) === version) toRead.push(file);
      else unsettled++;
    }
  }
  const removed = [...stored.keys()].filter((path) => !known.has(path));
  toRead.sort((a, b) => (a.display < b.display ? -1 : 1));
  return { toRead, removed, unsettled, listingProblems: listing.problems };
}
