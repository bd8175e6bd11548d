import 'server-only';
import { contentScanIntervalMs, contentWatch } from '../../config';
import { contentRoot } from '../source';
import { canFollowContent, onContentCommit, refreshContent, SETTLE_MS } from '../store';
import type { SyncResult } from '../sync/sync-content';
import { hasUnrevalidatedChanges, requestRevalidation } from './revalidate-changes';
import { watchContent } from './watch-content';

type Live = { started?: Promise<void> };
const live: Live = ((globalThis as { __newsLiveContent?: Live }).__newsLiveContent ??= {});

/** How often a server looks for changes another process (sharing the index) made. */
const FOLLOW_MS = 1000;

function afterSync(result: SyncResult) {
  // Files still being written are looked at again once they may have settled.
  if (result.unsettled > 0) setTimeout(() => void follow(), SETTLE_MS * 2).unref();
}

async function follow(paths?: readonly string[]) {
  try {
    afterSync(await refreshContent(paths));
  } catch (error) {
    // A failed sync leaves the index as it was; the next one tries again.
    console.error(`[content] error: could not update the content index: ${(error as Error).message}`);
  }
}

/**
 * Keeps a running server's content current without a rebuild: file events (CONTENT_WATCH) for the
 * files they name, a full scan at start (the folder may have changed since the build) and at every
 * CONTENT_SCAN_INTERVAL for what events miss, and the changed pages refreshed as soon as a change is
 * committed, by this process or another sharing the index. Resolves once the server has caught up.
 */
export function startLiveContent(): Promise<void> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return Promise.resolve();
  live.started ??= (async () => {
    onContentCommit(requestRevalidation);
    try {
      if (!(await canFollowContent())) return;
    } catch (error) {
      console.error(`[content] error: ${(error as Error).message}`);
      return;
    }
    if (contentWatch) {
      // File events first: the catch-up scan after them misses nothing that changed while they were set up.
      await watchContent(contentRoot(), {
        onPaths: (paths) => follow(paths),
        onFailure: (reason) =>
          console.warn(
            `[content] warning: no file events from the content folder (${reason}); ${
              contentScanIntervalMs > 0
                ? `changes show at the next scan, every ${contentScanIntervalMs / 1000} s (CONTENT_SCAN_INTERVAL)`
                : 'CONTENT_SCAN_INTERVAL is 0: changes show only through POST /api/revalidate'
            }`,
          ),
      }).ready;
    }
    await follow();
    if (contentScanIntervalMs > 0) setInterval(() => void follow(), contentScanIntervalMs).unref();
    setInterval(() => {
      hasUnrevalidatedChanges().then((pending) => pending && requestRevalidation(), () => {});
    }, FOLLOW_MS).unref();
  })();
  return live.started;
}

