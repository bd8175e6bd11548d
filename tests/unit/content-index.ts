import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '@/lib/content/db/open-database';
import type { View } from '@/lib/content/current-index';
import { syncContent, type SyncOptions, type SyncResult } from '@/lib/content/sync/sync-content';
import { DEFAULT_PERMALINK, parsePermalinkPattern, type PermalinkPattern } from '@/lib/permalink-pattern';
import { makeTempDir } from './temp-tree';

export const TIME_ZONE = 'Asia/Shanghai';

export type TestIndex = {
  db: DatabaseSync;
  /** Brings the index up to date with the folder (settle time 0, changes logged unless told). */
  sync(options?: Partial<SyncOptions>): Promise<SyncResult>;
  /** What a page would read: published, or everything (preview). */
  view(withDrafts?: boolean): View;
};

let generation = 0;

/** A content index of `root` in a temporary file, as the server keeps one (or in `file`: `:memory:`). */
export async function indexOf(root: string, pattern = DEFAULT_PERMALINK, file?: string): Promise<TestIndex> {
  const parsed = parsePermalinkPattern(pattern);
  if (!parsed.ok) throw new Error(parsed.reason);
  const permalinkPattern: PermalinkPattern = parsed.pattern;
  const db = openDatabase(file ?? path.join(await makeTempDir('news-index-db-'), 'index.db'), { fingerprint: root });
  return {
    db,
    sync: (options = {}) =>
      syncContent(db, root, { timeZone: TIME_ZONE, permalinkPattern }, { settleMs: 0, logChanges: true, ...options }),
    view: (withDrafts = false) => ({ db, withDrafts, generation: `test-${++generation}` }),
  };
}
