import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildCategoryTree } from '../categories';
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
  /** Worker threads to use; small folders are checked in this thread. */
  workers?: number;
};

const BATCH = 100;
const INLINE_LIMIT = 300;

/** Files checked at once in one thread, so reading one overlaps rendering another. */
const CONCURRENCY = 8;

export async function checkFiles(
  files: SourceFile[],
  options: CheckOptions,
  onChecked?: (count: number) => void,
): Promise<FileCheck[]> {
  const results: FileCheck[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await checkFile(files[i]!, options);
      onChecked?.(1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

async function checkInline(files: SourceFile[], options: CheckContentOptions): Promise<FileCheck[]> {
  let done = 0;
  return checkFiles(files, options, (n) => options.onProgress?.((done += n), files.length));
}

/** Checks files on worker threads (rendering and sanitizing is CPU work), in batches handed to whoever is free. */
function checkOnWorkers(files: SourceFile[], options: CheckContentOptions, count: number): Promise<FileCheck[]> {
  const { onProgress, timeZone, publicDir, contentDir } = options;
  const workerOptions: CheckOptions = { timeZone, publicDir, contentDir };
  const results: FileCheck[] = new Array(files.length);
  let nextBatch = 0;
  let done = 0;
  const batches = Math.ceil(files.length / BATCH);
  return new Promise((resolve, reject) => {
    let running = count;
    for (let w = 0; w < count; w++) {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: workerOptions });
      const feed = () => {
        if (nextBatch >= batches) {
          worker.postMessage({ done: true } satisfies WorkerRequest);
          return;
        }
        const batch = nextBatch++;
        worker.postMessage({ batch, files: files.slice(batch * BATCH, (batch + 1) * BATCH) } satisfies WorkerRequest);
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('batch' in reply) {
          reply.results.forEach((r, i) => (results[reply.batch * BATCH + i] = r));
          done += reply.results.length;
          onProgress?.(done, files.length);
        }
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        if (--running === 0) resolve(results);
      });
    }
  });
}

const countNodes = (nodes: CategoryNode[]): number => nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);

/** Checks every article of a content folder: what the site would report, and more (images, Hexo tags, sanitizing). */
export async function checkContent(root: string, options: CheckContentOptions): Promise<ContentReport> {
  const listing = await listArticleFiles(root);
  const workers = Math.max(1, Math.min(options.workers ?? os.availableParallelism(), 8));
  const checks =
    listing.files.length <= INLINE_LIMIT || workers === 1
      ? await checkInline(listing.files, options)
      : await checkOnWorkers(listing.files, options, workers);

  const problems: Problem[] = listing.problems.map((p) => ({ ...p, severity: 'error' }));
  const summaries = [];
  for (const check of checks) {
    problems.push(...check.problems);
    if (check.summary) summaries.push(check.summary);
  }
  const { items, warnings } = assignUniqueSlugs(summaries);
  problems.push(...warnings.map((w) => ({ ...w, severity: 'warning' as const, kind: 'duplicate-slug' as const })));
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));

  const published = items.filter((a) => !a.draft);
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
