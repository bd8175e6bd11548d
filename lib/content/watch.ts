import 'server-only';
import { watch, type FSWatcher } from 'node:fs';
import { contentRoot } from './source';

type WatchState = { watcher?: FSWatcher; timer?: NodeJS.Timeout };
const state: WatchState = ((globalThis as { __newsContentWatch?: WatchState }).__newsContentWatch ??= {});

/**
 * In development, calls `onChange` (debounced) whenever a file under the content folder is added,
 * changed or deleted, so `npm run dev` shows edits on reload without a restart.
 */
export function watchContentInDevelopment(onChange: () => void): void {
  if (process.env.NODE_ENV !== 'development' || state.watcher) return;
  try {
    state.watcher = watch(/* turbopackIgnore: true */ contentRoot(), { recursive: true, persistent: false }, () => {
      clearTimeout(state.timer);
      state.timer = setTimeout(onChange, 100);
    });
    state.watcher.on('error', (error) => {
      console.warn(`[content] warning: stopped watching the content folder: ${error.message}`);
      state.watcher = undefined;
    });
  } catch (error) {
    console.warn(`[content] warning: cannot watch the content folder; restart to see changes (${(error as Error).message})`);
  }
}
