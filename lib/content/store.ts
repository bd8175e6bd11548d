import 'server-only';
import { assembleIndex, readArticleFiles, type ContentIndex, type ParseCache } from './build-index';
import { reportProblems } from './report';
import { watchContentInDevelopment } from './watch';

type Store = {
  published?: Promise<ContentIndex>;
  /** A preview re-index in progress, shared by the requests that arrive meanwhile. */
  preview?: Promise<ContentIndex>;
  /** The files as last parsed, shared by both indexes so a re-index reads only changed files. */
  parsed?: ParseCache;
  listeners?: Map<string, () => void>;
};

// One store per server process. Kept on globalThis so that modules evaluated again (dev reloads,
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
  store.published = undefined;
  listeners.forEach((listener) => listener());
}

async function index(withDrafts: boolean): Promise<ContentIndex> {
  const files = await readArticleFiles(undefined, store.parsed);
  store.parsed = files.cache;
  const built = assembleIndex(files, withDrafts);
  reportProblems(built.problems);
  return built;
}

/** The published articles, read once per process (and again after a change, in development). */
export function getIndex(): Promise<ContentIndex> {
  watchContentInDevelopment(invalidate);
  store.published ??= index(false).catch((error: unknown) => {
    store.published = undefined;
    throw error;
  });
  return store.published;
}

/**
 * Every article, drafts included, as the files are now: preview shows an editor's save on reload.
 * Each call re-reads what changed (a walk and a stat per file), unless a re-index is under way.
 */
export function getPreviewIndex(): Promise<ContentIndex> {
  store.preview ??= index(true).finally(() => {
    store.preview = undefined;
  });
  return store.preview;
}
