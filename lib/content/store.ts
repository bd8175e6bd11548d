import 'server-only';
import { assembleIndex, readArticleFiles, type ContentIndex, type ParseCache } from './build-index';
import { reportProblems } from './report';
import { watchContentInDevelopment } from './watch';

type Store = {
  published?: Promise<ContentIndex>;
  /**
   * Preview re-indexes: the one under way, and the one queued behind it for requests that arrived
   * meanwhile (the run under way may have read a file before the editor saved it).
   */
  preview?: { current?: Promise<ContentIndex>; next?: Promise<ContentIndex> };
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

function startPreviewRun(preview: NonNullable<Store['preview']>): Promise<ContentIndex> {
  const run: Promise<ContentIndex> = index(true).finally(() => {
    if (preview.current === run) preview.current = undefined;
  });
  preview.current = run;
  return run;
}

/**
 * Every article, drafts included, as the files are now: preview shows an editor's save on reload.
 * Each request gets a re-index that started after it arrived (a walk and a stat per file; only
 * changed files are read again). Requests arriving during a run share the one queued behind it.
 */
export function getPreviewIndex(): Promise<ContentIndex> {
  const preview = (store.preview ??= {});
  if (!preview.current) return startPreviewRun(preview);
  const ignore = () => {};
  preview.next ??= preview.current.then(ignore, ignore).then(() => {
    preview.next = undefined;
    return startPreviewRun(preview);
  });
  return preview.next;
}
