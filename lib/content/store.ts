import 'server-only';
import { buildIndex, type ContentIndex } from './build-index';
import { reportProblems } from './report';

type Store = { index?: Promise<ContentIndex> };

// One index per server process. Kept on globalThis so that modules evaluated again (dev reloads,
// several route bundles in one process) share it instead of re-reading the content folder.
const store: Store = ((globalThis as { __newsContentStore?: Store }).__newsContentStore ??= {});

export function getIndex(): Promise<ContentIndex> {
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
