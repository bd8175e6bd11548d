import type { DatabaseSync } from 'node:sqlite';
import { deferSearchMerges, optimizeSearchIndex } from '../../search/fts';
import { forEachConcurrently, READ_CONCURRENCY } from '../concurrently';
import { statement, inTransaction } from '../db/statements';
import { reportProblems } from '../report';
import type { Problem } from '../types';
import { applyReadings, type Applied } from './apply-readings';
import { readArticleFile, type FileReading } from './read-article-file';
import { scanContent } from './scan';
import type { IndexSettings } from './write-article';

export type SyncOptions = {
  /** Only these paths (from file events); a full scan when undefined. */
  paths?: readonly string[];
  settleMs: number;
  /** Record the batch in the change log (servers); the first build of an index need not. */
  logChanges: boolean;
  /** Log the problems found (the server's log); the content checker reports them itself. Default true. */
  report?: boolean;
  /** Index the articles for search. Default true; the checker has no use for it. */
  search?: boolean;
  /** Called as batches of files are read: how many so far, and of how many. */
  onProgress?: (done: number, total: number) => void;
};

export type SyncResult = Applied & { unsettled: number };

/**
 * Files read and applied together. A folder of 100,000 new files (a first build) is applied in
 * batches, so that their bodies and texts are never all in memory at once.
 */
const BATCH_FILES = 1000;

/** Brings the index up to date with the content folder (or with the files at `paths`): only what changed is read. */
export async function syncContent(
  db: DatabaseSync,
  root: string,
  settings: IndexSettings,
  { paths, settleMs, logChanges, report = true, search = true, onProgress }: SyncOptions,
): Promise<SyncResult> {
  const scan = await scanContent(db, root, { paths, settleMs });
  const bulk = scan.toRead.length > BATCH_FILES;
  if (bulk && search) deferSearchMerges(db);
  const result: SyncResult = { added: [], changed: [], removed: [], seq: null, problems: [], unsettled: scan.unsettled };
  for (let start = 0; start === 0 || start < scan.toRead.length; start += BATCH_FILES) {
    const batch = scan.toRead.slice(start, start + BATCH_FILES);
    const readings: FileReading[] = new Array(batch.length);
    await forEachConcurrently(batch, READ_CONCURRENCY, async (file, i) => {
      readings[i] = await readArticleFile(file, settings.timeZone);
    });
    const applied = applyReadings(db, readings, start === 0 ? scan.removed : [], { ...settings, logChanges, search });
    onProgress?.(start + batch.length, scan.toRead.length);
    result.added.push(...applied.added);
    result.changed.push(...applied.changed);
    result.removed.push(...applied.removed);
    result.problems.push(...applied.problems);
    result.seq = applied.seq ?? result.seq;
  }
  if (bulk && search) optimizeSearchIndex(db);
  if (scan.listingProblems) result.problems.push(...replaceListingProblems(db, scan.listingProblems));
  if (report) reportProblems(result.problems);
  return result;
}

/**
 * Records the problems of the folder's listing (links that loop, folders that cannot be read) and
 * returns those not recorded before: a scan every few seconds, and every process of a build, find
 * the same ones, which are logged once.
 */
function replaceListingProblems(
  db: DatabaseSync,
  problems: readonly { file: string; kind: Problem['kind']; reason: string }[],
): Problem[] {
  const found: Problem[] = problems.map((p) => ({ ...p, severity: 'error' }));
  const key = (p: { file: string; kind: string; reason: string }) => `${p.file}\u0000${p.kind}\u0000${p.reason}`;
  return inTransaction(db, () => {
    const before = new Set(
      (statement(db, "SELECT file, kind, reason FROM problems WHERE source = 'listing'").all() as Problem[]).map(key),
    );
    statement(db, "DELETE FROM problems WHERE source = 'listing'").run();
    for (const p of found) {
      statement(db, "INSERT INTO problems (file, severity, kind, reason, line, source) VALUES (?, ?, ?, ?, NULL, 'listing')").run(
        p.file,
        p.severity,
        p.kind,
        p.reason,
      );
    }
    return found.filter((p) => !before.has(key(p)));
  });
}
