import 'server-only';
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { ARTICLE_FILE, isSkippedEntry, isSkippedFolder } from '../entry-rules';
import { settlePaths } from './settle-paths';

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

/**
 * The library reports these for one path (a folder removed while read, an unreadable or looping
 * link) and goes on watching the rest; any other error means events can no longer be trusted.
 */
const PATH_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'ELOOP', 'ENAMETOOLONG']);

const HINTS: Record<string, string> = {
  ENOSPC: 'the inotify watch limit is reached: raise fs.inotify.max_user_watches',
  EMFILE: 'too many open files or inotify instances: raise fs.inotify.max_user_instances or the open-file limit',
  ENFILE: 'the system is out of file handles',
};

/**
 * Watches the content folder, following the rules lib/content/source.ts reads it by, and reports
 * changed paths in settled batches (see settle-paths.ts). File events are a fast path only: when
 * they cannot be had (an inotify limit, a file system without events) onFailure says why and the
 * caller relies on its periodic scan. Nothing here throws.
 */
export function watchContent(root: string, options: WatchContentOptions): ContentWatch {
  const folder = path.resolve(/* turbopackIgnore: true */ root);
  let watcher: FSWatcher | undefined;
  let done = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const settler = settlePaths(options.settleMs ?? DEFAULT_SETTLE_MS, options.onPaths, (error) =>
    console.error(`[content] error: applying changed files failed: ${(error as Error).message ?? error}`),
  );

  async function stop() {
    done = true;
    markReady();
    await Promise.all([settler.close(), watcher?.close().catch(() => {})]);
  }

  function fail(reason: string) {
    if (done) return;
    void stop();
    try {
      options.onFailure(reason);
    } catch {
      // The caller's handler must not take the watcher's failure further.
    }
  }

  function onEvent(event: string, file: string) {
    const relative = path.relative(folder, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return;
    const slashed = relative.split(path.sep).join('/');
    if (event === 'addDir' || event === 'unlinkDir') {
      if (!slashed) return fail(`the content folder ${folder} was removed`);
      settler.touch(`${slashed}/`);
    } else if (ARTICLE_FILE.test(slashed)) {
      settler.touch(slashed);
    }
  }

  function onError(error: unknown) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code && PATH_ERRORS.has(code)) return;
    const message = error instanceof Error ? error.message : String(error);
    fail(`cannot watch the content folder ${folder}: ${message}${code && HINTS[code] ? ` (${HINTS[code]})` : ''}`);
  }

  async function start() {
    try {
      if (!(await fs.stat(/* turbopackIgnore: true */ folder)).isDirectory()) throw new Error('not a folder');
    } catch (error) {
      return fail(`cannot watch the content folder ${folder}: ${(error as Error).message}`);
    }
    if (done) return;
    try {
      watcher = watch(folder, {
        ignoreInitial: true,
        followSymlinks: true,
        ignorePermissionErrors: true,
        // Settling does what `atomic` and `awaitWriteFinish` would, without their timers and polls.
        atomic: false,
        ignored: skippedUnder(folder),
      });
    } catch (error) {
      return onError(error);
    }
    watcher.on('all', onEvent);
    watcher.on('error', onError);
    watcher.once('ready', markReady);
  }

  void start();
  return { ready, close: stop };
}

/** Whether chokidar should leave a path alone; `stats` is missing on its first call for a path. */
function skippedUnder(root: string) {
  return (file: string, stats?: Stats): boolean => {
    const relative = path.relative(root, file);
    if (!relative || relative.startsWith('..')) return false;
    const parts = relative.split(path.sep);
    const last = parts.length - 1;
    for (let i = 0; i < last; i++) if (isSkippedFolder(parts[i]!, i === 0)) return true;
    const name = parts[last]!;
    if (isSkippedEntry(name)) return true;
    if (stats?.isDirectory()) return isSkippedFolder(name, last === 0);
    return Boolean(stats?.isFile() && !ARTICLE_FILE.test(name));
  };
}
