import type { DatabaseSync } from 'node:sqlite';
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
};

export type SyncResult = Applied & { unsettled: number };

/** Brings the index up to date with the content folder (or with the files at `paths`): only what changed is read. */
export async function syncContent(
  db: DatabaseSync,
  root: string,
  settings: IndexSettings,
  { paths, settleMs, logChanges }: SyncOptions,
): Promise<SyncResult> {
  const scan = await scanContent(db, root, { paths, settleMs });
  const readings: FileReading[] = new Array(scan.toRead.length);
  await forEachConcurrently(scan.toRead, READ_CONCURRENCY, async (file, i) => {
    readings[i] = await readArticleFile(file, settings.timeZone);
  });
  const applied = applyReadings(db, readings, scan.removed, { ...settings, logChanges });
  if (scan.listingProblems) applied.problems.push(...replaceListingProblems(db, scan.listingProblems));
  reportProblems(applied.problems);
  return { ...applied, unsettled: scan.unsettled };
}

function replaceListingProblems(db: DatabaseSync, problems: readonly { file: string; kind: Problem['kind']; reason: string }[]): Problem[] {
  const found: Problem[] = problems.map((p) => ({ ...p, severity: 'error' }));
  inTransaction(db, () => {
    statement(db, "DELETE FROM problems WHERE source = 'listing'").run();
    for (const p of found) {
      statement(db, "INSERT INTO problems (file, severity, kind, reason, line, source) VALUES (?, ?, ?, ?, NULL, 'listing')").run(
        p.file,
        p.severity,
        p.kind,
        p.reason,
      );
    }
  });
  return found;
}
