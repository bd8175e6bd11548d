// For scripts/bench-search.mjs: the FTS5 engine (lib/search/fts). Prints one JSON line.
//   build TEXTS DB   loads TEXTS (from bench-search-texts.mts) into a new database, in batches;
//                    BENCH_WORKERS=1 tokenizes in a worker thread while the main thread writes.
//   query DB         opens DB as a server would and times QUERIES (first page, with snippets).
import fs from 'node:fs';
import readline from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import {
  createSearchSchema,
  deferSearchMerges,
  optimizeSearchIndex,
  prepareSearchDocument,
  searchDocuments,
  writeSearchDocuments,
  type PreparedDocument,
  type SearchDocument,
} from '../lib/search/fts';
import { packText } from '../lib/search/fts/stored-text';
import { parseQuery } from '../lib/search/parse-query';
import { timeQueries } from './bench-search-queries.mjs';

const BATCH = 1000;
const PAGE_SIZE = 20;
type Doc = SearchDocument & { id: number };

async function* batches(file: string) {
  let batch: Doc[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) {
    batch.push(JSON.parse(line));
    if (batch.length === BATCH) yield batch;
    if (batch.length === BATCH) batch = [];
  }
  if (batch.length) yield batch;
}

const prepare = (batch: Doc[]) => batch.map((doc) => prepareSearchDocument(doc.id, doc));

/** A worker that prepares batches, one at a time, in order. */
function preparer() {
  const worker = new Worker(new URL(import.meta.url), { argv: ['worker'] });
  let waiting: ((docs: PreparedDocument[]) => void)[] = [];
  worker.on('message', (docs: PreparedDocument[]) => waiting.shift()!(docs));
  return {
    prepare: (batch: Doc[]) =>
      new Promise<PreparedDocument[]>((resolve) => {
        waiting = [...waiting, resolve];
        worker.postMessage(batch);
      }),
    stop: () => worker.terminate(),
  };
}

async function build(texts: string, file: string) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
  createSearchSchema(db);
  deferSearchMerges(db);
  const useWorker = process.env.BENCH_WORKERS === '1';
  const worker = useWorker ? preparer() : undefined;
  let [prepareMs, writeMs, articles, compressMs] = [0, 0, 0, 0];
  const started = performance.now();
  let pending: Promise<PreparedDocument[]> | undefined;
  const write = (docs: PreparedDocument[]) => {
    const start = performance.now();
    db.exec('BEGIN');
    writeSearchDocuments(db, docs);
    db.exec('COMMIT');
    writeMs += performance.now() - start;
    articles += docs.length;
  };
  for await (const batch of batches(texts)) {
    if (worker) {
      // The worker prepares this batch while the main thread writes the one before.
      const next = worker.prepare(batch);
      if (pending) write(await pending);
      pending = next;
      continue;
    }
    let start = performance.now();
    const docs = prepare(batch);
    prepareMs += performance.now() - start;
    if (articles < 5 * BATCH) {
      start = performance.now();
      for (const doc of batch) packText(doc.text);
      compressMs += performance.now() - start;
    }
    write(docs);
  }
  if (pending) write(await pending);
  await worker?.stop();
  const loadMs = performance.now() - started;
  const start = performance.now();
  optimizeSearchIndex(db);
  const optimizeMs = performance.now() - start;
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const bytes = (like: string) =>
    (db.prepare(`SELECT coalesce(sum(pgsize), 0) AS b FROM dbstat WHERE name LIKE ?`).get(like) as { b: number }).b;
  const sizes = { indexBytes: bytes('search_index%'), documentsBytes: bytes('search_documents%') };
  db.close();
  return {
    articles,
    worker: useWorker,
    loadMs,
    prepareMs: useWorker ? null : prepareMs,
    compressShare: useWorker ? null : compressMs / Math.max(1, (prepareMs * Math.min(articles, 5 * BATCH)) / articles),
    writeMs,
    optimizeMs,
    fileBytes: fs.statSync(file).size,
    ...sizes,
  };
}

function query(file: string) {
  const before = process.memoryUsage();
  const db = new DatabaseSync(file, { readOnly: true });
  const result = timeQueries((q: string) => {
    const page = searchDocuments(db, parseQuery(q), { page: 1, pageSize: PAGE_SIZE, withDrafts: false });
    return page?.total ?? 0;
  });
  const after = process.memoryUsage();
  db.close();
  return {
    ...result,
    rssBeforeBytes: before.rss,
    rssAfterBytes: after.rss,
    heapUsedBytes: after.heapUsed,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'worker') {
  const { parentPort } = await import('node:worker_threads');
  parentPort!.on('message', (batch: Doc[]) => parentPort!.postMessage(prepare(batch)));
} else if (mode === 'build') {
  console.log(JSON.stringify(await build(a!, b!)));
} else if (mode === 'query') {
  console.log(JSON.stringify(query(a!)));
} else {
  throw new Error('usage: bench-search-fts.mts build TEXTS DB | query DB');
}
