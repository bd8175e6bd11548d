import 'server-only';
import { contentScanIntervalMs } from '../../config';
import { contentDb, onContentCommit, refreshContent, SETTLE_MS } from '../store';
import type { SyncResult } from '../sync/sync-content';
import { hasUnrevalidatedChanges, requestRevalidation } from './revalidate-changes';

type Live = { started: boolean };
const live: Live = ((globalThis as { __newsLiveContent?: Live }).__newsLiveContent ??= { started: false });

/** How often a server looks for changes another process (sharing the index) made. */
const FOLLOW_MS = 1000;

function logBatch(result: SyncResult, took: number) {
  const { added, changed, removed } = result;
  if (added.length + changed.length + removed.length === 0) return;
  console.log(`[content] ${added.length} added, ${changed.length} changed, ${removed.length} removed (${took} ms)`);
}

function afterSync(result: SyncResult) {
  // Files still being written are looked at again once they may have settled.
  if (result.unsettled > 0) setTimeout(() => void follow(), SETTLE_MS * 2).unref();
}

async function follow(paths?: readonly string[]) {
  const started = Date.now();
  try {
    const result = await refreshContent(paths);
    logBatch(result, Date.now() - started);
    afterSync(result);
  } catch (error) {
    // A failed sync leaves the index as it was; the next one tries again.
    console.error(`[content] error: could not update the content index: ${(error as Error).message}`);
  }
}

/**
 * Keeps a running server's content current without a rebuild: a full scan at start (the folder may
 * have changed since the build), then at every CONTENT_SCAN_INTERVAL, and the changed pages are
 * refreshed as soon as a change is committed, by this process or another sharing the index.
 */
export function startLiveContent(): void {
  if (live.started || process.env.NEXT_PHASE === 'phase-production-build') return;
  live.started = true;
  onContentCommit(requestRevalidation);
  void contentDb().then(async () => {
    await follow();
    if (contentScanIntervalMs > 0) setInterval(() => void follow(), contentScanIntervalMs).unref();
    setInterval(() => {
      hasUnrevalidatedChanges().then((pending) => pending && requestRevalidation(), () => {});
    }, FOLLOW_MS).unref();
  }, (error: unknown) => console.error(`[content] error: ${(error as Error).message}`));
}

