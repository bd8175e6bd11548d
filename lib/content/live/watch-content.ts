import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { settlePaths } from './settle-paths';
import { watchFolders } from './watch-folders';

export type WatchContentOptions = {
  /**
   * Paths relative to the content folder, `/`-separated, that may have changed: article files
   * added, changed or deleted, and folders (ending in `/`) added, deleted or renamed, each meaning
   * "anything under here may have changed". Called with one batch at a time.
   */
  onPaths(paths: string[]): void | Promise<void>;
  /** File events cannot be had (or no longer): called once, and nothing is reported after it. */
  onFailure(reason: string): void;
  /** How long a path must stay unchanged before it is reported. */
  settleMs?: number;
};

export type ContentWatch = {
  /** Resolves once the watch is set up, or has failed, or was closed: it never rejects. */
  ready: Promise<void>;
  /** Stops watching; resolves once a batch being handed to onPaths is done with. */
  close(): Promise<void>;
};

export const DEFAULT_SETTLE_MS = 300;

const HINTS: Record<string, string> = {
  ENOSPC: 'the inotify watch limit is reached: raise fs.inotify.max_user_watches',
  EMFILE: 'too many open files or inotify instances: raise fs.inotify.max_user_instances or the open-file limit',
  ENFILE: 'the system is out of file handles',
};

/**
 * Watches the content folder (see watch-folders.ts) and reports changed paths in settled batches
 * (see settle-paths.ts). File events are a fast path only, and the caller's periodic scan stays
 * the safety net: when events cannot be had (an inotify limit, the folder removed) onFailure says
 * why, once; what no event tells of goes unreported (changes before `ready`, a file outside the
 * folder behind a link to a file, a network file system's changes from other machines).
 * Nothing here throws.
 */
export function watchContent(root: string, options: WatchContentOptions): ContentWatch {
  const folder = path.resolve(/* turbopackIgnore: true */ root);
  let done = false;
  let folders: ReturnType<typeof watchFolders> | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const settler = settlePaths(options.settleMs ?? DEFAULT_SETTLE_MS, options.onPaths, (error) =>
    console.error(`[content] error: applying changed files failed: ${error instanceof Error ? error.message : String(error)}`),
  );

  async function stop() {
    done = true;
    folders?.close();
    markReady();
    await settler.close();
  }

  function fail(reason: string) {
    if (done) return;
    void stop();
    try {
      options.onFailure(reason);
    } catch {
      // The caller's handler must not take the watcher's failure any further.
    }
  }

  async function start() {
    const stats = await fs.stat(/* turbopackIgnore: true */ folder).catch((error: Error) => error);
    if (stats instanceof Error || !stats.isDirectory()) {
      return fail(`cannot watch the content folder ${folder}: ${stats instanceof Error ? stats.message : 'not a folder'}`);
    }
    if (done) return;
    folders = watchFolders(folder, {
      onChange: (relative, isFolder) => settler.touch(isFolder ? `${relative}/` : relative),
      onError: (error) => {
        const hint = HINTS[(error as NodeJS.ErrnoException).code ?? ''];
        fail(`cannot watch the content folder ${folder}: ${error.message}${hint ? ` (${hint})` : ''}`);
      },
    });
    await folders.ready;
    markReady();
  }

  void start();
  return { ready, close: stop };
}
