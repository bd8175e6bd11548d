#!/usr/bin/env node
// The site's benchmark: `npm run bench -- 1000 10000 100000` (default: 1000 10000).
//
// For each size N, on its own generated corpus (scripts/generate-corpus.mjs, seed 42, in a temp
// folder) and its own build folder (.bench/next, removed afterwards; the project's .next is never
// touched), in one run:
//   1. build (`next build` + scripts/finish-standalone.mjs): wall time, peak memory of the process tree;
//      the size of the article page's serverless function with the content and its index (Vercel);
//   2. cold start: a fresh `next start` per sample, spawn → first byte of a page the build did not
//      prerender (an article of the last feed page, a late feed page), 3 samples of each, and of the
//      prerendered home page for comparison;
//   3. serving: the feed, listings, 50 articles new and old, a few searches; then the server's
//      memory (its process tree's resident memory, which holds the content and search index's
//      caches: the index is a file the server opens);
//   4. search: /search?q= for a fixed set of queries (scripts/bench/search-latency.mjs), one untimed
//      pass then 10 timed ones, one request at a time: p50 and p99;
//   5. update latency: the newest article's title edited, then new articles added (a unique word in
//      the middle of the body), 5 times each, timed from the write until the home page shows it and
//      until search finds it, polling every 25 ms: first with the server alone (file events, the
//      periodic scan), then with POST /api/revalidate sent right after the write (for the whole
//      folder, then naming the file);
//   6. requests per second: wrk against a cached old article and the home page, the article through
//      deploy/nginx.conf (nginx's cache in front of the app), and against nginx
//      serving that article's HTML as a static file, 3 interleaved runs of 10 s each.
// Prints markdown tables (medians) and writes every sample to .bench/bench-<time>.json.
// Everything started is stopped, and temp folders removed, also on failure and Ctrl-C.
//
// Environment: BENCH_PORT (3260; nginx the next two ports: static, then deploy/nginx.conf), BENCH_COLD_STARTS (3),
// BENCH_SEARCH_ROUNDS (10), BENCH_UPDATE_REPS (5), BENCH_UPDATE_TIMEOUT_MS (30000),
// BENCH_WRK_ROUNDS (3), BENCH_WRK_SECONDS (10), BENCH_WRK_THREADS (1), BENCH_WRK_CONNECTIONS (16),
// BENCH_JSON (path of the JSON file), BENCH_KEEP=1 (keep the corpus and build, and say where).
// Needs Linux (/proc), wrk and nginx.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { coldStart, nextCli, startServer } from './bench/app-server.mjs';
import {
  checkInterrupted,
  cleanUpOnExit,
  interruptedBy,
  logTail,
  registerTemp,
  removeTemp,
  spawnGroup,
  stopGroup,
} from './bench/children.mjs';
import { functionSize } from './bench/function-size.mjs';
import { articleLinks, getOk, lastFeedPage } from './bench/http.mjs';
import { sampleTreeRss, treeRss } from './bench/process-tree.mjs';
import { summaryTable, updateTable } from './bench/report.mjs';
import { measureSearch } from './bench/search-latency.mjs';
import { measureThroughput, startNginx, startNginxProxy } from './bench/throughput.mjs';
import { measureUpdates } from './bench/update-latency.mjs';

const PROJECT_DIR = path.resolve(import.meta.dirname, '..');
const BENCH_DIR = path.join(PROJECT_DIR, '.bench');
const DIST_DIR = '.bench/next';
const MIN_N = 500; // below this the oldest articles and feed pages are prerendered

const setting = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
};

const settings = {
  port: setting('BENCH_PORT', 3260),
  coldStarts: setting('BENCH_COLD_STARTS', 3),
  searchRounds: setting('BENCH_SEARCH_ROUNDS', 10),
  updateReps: setting('BENCH_UPDATE_REPS', 5),
  updateTimeoutMs: setting('BENCH_UPDATE_TIMEOUT_MS', 30_000),
  wrk: {
    rounds: setting('BENCH_WRK_ROUNDS', 3),
    seconds: setting('BENCH_WRK_SECONDS', 10),
    threads: setting('BENCH_WRK_THREADS', 1),
    connections: setting('BENCH_WRK_CONNECTIONS', 16),
  },
};

function parseSizes(args) {
  if (args.length === 0) return [1000, 10_000];
  return args.map((arg) => {
    const n = Number(arg);
    if (!/^\d+$/.test(arg) || n < MIN_N || n > 1_000_000)
      throw new Error(`each size must be a whole number from ${MIN_N} to 1000000, got ${JSON.stringify(arg)}`);
    return n;
  });
}

const log = (n, message) => console.error(`[bench ${n.toLocaleString('en-US')}] ${message}`);
const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function commandExists(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function gitCommit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_DIR, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return null;
  }
}

/** Runs a child to its end; throws with its log's tail if it fails. */
async function runToEnd(child, what) {
  const exit = await child.exited;
  await child.logWritten;
  checkInterrupted();
  if (exit.error || exit.code !== 0)
    throw new Error(
      `${what} failed (${exit.error?.message ?? `exit ${exit.code ?? exit.signal}`}):\n${await logTail(child)}`,
    );
}

async function build(n, tmp, env) {
  removeTemp(path.join(PROJECT_DIR, DIST_DIR)); // a clean build: the index in its cache would make it incremental
  registerTemp(path.join(PROJECT_DIR, DIST_DIR));
  const script = `"${process.execPath}" "${nextCli(PROJECT_DIR)}" build && "${process.execPath}" scripts/finish-standalone.mjs`;
  const started = performance.now();
  const child = spawnGroup('sh', ['-c', script], { cwd: PROJECT_DIR, env, logFile: path.join(tmp, 'build.log') });
  const sampler = sampleTreeRss(child.pid);
  try {
    await runToEnd(child, 'the build');
  } finally {
    await stopGroup(child, 1000); // whatever it left in its group
  }
  const wallMs = performance.now() - started;
  const { peak, processes } = await sampler.stop();
  log(
    n,
    `built in ${(wallMs / 1000).toFixed(1)} s, peak ${Math.round(peak / 1048576)} MiB over up to ${processes} processes`,
  );
  return { wallMs, peakRss: peak, processes };
}

/** Addresses the benchmark uses, found the way a visitor would: old articles and feed pages from the feed's last pages. */
async function discover(n, serverOptions) {
  const { server, readyMs } = await startServer(serverOptions);
  try {
    const base = `http://127.0.0.1:${serverOptions.port}`;
    const home = (await getOk(`${base}/`)).body;
    const page2 = (await getOk(`${base}/page/2`)).body;
    const last = lastFeedPage(home);
    const oldPages = [last, last - 1, last - 2].filter((p) => p > 3);
    if (oldPages.length < 3) throw new Error(`the feed has ${last} pages: too few for old, not prerendered pages`);
    const oldArticles = [];
    for (const page of oldPages) oldArticles.push(...articleLinks((await getOk(`${base}/page/${page}`)).body));
    const newArticles = [...new Set([...articleLinks(home), ...articleLinks(page2)])];
    log(n, `first server answered after ${(readyMs / 1000).toFixed(2)} s; feed has ${last} pages`);
    return { readyMs, feedPages: last, oldPages, oldArticles, newArticles };
  } finally {
    await stopGroup(server);
  }
}

async function coldStarts(n, serverOptions, urls) {
  const samples = [];
  for (let i = 0; i < settings.coldStarts; i++) {
    for (const [kind, url] of [
      ['article', urls.oldArticles[i % urls.oldArticles.length]],
      ['feed page', `/page/${urls.oldPages[i % urls.oldPages.length]}`],
      // Prerendered: what Next.js's own start costs, whatever the content.
      ['home', '/'],
    ]) {
      checkInterrupted();
      const sample = { kind, ...(await coldStart(serverOptions, url)) };
      log(
        n,
        `cold start → first byte of ${url}: ${(sample.firstByteMs / 1000).toFixed(2)} s (${sample.cache ?? 'no cache header'})`,
      );
      samples.push(sample);
    }
  }
  return samples;
}

async function serve(base, urls) {
  const paths = [
    '/',
    '/page/2',
    '/categories',
    '/archives',
    ...urls.newArticles.slice(0, 25),
    ...urls.oldArticles.slice(0, 25),
    '/search?q=%E4%BA%BA%E6%89%8D', // 人才
    '/search?q=%E9%87%8D%E5%BA%86%20%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E', // 重庆 数字经济
    '/search?q=NBA',
  ];
  const requests = [];
  for (const p of paths) {
    checkInterrupted();
    const res = await getOk(base + p);
    requests.push({ url: p, ms: res.totalMs, cache: res.headers['x-nextjs-cache'] ?? null });
  }
  return requests;
}

async function benchSize(n, result) {
  result.loadAverageAtStart = loadAverage();
  log(n, `load average ${result.loadAverageAtStart}`);
  const tmp = registerTemp(await mkdtemp(path.join(os.tmpdir(), `news-bench-${n}-`)));
  try {
    const contentDir = path.join(tmp, 'content');
    const generator = spawnGroup(
      process.execPath,
      ['scripts/generate-corpus.mjs', contentDir, String(n), '--seed', '42'],
      {
        cwd: PROJECT_DIR,
        logFile: path.join(tmp, 'generate.log'),
      },
    );
    await runToEnd(generator, 'generating the corpus');
    log(n, `corpus in ${contentDir}`);

    const secret = randomBytes(24).toString('hex');
    const env = {
      ...process.env,
      CONTENT_DIR: contentDir,
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      REVALIDATE_SECRET: secret,
      // Its own index, beside its corpus: the project's .content-index belongs to `npm run build`
      // and the e2e server, which may run at the same time.
      CONTENT_INDEX: path.join(tmp, 'index', 'index.db'),
    };
    for (const name of ['NEXT_OUTPUT', 'NODE_ENV', 'PORT']) delete env[name];

    result.build = await build(n, tmp, env);
    result.build.function = await functionSize(path.join(PROJECT_DIR, DIST_DIR), contentDir, env.CONTENT_INDEX);
    log(
      n,
      `Vercel function: ${['codeBytes', 'contentBytes', 'indexBytes', 'totalBytes'].map((k) => `${k.replace('Bytes', '')} ${Math.round(result.build.function[k] / 1048576)} MiB`).join(', ')}`,
    );

    const serverOptions = { projectDir: PROJECT_DIR, env, port: settings.port, logFile: path.join(tmp, 'server.log') };
    const urls = await discover(n, serverOptions);
    result.firstServerReadyMs = urls.readyMs;
    result.coldStarts = await coldStarts(n, serverOptions, urls);

    const { server, readyMs } = await startServer(serverOptions);
    const base = `http://127.0.0.1:${settings.port}`;
    const sampler = sampleTreeRss(server.pid, 500);
    let nginx = null;
    let proxy = null;
    try {
      result.server = { readyMs };
      result.server.serve = await serve(base, urls);
      const afterServing = await treeRss(server.pid);
      result.server.rssAfterServing = afterServing.bytes;
      result.server.processes = afterServing.processes;
      log(
        n,
        `server memory after serving: ${Math.round(afterServing.bytes / 1048576)} MiB (${afterServing.processes} processes)`,
      );

      result.search = await measureSearch(base, settings.searchRounds);
      log(n, `search p50 ${result.search.p50.toFixed(1)} ms, p99 ${result.search.p99.toFixed(1)} ms`);
      result.server.rssAfterSearch = (await treeRss(server.pid)).bytes;

      result.updates = await measureUpdates({
        base,
        contentDir,
        secret,
        reps: settings.updateReps,
        timeoutMs: settings.updateTimeoutMs,
        scanIntervalMs: (env.CONTENT_SCAN_INTERVAL ? Number(env.CONTENT_SCAN_INTERVAL) : 10) * 1000,
        homeHtml: (await getOk(`${base}/`)).body,
        log: (message) => log(n, message),
      });
      result.server.rssAfterUpdates = (await treeRss(server.pid)).bytes;

      const article = urls.oldArticles[3];
      await getOk(base + article);
      const cached = await getOk(base + article);
      if (cached.headers['x-nextjs-cache'] !== 'HIT')
        log(n, `note: ${article} answered x-nextjs-cache: ${cached.headers['x-nextjs-cache']}`);
      nginx = await startNginx(tmp, settings.port + 1, { 'article.html': cached.body });
      proxy = await startNginxProxy(tmp, settings.port + 2, settings.port, article);
      log(n, `wrk: ${settings.wrk.rounds} × ${settings.wrk.seconds} s per target (${article})`);
      result.throughput = await measureThroughput(
        {
          'app article': base + article,
          'nginx article': `http://127.0.0.1:${settings.port + 1}/article.html`,
          'app home': `${base}/`,
          'nginx cache article': `http://127.0.0.1:${settings.port + 2}${article}`,
        },
        { ...settings.wrk, logDir: tmp, log: (message) => log(n, message) },
      );
      result.throughput.articleBytes = Buffer.byteLength(cached.body);
      result.server.rssAtEnd = (await treeRss(server.pid)).bytes;
      log(
        n,
        `server memory after search, updates, wrk: ${[result.server.rssAfterSearch, result.server.rssAfterUpdates, result.server.rssAtEnd].map((b) => Math.round(b / 1048576)).join(', ')} MiB`,
      );
    } finally {
      if (nginx) await stopGroup(nginx);
      if (proxy) await stopGroup(proxy);
      result.server ??= {};
      result.server.peakRss = (await sampler.stop()).peak;
      await stopGroup(server);
    }
    result.loadAverageAtEnd = loadAverage();
  } finally {
    if (process.env.BENCH_KEEP === '1') log(n, `kept ${tmp} and ${DIST_DIR}`);
    else {
      removeTemp(tmp);
      removeTemp(path.join(PROJECT_DIR, DIST_DIR));
    }
  }
}

async function main() {
  const sizes = parseSizes(process.argv.slice(2));
  cleanUpOnExit();
  if (process.platform !== 'linux') throw new Error('needs Linux: memory is read from /proc');
  for (const command of ['wrk', 'nginx'])
    if (!commandExists(command)) throw new Error(`${command} is not installed (Debian: apt-get install -y ${command})`);
  if (!existsSync(nextCli(PROJECT_DIR))) throw new Error('Next.js is not installed: run npm ci first');

  const run = {
    startedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memory: os.totalmem(),
      node: process.version,
      loadAverageAtStart: loadAverage(),
    },
    settings,
    results: [],
  };
  console.error(
    `bench: sizes ${sizes.join(', ')}; ${run.machine.cpus} CPUs, load average at start ${run.machine.loadAverageAtStart}; commit ${run.commit ?? 'unknown'}`,
  );
  await mkdir(BENCH_DIR, { recursive: true });
  const jsonFile = process.env.BENCH_JSON || path.join(BENCH_DIR, `bench-${run.startedAt.replace(/[:.]/g, '-')}.json`);
  let failure = null;
  for (const n of sizes) {
    const result = { n };
    run.results.push(result);
    try {
      await benchSize(n, result);
    } catch (error) {
      failure = error;
      result.error = interruptedBy() ? `interrupted by ${interruptedBy()}` : error.message;
      break;
    }
  }
  run.finishedAt = new Date().toISOString();
  await writeFile(jsonFile, `${JSON.stringify(run, null, 2)}\n`);

  console.log(
    `\nLoad average at start: ${run.machine.loadAverageAtStart} (${run.machine.cpus} CPUs); commit ${run.commit ?? 'unknown'}.\n`,
  );
  console.log(summaryTable(run.results));
  console.log(`\nUpdate latency (file written → visible), ${settings.updateReps} of each:\n`);
  console.log(updateTable(run.results));
  console.log(`\nAll samples: ${path.relative(process.cwd(), jsonFile)}`);
  if (failure) {
    // Once interrupted, whatever failed next failed because its server or wrk was stopped.
    const reason = interruptedBy() ? `interrupted by ${interruptedBy()}` : (failure.stack ?? failure);
    console.error(`\nbench: FAILED at ${run.results.at(-1).n}: ${reason}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});
