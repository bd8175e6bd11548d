#!/usr/bin/env node
// Search benchmark: the FTS5 engine (lib/search/fts) against today's MiniSearch index and a plain
// scan of the same texts, measured in the same run.
//
// Usage: node scripts/bench-search.mjs [N ...]      (default 10000)
//        npm run bench:search -- 1000 10000 100000
//
// For each N: generates N articles (scripts/generate-corpus.mjs, seed 42; 1% of them drafts) and
// extracts their text as the content module reads it (bench-search-texts.mts), then, each in a
// fresh process:
//   - builds the FTS5 index in a new database, in batches of 1,000 (tokenizing and compressing
//     apart from writing), optimizes it, and reports times and sizes; up to 10,000 articles, again
//     with the tokenizing in a worker thread, to see whether a second thread helps;
//   - opens the database as a server would and times a fixed mix of queries (the first page of
//     20, snippets included), REPEATS times each: p50 and p99 of wall and CPU time, RSS and heap;
//   - the baselines: MiniSearch as the server builds it today (600 body characters for the newest
//     10,000 articles), MiniSearch with whole bodies (up to 10,000 articles: past that it does not
//     fit in a server's memory), and the texts kept in memory and scanned with String.includes.
// Prints a table per N (medians and ratios against the baselines) and the JSON of every result
// to reports/bench-search.json.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = ['--import', path.join(PROJECT_DIR, 'node_modules/tsx/dist/loader.mjs')];
const WHOLE_BODY_MINISEARCH_MAX = 10_000;
const WORKER_COMPARISON_MAX = 10_000;

function run(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}
const json = async (args, env) => JSON.parse((await run(args, env)).trim().split('\n').pop());

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const ms = (value) => (value == null ? '—' : `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`);
const s = (value) => (value == null ? '—' : `${(value / 1000).toFixed(1)} s`);
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

function report(n, r) {
  const { texts, build, worker, query, today, whole, scan } = r;
  const lines = [
    `\n${n.toLocaleString('en')} articles (load average at start ${r.load.toFixed(1)} on ${os.cpus().length} cores)`,
    `  texts: extracted in ${s(texts.extractMs)} (front matter and htmlToText; the content module's cost, not search's)`,
    `  FTS5 build: ${s(build.loadMs + build.optimizeMs)} = tokenize+compress ${s(build.prepareMs)} ` +
      `(compression ${(build.compressShare * 100).toFixed(0)}% of it) + write ${s(build.writeMs)} + optimize ${s(build.optimizeMs)}`,
    worker
      ? `  FTS5 build, tokenizing in a worker thread: load ${s(worker.loadMs)} (in-thread ${s(build.loadMs)}, ${ratio(build.loadMs, worker.loadMs)} faster)`
      : null,
    `  FTS5 database: ${mb(build.fileBytes)} (index ${mb(build.indexBytes)}, stored texts ${mb(build.documentsBytes)})`,
    `  FTS5 query: p50 ${ms(query.p50)}, p99 ${ms(query.p99)} (CPU p50 ${ms(query.cpu.p50)}, p99 ${ms(query.cpu.p99)}); ` +
      `RSS ${mb(query.rssBeforeBytes)} before opening, ${mb(query.rssAfterBytes)} after the queries (peak ${mb(query.peakRssBytes)}), heap ${mb(query.heapUsedBytes)}`,
    `  MiniSearch today: build ${s(today.buildMs)}, heap ${mb(today.heapBytes)}, p50 ${ms(today.p50)}, p99 ${ms(today.p99)}` +
      ` (FTS5 / MiniSearch p50 ${ratio(query.p50, today.p50)}, p99 ${ratio(query.p99, today.p99)})`,
    whole
      ? `  MiniSearch whole bodies: build ${s(whole.buildMs)}, heap ${mb(whole.heapBytes)}, p50 ${ms(whole.p50)}, p99 ${ms(whole.p99)}` +
        ` (FTS5 / it p50 ${ratio(query.p50, whole.p50)}, p99 ${ratio(query.p99, whole.p99)})`
      : `  MiniSearch whole bodies: not run past ${WHOLE_BODY_MINISEARCH_MAX.toLocaleString('en')} articles (about 21 KB of heap each)`,
    `  scan: texts' heap ${mb(scan.heapBytes)}, p50 ${ms(scan.p50)}, p99 ${ms(scan.p99)} (FTS5 / scan p50 ${ratio(query.p50, scan.p50)}, p99 ${ratio(query.p99, scan.p99)})`,
    `  per query (median ms, matches): FTS5 | MiniSearch today | scan`,
    ...query.perQuery.map((q, i) => {
      const cell = (x) => `${ms(x.median).padStart(7)} ${String(x.found).padStart(7)}`;
      return `    ${q.query.padEnd(14 - [...q.query].filter((c) => c > '\u2e80').length)} ${cell(q)} | ${cell(today.perQuery[i])} | ${cell(scan.perQuery[i])}   ${q.kind}`;
    }),
  ];
  console.log(lines.filter(Boolean).join('\n'));
}

async function bench(n) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'news-bench-search-'));
  try {
    const load = os.loadavg()[0];
    const corpus = path.join(dir, 'corpus');
    const texts = path.join(dir, 'texts.ndjson');
    const db = path.join(dir, 'search.db');
    await run([path.join(PROJECT_DIR, 'scripts/generate-corpus.mjs'), corpus, String(n), '--seed', '42']);
    const r = { load };
    r.texts = await json([...TSX, 'scripts/bench-search-texts.mts', corpus, texts]);
    await rm(corpus, { recursive: true, force: true });
    if (n <= WORKER_COMPARISON_MAX) {
      r.worker = await json([...TSX, 'scripts/bench-search-fts.mts', 'build', texts, db], { BENCH_WORKERS: '1' });
    }
    r.build = await json([...TSX, 'scripts/bench-search-fts.mts', 'build', texts, db]);
    r.query = await json([...TSX, 'scripts/bench-search-fts.mts', 'query', db]);
    const baseline = (...args) => json(['--expose-gc', ...TSX, 'scripts/bench-search-baseline.mts', ...args]);
    r.today = await baseline('minisearch', texts, 'today');
    if (n <= WHOLE_BODY_MINISEARCH_MAX) r.whole = await baseline('minisearch', texts, 'full');
    r.scan = await baseline('scan', texts);
    report(n, r);
    return r;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('Usage: node scripts/bench-search.mjs [N ...]   (N: number of articles, default 10000)');
  process.exit(2);
}
const results = {};
for (const n of sizes.length ? sizes : [10000]) results[n] = await bench(n);
mkdirSync(path.join(PROJECT_DIR, 'reports'), { recursive: true });
writeFileSync(path.join(PROJECT_DIR, 'reports/bench-search.json'), `${JSON.stringify(results, null, 2)}\n`);
