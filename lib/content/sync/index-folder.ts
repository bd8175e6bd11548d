import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../db/open-database';
import { syncContent, type SyncResult } from './sync-content';
import type { IndexSettings } from './write-article';

/**
 * The content index of the folder `root`, in the database file `file` (created, or brought up to
 * date), as a build makes it: every file read at once, nothing logged for servers to refresh.
 */
export async function indexFolder(
  root: string,
  file: string,
  settings: IndexSettings,
): Promise<{ db: DatabaseSync; result: SyncResult }> {
  const db = openDatabase(file, { fingerprint: JSON.stringify([root, settings.timeZone]) });
  const result = await syncContent(db, root, settings, { settleMs: 0, logChanges: false });
  return { db, result };
}
