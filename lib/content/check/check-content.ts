import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { permalinkPattern } from '../../config';
import { buildCategoryTree } from '../categories';
import { forEachConcurrently } from '../concurrently';
import { buildPermalinks } from '../permalinks';
import { assignUniqueSlugs } from '../slugs';
import { listArticleFiles, type SourceFile } from '../source';
import type { CategoryNode, Problem, ProblemKind, Severity } from '../types';
import { checkFile, type CheckOptions, type FileCheck, type RemovedCounts } from './check-file';
import type { WorkerReply, WorkerRequest } from './worker';

export type ContentReport = {
  root: string;
  files: number;
  articles: number;
  drafts: number;
  categories: number;
  tags: number;
  problems: Problem[];
  bySeverity: Record<Severity, number>;
  byKind: Partial<Record<ProblemKind, number>>;
  removed: RemovedCounts & { articles: number };
  /** Per file, what sanitizing removed or changed (only files where it did). */
  sanitized: { file: string; changes: FileCheck['changes'] }[];
};

export type CheckContentOptions = CheckOptions & {
  onProgress?: (done: number, total: number) => void;
  /** Worker threads to use. Unset: one per core, and none for small folders. */
  workers?: number;
};

const BATCH = 100;
/** Below this many files, starting worker threads (each loads and compiles the checker) costs more than it saves. */
const INLINE_LIMIT = 2000;

/** Files checked at once in one thread, so reading one overlaps rendering another. */
const CONCURRENCY = 8;

export async function checkFiles(
  files: SourceFile[],
  options: CheckOptions,
  onChecked?: (count: number) => void,
): Promise<FileCheck[]> {
  const results: FileCheck[] = new Array(files.length);
  await forEachConcurrently(files, CONCURRENCY, async (file, i) => {
    results[i] = await checkFile(file, options);
    onChecked?.(1);
  });
  return results;
}

async function checkInline(files: SourceFile[], options: CheckContentOptions): Promise<FileCheck[]> {
  let done = 0;
  return checkFiles(files, options, (n) => options.onProgress?.((done += n), files.length));
}

/**
 * Checks files on `count` threads (rendering and sanitizing is CPU work): this one and `count - 1`
 * workers, each taking the next batch when it is free. This thread works too: left idle, it would
 * leave a core to a worker's start-up for nothing.
 */
async function checkOnThreads(files: SourceFile[], options: CheckContentOptions, count: number): Promise<FileCheck[]> {
  const { onProgress, timeZone, publicDir, contentDir } = options;
  const workerOptions: CheckOptions = { timeZone, publicDir, contentDir };
  const results: FileCheck[] = new Array(files.length);
  const batches = Math.ceil(files.length / BATCH);
  let nextBatch = 0;
  let done = 0;
  const take = () => (nextBatch < batches ? nextBatch++ : null);
  const store = (batch: number, checked: FileCheck[]) => {
    checked.forEach((r, i) => (results[batch * BATCH + i] = r));
    done += checked.length;
    onProgress?.(done, files.length);
  };
  const filesOf = (batch: number) => files.slice(batch * BATCH, (batch + 1) * BATCH);

  const onWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: workerOptions });
      const feed = () => {
        const batch = take();
        worker.postMessage(
          (batch === null ? { done: true } : { batch, files: filesOf(batch) }) satisfies WorkerRequest,
        );
      };
      // Two batches in hand: while this thread is busy checking, a worker must not wait for its next.
      worker.on('message', (reply: WorkerReply) => {
        if ('batch' in reply) store(reply.batch, reply.results);
        else feed();
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
  const here = async () => {
    for (let batch = take(); batch !== null; batch = take()) store(batch, await checkFiles(filesOf(batch), options));
  };
  await Promise.all([here(), ...Array.from({ length: count - 1 }, onWorker)]);
  return results;
}

const countNodes = (nodes: CategoryNode[]): number => nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);

/** Checks every article of a content folder: what the site would report, and more (images, Hexo tags, sanitizing). */
export async function checkContent(root: string, options: CheckContentOptions): Promise<ContentReport> {
  const listing = await listArticleFiles(root);
  const workers = Math.max(1, Math.min(options.workers ?? os.availableParallelism(), 8));
  // Threads asked for by number are used whatever the folder's size.
  const inline = workers === 1 || (options.workers === undefined && listing.files.length <= INLINE_LIMIT);
  const checks = inline
    ? await checkInline(listing.files, options)
      : await checkOnThreads(listing.files, options, workers);

  const problems: Problem[] = listing.problems.map((p) => ({ ...p, severity: 'error' }));
  const summaries = [];
  for (const check of checks) {
    problems.push(...check.problems);
    if (check.summary) summaries.push(check.summary);
  }
  const { items, warnings } = assignUniqueSlugs(summaries);
  problems.push(...warnings.map((w) => ({ ...w, severity: 'warning' as const, kind: 'duplicate-slug' as const })));
  const published = items.filter((a) => !a.draft);
  const permalinks = buildPermalinks(published, permalinkPattern, options.timeZone);
  problems.push(...permalinks.warnings.map((w) => ({ ...w, severity: 'warning' as const, kind: 'permalink' as const })));
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));

  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const byKind: Partial<Record<ProblemKind, number>> = {};
  for (const p of problems) {
    bySeverity[p.severity]++;
    byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
  }
  const removed = { elements: 0, attributes: 0, urls: 0, articles: 0 };
  const sanitized: ContentReport['sanitized'] = [];
  checks.forEach((check, i) => {
    removed.elements += check.removed.elements;
    removed.attributes += check.removed.attributes;
    removed.urls += check.removed.urls;
    if (check.removed.elements + check.removed.attributes + check.removed.urls > 0) removed.articles++;
    if (check.changes.length > 0) sanitized.push({ file: listing.files[i]!.display, changes: check.changes });
  });

  return {
    root,
    files: listing.files.length,
    articles: published.length,
    drafts: items.length - published.length,
    categories: countNodes(buildCategoryTree(published).roots),
    tags: new Set(published.flatMap((a) => a.tags)).size,
    problems,
    bySeverity,
    byKind,
    removed,
    sanitized,
  };
}
