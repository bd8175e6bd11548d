#!/usr/bin/env node
// Benchmark of `npm run check:content` at corpus sizes given on the command line.
//
// Usage: node scripts/bench-check.mjs [N ...]      (default: 10000)
//        npm run bench:check -- 1000 10000
//
// For each N: generates N synthetic articles (scripts/generate-corpus.mjs, seed 42) into a temp
// folder, then runs, RUNS times each and interleaved so that machine noise hits both alike:
//   - baseline: a Node process that only reads every article file (the floor any checker pays);
//   - the checker (`npm run check:content -- DIR --json`).
// Prints the median wall time of each, and the checker's as a ratio to the baseline (what checking
// costs over reading).
// Node built-ins only; the temp folder is removed at the end.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TSX = path.join(PROJECT_DIR, 'node_modules/tsx/dist/cli.mjs');

const READ_ALL = `
const fs = require('node:fs/promises'); const path = require('node:path');
async function walk(dir, out) {
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out); else if (p.endsWith('.md')) out.push(p);
  }
  return out;
}
walk(process.argv[1], []).then(async (files) => {
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => { while (next < files.length) await fs.readFile(files[next++], 'utf8'); }));
});`;

function run(command, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: PROJECT_DIR, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      // The checker exits 1 when the content has errors; the synthetic corpus has none.
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`));
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function bench(n) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'news-bench-check-'));
  try {
    await run(process.execPath, [
      path.join(PROJECT_DIR, 'scripts/generate-corpus.mjs'),
      dir,
      String(n),
      '--seed',
      '42',
    ]);
    const variants = {
      'read every file (baseline)': [process.execPath, ['-e', READ_ALL, dir]],
      check: [process.execPath, [TSX, '--conditions=react-server', 'scripts/check-content.ts', dir, '--json']],
    };
    const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const [name, [command, args]] of Object.entries(variants)) times[name].push(await run(command, args));
    }
    return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('Usage: node scripts/bench-check.mjs [N ...]   (N: number of articles, default 10000)');
  process.exit(2);
}
console.log(`check:content benchmark: median of ${RUNS} runs each, ${os.availableParallelism()} cores`);
for (const n of sizes.length ? sizes : [10000]) {
  const result = await bench(n);
  const [baseline, check] = Object.values(result);
  console.log(`\n${n.toLocaleString('en')} articles`);
  for (const [name, seconds] of Object.entries(result)) console.log(`  ${name.padEnd(28)} ${seconds.toFixed(2)} s`);
  console.log(`  check / baseline              ${(check / baseline).toFixed(1)}×`);
}
