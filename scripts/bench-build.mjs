#!/usr/bin/env node
// Build/serve benchmark for the news reader at increasing corpus sizes.
//
// Usage: node scripts/bench-build.mjs N [N ...]
//        npm run bench:build -- 1000 10000
//
// For each N:
//   1. generate N synthetic articles into a fresh temp dir
//      (node scripts/generate-corpus.mjs <tmp>/content N --seed 42);
//   2. run `npx next build` in the project folder (the parent of scripts/) with
//      CONTENT_DIR=<tmp>/content and NEXT_TELEMETRY_DISABLED=1, measuring wall
//      time and the peak RSS of the whole process tree (every 200 ms, walk /proc
//      and sum VmRSS of the build process and all its descendants);
//      NOTE: this overwrites the project's .next/ directory;
//   3. start `npx next start -p <free port>` with the same env, wait (<= 120 s)
//      until http://127.0.0.1:<port>/ answers 200, then request `/`, `/page/2`,
//      `/categories` and the first 50 distinct `/posts/…` links found in the
//      HTML of `/` and `/page/2` (each request has a 30 s timeout), then the last feed
//      page and up to 20 of its (oldest, not prerendered) articles twice each: the
//      first request renders on demand, the second is served from the cache;
//   4. record the server process-tree RSS after serving, stop the server (its
//      whole process group: SIGTERM, then SIGKILL after 5 s) and delete the
//      temp dir.
// Then prints a table: N, build wall time, build peak RSS, server RSS after
// serving, URLs ok/failed, median response time. Exits 1 with a message if any
// step fails (results gathered so far are still printed); servers, builds and
// temp dirs are always cleaned up, also on Ctrl-C.
//
// Environment overrides (mainly for testing this script without the app):
//   BENCH_BUILD_CMD  shell command run (via sh -c, in the project folder, with
//                    CONTENT_DIR set) instead of `npx next build`.
//   BENCH_START_CMD  shell command run instead of `npx next start -p $PORT`;
//                    it gets PORT and CONTENT_DIR in its environment and must
//                    serve HTTP on 127.0.0.1:$PORT.
//   BENCH_KEEP_LOGS=1  print the full build/server logs instead of only
//                    their tails on failure.
// Linux only (/proc). Node built-ins only.

import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const SCRIPTS_DIR = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_DIR = path.resolve(SCRIPTS_DIR, '..');
const GENERATOR = path.join(SCRIPTS_DIR, 'generate-corpus.mjs');

const SAMPLE_MS = 200;
const START_TIMEOUT_MS = 120_000;
const REQUEST_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 300;
const MAX_ARTICLES = 50;
const SEED = 42;

const USAGE = `Usage: node scripts/bench-build.mjs N [N ...]
  N   corpus size(s) to benchmark, integers 1..10000000 (e.g. 1000 10000)
  Env: BENCH_BUILD_CMD, BENCH_START_CMD, BENCH_KEEP_LOGS=1 (see header comment)`;

class StepError extends Error {}

// ---------------------------------------------------------------- args

function parseArgs(argv) {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const bad = (msg) => {
    console.error(`bench-build: ${msg}`);
    console.error(USAGE);
    process.exit(2);
  };
  if (argv.length === 0) bad('at least one N is required');
  return argv.map((a) => {
    if (!/^\d+$/.test(a)) bad(`N must be a positive integer, got ${JSON.stringify(a)}`);
    const n = Number(a);
    if (n < 1 || n > 10_000_000) bad(`N must be between 1 and 10000000, got ${a}`);
    return n;
  });
}

// ---------------------------------------------------------------- /proc

/** Map pid -> {ppid, pgrp} for every process currently visible in /proc. */
async function readProcTable() {
  const table = new Map();
  let entries;
  try {
    entries = await readdir('/proc');
  } catch {
    return table;
  }
  await Promise.all(
    entries.map(async (name) => {
      if (!/^\d+$/.test(name)) return;
      try {
        const stat = await readFile(`/proc/${name}/stat`, 'utf8');
        // comm (field 2) may contain spaces/parens: parse after the last ')'.
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        table.set(Number(name), { ppid: Number(rest[1]), pgrp: Number(rest[2]) });
      } catch {
        /* process vanished */
      }
    }),
  );
  return table;
}

/** Pids of root and all its descendants (plus anything left in root's process group). */
function treePids(table, root) {
  const children = new Map();
  for (const [pid, { ppid }] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const out = new Set();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    if (out.has(pid)) continue;
    if (table.has(pid)) out.add(pid);
    for (const c of children.get(pid) ?? []) stack.push(c);
  }
  // Children are spawned detached, so root is a group leader: orphaned
  // (re-parented) members of its group still count.
  for (const [pid, { pgrp }] of table) if (pgrp === root) out.add(pid);
  return out;
}

async function vmRssKiB(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) : 0; // zombies/kernel threads have no VmRSS
  } catch {
    return 0;
  }
}

/** Sum of VmRSS (bytes) of the process tree rooted at pid, and its process count. */
async function treeRss(root) {
  const pids = treePids(await readProcTable(), root);
  const kib = await Promise.all([...pids].map(vmRssKiB));
  return { bytes: kib.reduce((a, b) => a + b, 0) * 1024, procs: pids.size };
}

/** Sample the tree RSS every SAMPLE_MS until stop() is called; returns the peak. */
function startSampler(root) {
  let peak = 0;
  let maxProcs = 0;
  let stopped = false;
  let timer;
  let running = Promise.resolve();
  const tick = () => {
    running = treeRss(root).then(({ bytes, procs }) => {
      peak = Math.max(peak, bytes);
      maxProcs = Math.max(maxProcs, procs);
      if (!stopped) timer = setTimeout(tick, SAMPLE_MS);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      return { peak, maxProcs };
    },
  };
}

// ---------------------------------------------------------------- processes

const live = new Set(); // child processes (group leaders) to kill on exit

function spawnGroup(cmd, args, opts, logFile) {
  const child = spawn(cmd, args, {
    ...opts,
    detached: true, // own process group, so the whole tree can be signalled
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  live.add(child);
  child.exited = new Promise((resolve) => {
    child.on('error', (err) => {
      live.delete(child);
      resolve({ code: null, signal: null, error: err });
    });
    child.on('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal, error: null });
    });
  });
  // Resolves once output is fully flushed to the log.
  child.logClosed = new Promise((resolve) => {
    let open = 2;
    const done = () => {
      if (--open === 0) log.end(resolve);
    };
    child.stdout.on('close', done);
    child.stderr.on('close', done);
  });
  return child;
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid, sig) {
  try {
    process.kill(-pgid, sig);
  } catch {
    /* already gone */
  }
}

/** SIGTERM the process group, SIGKILL it after graceMs if anything survives. */
async function killGroup(child, graceMs = 5000) {
  if (!child.pid) return;
  const pgid = child.pid;
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) {
    signalGroup(pgid, 'SIGKILL');
    const hardDeadline = Date.now() + 2000;
    while (groupAlive(pgid) && Date.now() < hardDeadline) await sleep(50);
  }
  // Close our end of the pipes in case a stray process still holds them.
  child.stdout?.destroy();
  child.stderr?.destroy();
  await Promise.race([child.exited, sleep(1000)]);
}

let interrupted = null;

function killAllSync() {
  for (const child of live) if (child.pid) signalGroup(child.pid, 'SIGKILL');
}
process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (interrupted) process.exit(130); // second signal: give up immediately (exit handler still kills)
    console.error(`\nbench-build: received ${sig}, cleaning up`);
    interrupted = sig;
    killAllSync();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function tail(file, lines = 40) {
  try {
    const text = await readFile(file, 'utf8');
    if (process.env.BENCH_KEEP_LOGS === '1') return text;
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function shellOr(override, cmd, args) {
  return override ? ['sh', ['-c', override]] : [cmd, args];
}

// ---------------------------------------------------------------- http

async function timedGet(url, timeoutMs = REQUEST_TIMEOUT_MS) {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) }); // follows redirects
    const body = await res.text();
    return { url, status: res.status, ok: res.status === 200, ms: performance.now() - t0, body };
  } catch (err) {
    const reason =
      err?.name === 'TimeoutError'
        ? `timeout after ${timeoutMs} ms`
        : (err?.cause?.code ?? err?.message ?? String(err));
    return { url, status: 0, ok: false, ms: performance.now() - t0, body: '', error: reason };
  }
}

function postLinks(html) {
  const out = [];
  for (const m of html.matchAll(/href\s*=\s*["'](\/posts\/[^"'#\s]*)["']/gi)) {
    out.push(m[1].replace(/&amp;/g, '&'));
  }
  return out;
}

const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// ---------------------------------------------------------------- one run

async function runOne(n) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), `news-bench-${n}-`));
  const contentDir = path.join(tmp, 'content');
  const env = { ...process.env, CONTENT_DIR: contentDir, NEXT_TELEMETRY_DISABLED: '1' };
  const result = { n };
  let server = null;
  try {
    // 1. corpus
    console.error(`[N=${n}] generating corpus in ${contentDir}`);
    const genLog = path.join(tmp, 'generate.log');
    const gen = spawnGroup(
      process.execPath,
      [GENERATOR, contentDir, String(n), '--seed', String(SEED)],
      { cwd: PROJECT_DIR },
      genLog,
    );
    const g = await gen.exited;
    await gen.logClosed;
    if (interrupted) throw new StepError(`interrupted (${interrupted})`);
    if (g.error || g.code !== 0) {
      throw new StepError(
        `corpus generation failed (${g.error?.message ?? `exit ${g.code ?? g.signal}`}):\n${await tail(genLog)}`,
      );
    }
    console.error(`[N=${n}] ${(await tail(genLog, 3)).trim()}`);

    // 2. build
    const [bcmd, bargs] = shellOr(process.env.BENCH_BUILD_CMD, 'npx', ['next', 'build']);
    console.error(`[N=${n}] building: ${process.env.BENCH_BUILD_CMD ?? 'npx next build'} (cwd ${PROJECT_DIR})`);
    const buildLog = path.join(tmp, 'build.log');
    const t0 = performance.now();
    const build = spawnGroup(bcmd, bargs, { cwd: PROJECT_DIR, env }, buildLog);
    const sampler = build.pid ? startSampler(build.pid) : null;
    const b = await build.exited;
    result.buildSecs = (performance.now() - t0) / 1000;
    const { peak, maxProcs } = sampler ? await sampler.stop() : { peak: 0, maxProcs: 0 };
    result.buildPeak = peak;
    result.buildProcs = maxProcs;
    // Kill anything the build left behind in its group before reading logs.
    if (build.pid && groupAlive(build.pid)) await killGroup(build, 2000);
    await Promise.race([build.logClosed, sleep(2000)]);
    if (interrupted) throw new StepError(`interrupted (${interrupted})`);
    if (b.error || b.code !== 0) {
      throw new StepError(
        `build failed (${b.error?.message ?? `exit ${b.code ?? b.signal}`}) after ${result.buildSecs.toFixed(1)} s; log tail:\n${await tail(buildLog)}`,
      );
    }
    console.error(
      `[N=${n}] build ok in ${result.buildSecs.toFixed(1)} s, peak RSS ${mib(peak)} MiB over up to ${maxProcs} processes`,
    );

    // 3. start server
    const port = await freePort();
    const [scmd, sargs] = shellOr(process.env.BENCH_START_CMD, 'npx', ['next', 'start', '-p', String(port)]);
    const serverLog = path.join(tmp, 'server.log');
    console.error(`[N=${n}] starting server on port ${port}`);
    server = spawnGroup(scmd, sargs, { cwd: PROJECT_DIR, env: { ...env, PORT: String(port) } }, serverLog);
    const base = `http://127.0.0.1:${port}`;
    const startT0 = performance.now();
    let exitInfo = null;
    server.exited.then((x) => (exitInfo = x));
    for (;;) {
      if (interrupted) throw new StepError(`interrupted (${interrupted})`);
      if (exitInfo) {
        throw new StepError(
          `server exited before answering (${exitInfo.error?.message ?? `exit ${exitInfo.code ?? exitInfo.signal}`}); log tail:\n${await tail(serverLog)}`,
        );
      }
      const elapsed = performance.now() - startT0;
      if (elapsed > START_TIMEOUT_MS) {
        throw new StepError(
          `server did not answer 200 on ${base}/ within ${START_TIMEOUT_MS / 1000} s; log tail:\n${await tail(serverLog)}`,
        );
      }
      const r = await timedGet(`${base}/`, Math.min(10_000, START_TIMEOUT_MS - elapsed + 1));
      if (r.ok) break;
      await sleep(READY_POLL_MS);
    }
    result.startSecs = (performance.now() - startT0) / 1000;
    console.error(`[N=${n}] server ready after ${result.startSecs.toFixed(1)} s`);

    // 4. serve URLs
    const results = [];
    for (const u of ['/', '/page/2', '/categories']) results.push(await timedGet(base + u));
    const links = [...new Set([...postLinks(results[0].body), ...postLinks(results[1].body)])].slice(0, MAX_ARTICLES);
    for (const u of links) {
      if (interrupted) throw new StepError(`interrupted (${interrupted})`);
      results.push(await timedGet(base + u));
    }
    // The oldest articles are not prerendered: they render on their first request (then cached).
    const lastPage = Math.max(1, ...[...results[0].body.matchAll(/href="\/page\/(\d+)"/g)].map((m) => Number(m[1])));
    const last = await timedGet(`${base}/page/${lastPage}`);
    results.push(last);
    const cold = [];
    for (const u of postLinks(last.body).slice(0, 20)) {
      if (interrupted) throw new StepError(`interrupted (${interrupted})`);
      const first = await timedGet(base + u);
      const again = await timedGet(base + u);
      results.push(first, again);
      cold.push(first.ms);
      (result.cached ??= []).push(again.ms);
    }
    result.coldMs = cold.length ? median(cold) : NaN;
    result.cachedMs = result.cached?.length ? median(result.cached) : NaN;
    result.ok = results.filter((r) => r.ok).length;
    result.failed = results.length - result.ok;
    result.articles = links.length;
    result.medianMs = median(results.map((r) => r.ms));
    result.failures = results.filter((r) => !r.ok).map((r) => `${r.url.slice(base.length)} -> ${r.error ?? r.status}`);
    await sleep(SAMPLE_MS);
    result.serverRss = (await treeRss(server.pid)).bytes;
    console.error(
      `[N=${n}] served ${results.length} URLs (${links.length} articles): ${result.ok} ok, ${result.failed} failed; ` +
        `median ${result.medianMs.toFixed(1)} ms; old articles: first render ${result.coldMs.toFixed(1)} ms, ` +
        `then ${result.cachedMs.toFixed(1)} ms (medians); server RSS ${mib(result.serverRss)} MiB`,
    );
    for (const f of result.failures.slice(0, 10)) console.error(`[N=${n}]   failed: ${f}`);
    if (links.length === 0) console.error(`[N=${n}]   warning: no /posts/ links found on / or /page/2`);
    return result;
  } finally {
    if (server) {
      await killGroup(server);
      if (server.pid && groupAlive(server.pid))
        console.error(`[N=${n}] warning: server group ${server.pid} still alive after SIGKILL`);
      await Promise.race([server.logClosed, sleep(1000)]);
    }
    await rm(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

const mib = (bytes) => (bytes / 1048576).toFixed(0);

function printTable(rows) {
  const header = [
    'N',
    'build (s)',
    'build peak RSS (MiB)',
    'server RSS (MiB)',
    'URLs ok/failed',
    'median resp (ms)',
    'old article 1st/cached (ms)',
  ];
  const ms = (v) => (v !== undefined && !Number.isNaN(v) ? v.toFixed(1) : '-');
  const body = rows.map((r) => [
    String(r.n),
    r.buildSecs?.toFixed(1) ?? '-',
    r.buildPeak !== undefined ? mib(r.buildPeak) : '-',
    r.serverRss !== undefined ? mib(r.serverRss) : '-',
    r.ok !== undefined ? `${r.ok}/${r.failed}` : '-',
    ms(r.medianMs),
    `${ms(r.coldMs)} / ${ms(r.cachedMs)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) =>
    '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const row of body) console.log(line(row));
}

async function main() {
  const ns = parseArgs(process.argv.slice(2));
  if (process.platform !== 'linux') {
    console.error('bench-build: needs Linux (/proc) for process-tree memory sampling');
    process.exit(1);
  }
  const rows = [];
  let failure = null;
  for (const n of ns) {
    try {
      rows.push(await runOne(n));
    } catch (err) {
      failure = { n, err };
      break;
    }
  }
  if (rows.length) printTable(rows);
  if (failure) {
    const msg = failure.err instanceof StepError ? failure.err.message : (failure.err?.stack ?? String(failure.err));
    console.error(`\nbench-build: FAILED for N=${failure.n}: ${msg}`);
    process.exitCode = 1;
  } else if (rows.some((r) => r.failed > 0)) {
    console.error('\nbench-build: some requests failed (see above)');
    process.exitCode = 1;
  }
}

main();
