import 'server-only';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { contentIndexFile, permalinkPattern, permalinkSource, siteConfig } from '../config';
import { withFileLock } from './db/file-lock';
import { openDatabase, openReadOnly, readMeta, writeMeta } from './db/open-database';
import { recordedProblems } from './db/recorded-problems';
import { reportProblems } from './report';
import { contentRoot } from './source';
import { syncContent, type SyncResult } from './sync/sync-content';
import type { IndexSettings } from './sync/write-article';

/** How long a file must stay unchanged before a running server reads it: an importer may still be writing. */
export const SETTLE_MS = 300;

type Sync = { promise: Promise<SyncResult>; paths: Set<string> | null };

type Service = {
  db?: Promise<DatabaseSync>;
  /** The index could only be opened read-only: nothing follows the folder. */
  readOnly?: boolean;
  onCommit?: () => void;
  /** Bumped on every commit of this process; other processes' commits show in PRAGMA data_version. */
  localCommits: number;
  running?: Sync;
  queued?: Sync;
};

// One per server process, on globalThis: route bundles, instrumentation and dev reloads share it.
const service: Service = ((globalThis as { __newsContentService?: Service }).__newsContentService ??= { localCommits: 0 });

const isBuild = () => process.env.NEXT_PHASE === 'phase-production-build';

/**
 * The index file: CONTENT_INDEX, else `.content-index/index.db` in the project. Outside the build
 * folder, so that `next build` keeps it (a rebuild reads only what changed) and traces it into the
 * standalone server and serverless functions (next.config.js), which Next.js does for no file under `.next`.
 */
export function indexFile(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), contentIndexFile ?? DEFAULT_INDEX_FILE);
}

/** Relative to the project; next.config.js names it too, to trace it. */
export const DEFAULT_INDEX_FILE = '.content-index/index.db';

export const indexSettings = (): IndexSettings => ({ timeZone: siteConfig.timeZone, permalinkPattern });

function fingerprint(root: string): string {
  return JSON.stringify([root, siteConfig.timeZone, permalinkSource]);
}

/**
 * Brings the index up to date for a build: `npm run build` before `next build` (so the file exists
 * when Next.js traces it), then each of the build's workers, the first of them under a lock while
 * the others wait (they find nothing left to read).
 */
export function indexForBuild({ report = true }: { report?: boolean } = {}): Promise<DatabaseSync> {
  const root = contentRoot();
  const file = indexFile();
  return withFileLock(`${file}.lock`, async () => {
    const db = openDatabase(file, { fingerprint: fingerprint(root), busyTimeout: 60_000 });
    const result = await syncContent(db, root, indexSettings(), { settleMs: 0, logChanges: true, report: false });
    // The build's log names every problem of the folder, also those an earlier build or a running
    // server recorded (a sync finds only what changed); the ledger keeps it to once per build.
    if (report) reportProblems(recordedProblems(db));
    if (result.seq !== null) service.localCommits++;
    // The first worker of this build marks where in the change log its pages are rendered from.
    const build = process.env.__NEWS_BUILD_TOKEN;
    if (build && readMeta(db, 'build_token') !== build) {
      const seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM changes').get() as { seq: number }).seq;
      writeMeta(db, 'build_token', build);
      writeMeta(db, 'build_mark', String(seq));
    }
    // Everything in the main file, so that a copy of it alone (traced, or copied) is whole.
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return db;
  });
}

async function open(): Promise<DatabaseSync> {
  if (isBuild()) return indexForBuild();
  const root = contentRoot();
  const file = indexFile();
  let db: DatabaseSync;
  try {
    db = openDatabase(file, { fingerprint: fingerprint(root) });
  } catch (error) {
    // A read-only deployment (a serverless function): the index as the build made it, and no following the folder.
    const readOnly = openReadOnly(file);
    service.readOnly = true;
    if (readOnly) {
      console.log(`[content] ${file} is read-only: the site shows the content as the build indexed it`);
      return readOnly;
    }
    // No index shipped and none can be written: one in memory, from every file, as before there was an index.
    console.warn(`[content] warning: no content index at ${file} and none can be made there (${(error as Error).message}); reading every article into memory`);
    const memory = openDatabase(':memory:', { fingerprint: fingerprint(root) });
    await syncContent(memory, root, indexSettings(), { settleMs: 0, logChanges: false });
    return memory;
  }
  const empty = !(db.prepare('SELECT 1 FROM files LIMIT 1').get() as unknown);
  // A server started without its build's index (a copied standalone folder) builds it before serving.
  if (empty) await sync(db, { paths: null, logChanges: false, settleMs: 0 });
  return db;
}

/** The content index, up to date as of this process's last sync. */
export function contentDb(): Promise<DatabaseSync> {
  service.db ??= open().catch((error: unknown) => {
    service.db = undefined;
    throw error;
  });
  return service.db;
}

/** Whether this process can keep the index current (false where it could only open it read-only). */
export async function canFollowContent(): Promise<boolean> {
  await contentDb();
  return !service.readOnly;
}

/** Changes whenever the index does (this process's commits or another's): the key of derived caches. */
export function contentGeneration(db: DatabaseSync): string {
  const { data_version } = db.prepare('PRAGMA data_version').get() as { data_version: number };
  return `${data_version}:${service.localCommits}`;
}

function sync(db: DatabaseSync, { paths, logChanges, settleMs }: { paths: Set<string> | null; logChanges: boolean; settleMs: number }) {
  const started = Date.now();
  return syncContent(db, contentRoot(), indexSettings(), { paths: paths ? [...paths] : undefined, settleMs, logChanges }).then(
    (result) => {
      const { added, changed, removed } = result;
      if (added.length + changed.length + removed.length > 0) {
        console.log(`[content] ${added.length} added, ${changed.length} changed, ${removed.length} removed (${Date.now() - started} ms)`);
      }
      if (result.seq !== null) {
        service.localCommits++;
        service.onCommit?.();
      }
      return result;
    },
  );
}

/** Called after every batch of changes this process commits (to refresh the pages they changed). */
export function onContentCommit(listener: () => void): void {
  service.onCommit = listener;
}

/**
 * Brings the index up to date with the content folder, or with the files and folders at `paths`.
 * Calls made while a sync runs share the one queued behind it (which also covers what they asked
 * for), so a burst of calls costs at most two syncs, and none misses a change made before it.
 */
export function refreshContent(paths?: readonly string[]): Promise<SyncResult> {
  const wanted = paths ? new Set(paths) : null;
  if (!service.running) return run(wanted);
  const queued = service.queued;
  if (queued) {
    if (!wanted) queued.paths = null;
    else wanted.forEach((p) => queued.paths?.add(p));
    return queued.promise;
  }
  const next: Sync = { paths: wanted, promise: Promise.resolve() as unknown as Promise<SyncResult> };
  const settled = () => {};
  next.promise = service.running.promise.then(settled, settled).then(() => {
    service.queued = undefined;
    return run(next.paths);
  });
  service.queued = next;
  return next.promise;
}

const NOTHING: SyncResult = { added: [], changed: [], removed: [], seq: null, problems: [], unsettled: 0 };

function run(paths: Set<string> | null): Promise<SyncResult> {
  const promise = contentDb().then((db) =>
    service.readOnly ? NOTHING : sync(db, { paths, logChanges: true, settleMs: SETTLE_MS }),
  );
  const running: Sync = { paths, promise };
  service.running = running;
  const done = () => {
    if (service.running === running) service.running = undefined;
  };
  promise.then(done, done);
  return promise;
}

/**
 * The change log position the build rendered its pages at; null when unknown (an index the
 * build did not make: CONTENT_DIR or CONTENT_INDEX changed since), and then every page is refreshed once.
 */
export function buildMark(db: DatabaseSync): number | null {
  const mark = readMeta(db, 'build_mark');
  return mark === undefined ? null : Number(mark);
}
