#!/usr/bin/env node
// Search benchmark: index build time, retained memory and query time, against a naive scan.
//
// Usage: node scripts/bench-search.mjs [N ...]      (default 10000)
//        npm run bench:search -- 10000 100000
//
// For each N: generates N articles (scripts/generate-corpus.mjs, seed 42) in a temp folder, then
// BENCH_RUNS times (default 3) runs scripts/bench-search-run.mts in a fresh Node process with
// --expose-gc, which reads the content index, then builds the search index (reading and
// sanitizing each body's start, as the server does) and reports: the build time; the heap it
// retains (heap used after a full GC, minus before); the median time of a fixed set of Chinese and
// English queries (5 runs each). The baseline, in the same process: the same texts kept in memory
// (their heap) and scanned with String.includes for each query word. Prints medians over the runs.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX_LOADER = path.join(PROJECT_DIR, 'node_modules/tsx/dist/loader.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

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

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

async function bench(n) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'news-bench-search-'));
  try {
    await run([path.join(PROJECT_DIR, 'scripts/generate-corpus.mjs'), dir, String(n), '--seed', '42']);
    const results = [];
    for (let i = 0; i < RUNS; i++) {
      const args = [
        '--expose-gc',
        '--conditions=react-server',
        '--import',
        TSX_LOADER,
        'scripts/bench-search-run.mts',
        dir,
      ];
      const out = await run(args, { CONTENT_DIR: dir });
      results.push(JSON.parse(out.trim().split('\n').pop()));
    }
    const m = (key) => median(results.map((r) => r[key]));
    console.log(`\n${results[0].articles.toLocaleString('en')} articles (median of ${RUNS} runs)`);
    console.log(`  search index: build ${ms(m('buildMs'))}, retained heap ${mb(m('indexBytes'))}`);
    console.log(`  baseline texts: read ${ms(m('readTextsMs'))}, retained heap ${mb(m('textBytes'))}`);
    console.log(`  median query: index ${ms(m('searchMs'))}, String.includes scan ${ms(m('scanMs'))}`);
    console.log(`  hits per query: ${JSON.stringify(results[0].hits)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(RUNS >= 1)) {
  console.error('Usage: node scripts/bench-search.mjs [N ...]   (N: number of articles, default 10000; BENCH_RUNS=3)');
  process.exit(2);
}
for (const n of sizes.length ? sizes : [10000]) await bench(n);
