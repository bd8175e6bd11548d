import fs from 'node:fs/promises';
import type { DatabaseSync } from 'node:sqlite';
import { forEachConcurrently, READ_CONCURRENCY } from '../concurrently';
import { statement } from '../db/statements';
import { listArticleFiles, sourceFileOf, type ListingProblem, type SourceFile } from '../source';
import { fileVersion } from './read-article-file';

export type ScanResult = {
  /** Files new or changed since they were last read. */
  toRead: SourceFile[];
  /** Files (relative to the content folder) read before that are gone. */
  removed: string[];
  /** Files that kept changing while the scan watched them: left for a later scan. */
  unsettled: number;
  /** Folders or links that could not be listed (full scans only). */
  listingProblems: ListingProblem[] | null;
};

export type ScanOptions = {
  /** Only these paths (files or folders, relative to the content folder); all when undefined. */
  paths?: readonly string[];
  /** A file changed less than this many milliseconds ago is read only if it stays unchanged that long. */
  settleMs: number;
};

const ARTICLE = /\.(?:md|markdown)$/i;

/** Finds what changed in the content folder since the index last read it: a walk and a stat per file, no reads. */
export async function scanContent(db: DatabaseSync, root: string, { paths, settleMs }: ScanOptions): Promise<ScanResult> {
  const candidates: SourceFile[] = [];
  const known = new Set<string>();
  const stored = new Map<string, string>();
  let listingProblems: ListingProblem[] | null = null;

  if (paths === undefined) {
    const listing = await listArticleFiles(root);
    candidates.push(...listing.files);
    listingProblems = listing.problems;
    for (const row of statement(db, 'SELECT path, version FROM files').all() as { path: string; version: string }[]) {
      stored.set(row.path, row.version);
    }
  } else {
    for (const hint of new Set(paths)) {
      if (ARTICLE.test(hint)) {
        const file = await sourceFileOf(root, hint);
        if (file) candidates.push(file);
        const row = statement(db, 'SELECT version FROM files WHERE path = ?').get(hint) as { version: string } | undefined;
        if (row) stored.set(hint, row.version);
        continue;
      }
      // A folder: everything below it, as listed now and as indexed before.
      const folder = hint.replace(/\/+$/, '');
      candidates.push(...(await listArticleFiles(root, folder)).files);
      const rows = statement(db, "SELECT path, version FROM files WHERE substr(path, 1, length(?) + 1) = ? || '/'").all(
        folder,
        folder,
      ) as { path: string; version: string }[];
      for (const row of rows) stored.set(row.path, row.version);
    }
  }

  const toRead: SourceFile[] = [];
  const recent: { file: SourceFile; version: string }[] = [];
  const settledBefore = Date.now() - settleMs;
  await forEachConcurrently(candidates, READ_CONCURRENCY, async (file) => {
    let stat;
    try {
      stat = await fs.stat(/* turbopackIgnore: true */ file.path);
    } catch (error) {
      // Gone between the listing and now: counted as removed below. Any other failure is read (and reported).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      known.add(file.display);
      toRead.push(file);
      return;
    }
    known.add(file.display);
    const version = fileVersion(stat, file.draft);
    if (stored.get(file.display) === version) return;
    if (stat.mtimeMs > settledBefore) recent.push({ file, version });
    else toRead.push(file);
  });
  // Files changed just now may still be being written: read only those that stay unchanged for settleMs.
  let unsettled = 0;
  if (recent.length > 0) {
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    await forEachConcurrently(recent, READ_CONCURRENCY, async ({ file, version }) => {
      try {
        const stat = await fs.stat(/* turbopackIgnore: true */ file.path);
        if (fileVersion(stat, file.draft) === version) toRead.push(file);
        else unsettled++;
      } catch {
        unsettled++;
      }
    });
  }
  const removed = [...stored.keys()].filter((path) => !known.has(path));
  toRead.sort((a, b) => (a.display < b.display ? -1 : 1));
  return { toRead, removed, unsettled, listingProblems };
}
