import 'server-only';
import { watch, type FSWatcher, type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ARTICLE_FILE, isSkippedEntry, isSkippedFolder } from '../list-files.mjs';

export type FolderWatchHandlers = {
  /** `relative` is `/`-separated under the root; a folder means "anything under it may have changed". */
  onChange(relative: string, isFolder: boolean): void;
  /** Events can no longer be had (an inotify limit, the root gone): nothing follows. */
  onError(error: Error): void;
};

type Folder = { watcher: FSWatcher; real: string; dev: number; ino: number };

/** fs.watch() fails with these for one folder only (gone, or unreadable, as the scan would find it). */
const FOLDER_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'ELOOP', 'ENAMETOOLONG']);

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? '';
const statOrNull = (file: string) => fs.stat(/* turbopackIgnore: true */ file).catch(() => null);

/**
 * One fs.watch() per folder (inotify reports a folder's entries by name on the folder's own watch),
 * none per file: at 100,000 articles in 1,100 folders that is 1,100 watches and a few MiB, where
 * watchers that track every file hold hundreds (see scripts/bench-watch.mjs). Folders are walked
 * as lib/content/source.ts walks them: sorted, depth first, skipping what it skips, following
 * symbolic links but never into a folder already watched (so a link looping back is not followed).
 * Events are applied in the order they came, each after a stat of its path where one is needed.
 */
export function watchFolders(root: string, handlers: FolderWatchHandlers): { ready: Promise<void>; close(): void } {
  const folders = new Map<string, Folder>();
  const reals = new Set<string>();
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = (step: () => Promise<unknown> | void) => (queue = queue.then(step).catch(fail));
  const absolute = (relative: string) => (relative ? path.join(root, ...relative.split('/')) : root);

  function fail(error: unknown) {
    if (closed) return;
    close();
    handlers.onError(error instanceof Error ? error : new Error(String(error)));
  }

  function close() {
    closed = true;
    for (const folder of folders.values()) folder.watcher.close();
    folders.clear();
    reals.clear();
  }

  function forget(relative: string) {
    for (const [key, folder] of folders) {
      if (key !== relative && !key.startsWith(relative ? `${relative}/` : '')) continue;
      folder.watcher.close();
      folders.delete(key);
      reals.delete(folder.real);
    }
  }

  /** Watches `relative` and, depth first, the folders under it. */
  async function add(relative: string): Promise<void> {
    const full = absolute(relative);
    const [real, stats] = await Promise.all([fs.realpath(/* turbopackIgnore: true */ full).catch(() => null), statOrNull(full)]);
    if (closed || !real || !stats?.isDirectory() || reals.has(real) || folders.has(relative)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(/* turbopackIgnore: true */ full, (type, name) => onEvent(relative, type, name));
    } catch (error) {
      if (FOLDER_ERRORS.has(codeOf(error))) return;
      throw error;
    }
    watcher.on('error', fail);
    folders.set(relative, { watcher, real, dev: stats.dev, ino: stats.ino });
    reals.add(real);
    const entries = await fs.readdir(/* turbopackIgnore: true */ full, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (closed) return;
      if (!(entry.isDirectory() || entry.isSymbolicLink()) || isSkippedFolder(entry.name, !relative)) continue;
      await add(relative ? `${relative}/${entry.name}` : entry.name);
    }
  }

  function onEvent(folder: string, type: string, name: string | null) {
    if (closed) return;
    if (name === null) return inOrder(() => handlers.onChange(folder, true));
    // Events about the watched folder itself (deleted, moved) come under its own name.
    if (name === path.basename(absolute(folder))) inOrder(() => checkSelf(folder));
    if (isSkippedEntry(name) || name.includes('/')) return;
    const relative = folder ? `${folder}/${name}` : name;
    // A change (written, attributes) never makes or removes a folder: no need to look.
    if (type === 'change') {
      if (!folders.has(relative) && ARTICLE_FILE.test(name)) inOrder(() => handlers.onChange(relative, false));
      return;
    }
    const stats = statOrNull(absolute(relative));
    inOrder(async () => apply(relative, name, !folder, await stats));
  }

  async function apply(relative: string, name: string, topLevel: boolean, stats: Stats | null) {
    if (closed) return;
    const known = folders.get(relative);
    if (known && stats?.isDirectory() && stats.dev === known.dev && stats.ino === known.ino) return;
    if (known) {
      // Removed, or replaced by another folder (a checkout, a link pointed elsewhere).
      forget(relative);
      handlers.onChange(relative, true);
    }
    if (stats?.isDirectory()) {
      if (isSkippedFolder(name, topLevel)) return;
      if (!known) handlers.onChange(relative, true);
      await add(relative);
    } else if (ARTICLE_FILE.test(name)) {
      handlers.onChange(relative, false);
    }
  }

  async function checkSelf(relative: string) {
    const known = folders.get(relative);
    if (closed || !known) return;
    const stats = await statOrNull(absolute(relative));
    if (stats?.isDirectory() && stats.dev === known.dev && stats.ino === known.ino) return;
    if (!relative) throw new Error(`the content folder ${root} was removed or replaced`);
    forget(relative);
    handlers.onChange(relative, true);
  }

  const ready = new Promise<void>((resolve) => inOrder(() => add('')).finally(resolve));
  return { ready, close };
}
