import 'server-only';
import { buildIndex, type ContentIndex } from './build-index';
import { reportProblems } from './report';
import { watchContentInDevelopment } from './watch';

type Store = { index?: Promise<ContentIndex>; listeners?: Map<string, () => void> };

// One index per server process. Kept on globalThis so that modules evaluated again (dev reloads,
// several route bundles in one process) share it instead of re-reading the content folder.
const store: Store = ((globalThis as { __newsContentStore?: Store }).__newsContentStore ??= {});

const listeners = (store.listeners ??= new Map());

/**
 * Registers a cache to drop whenever the content changes (article bodies). Keyed by name, so a
 * module evaluated again by a dev reload replaces its listener instead of adding another.
 */
export function onContentChange(name: string, listener: () => void): void {
  listeners.set(name, listener);
}

function invalidate() {
  store.index = undefined;
  listeners.forEach((listener) => listener());
}

export function getIndex(): Promise<ContentIndex> {
  watchContentInDevelopment(invalidate);
  store.index ??= buildIndex().then(
    (index) => {
      reportProblems(index);
      return index;
    },
    (error: unknown) => {
      store.index = undefined;
      throw error;
    },
  );
  return store.index;
}
