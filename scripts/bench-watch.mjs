#!/usr/bin/env node
// Compares file watchers for live content (lib/content/live/) on a large corpus.
//
// Usage: node scripts/bench-watch.mjs [--files N] [--only NAME,NAME] [--keep]
//        npm run bench:watch -- --files 100000
//
// Generates N articles (scripts/generate-corpus.mjs, default 100,000) into a temp folder and
// spreads them over folders of 100 (N/100 leaf folders, two levels deep, as a year/month tree
// would be). Candidates: chokidar 4, 5 and 6, @parcel/watcher and Node's own
// fs.watch(dir, { recursive: true }); the versions not installed in the project are installed
// (npm) into a temp folder. Each candidate runs in a process of its own and is measured for:
//   ready      watcher created → initial scan done (Node's fs.watch: its synchronous constructor)
//   RSS, heap  added by the watcher, after a forced GC
//   watches    inotify watches the process holds (from /proc/self/fdinfo)
//   idle CPU   CPU time used over 5 s with nothing changing
//   latency    append to an existing file / write a new one → the watcher's event for it
//              (median and worst of 20; the library's own delay, before any settling of ours)
//   then behaviours: a folder of 100 renamed in place and one moved in from outside (are the new
//   paths reported, and is a file edited inside afterwards seen?), a symbolic link to a folder
//   outside (followed?) next to one looping back to the root (scan finishes?), and close()
//   (does the process exit by itself?).
// Failures, in a user namespace of their own (`unshare --user`, so the machine's limits are not
// touched): the inotify watch limit lowered to half the number of folders (ENOSPC), reached after
// start by a new folder, and no inotify instance at all (EMFILE). Linux only.
// --keep leaves the corpus for another run.

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const PER_FOLDER = 100;
// A watcher not ready in this time is reported as such, with its memory and watches so far.
const READY_LIMIT_MS = 180_000;
const ARTICLE = /\.(?:md|markdown)$/i;

const CANDIDATES = {
  'chokidar 4': { kind: 'chokidar', package: 'chokidar@4.0.3' },
  'chokidar 5': { kind: 'chokidar', package: 'chokidar@5.0.0' },
  'chokidar 6': { kind: 'chokidar', package: 'chokidar@6.0.0' },
  '@parcel/watcher': { kind: 'parcel', package: '@parcel/watcher@2.6.0' },
  'node fs.watch': { kind: 'node' },
  // The project's own: one fs.watch() per folder (lib/content/live/watch-folders.ts), run through tsx.
  'lib/content/live': { kind: 'own', nodeArgs: ['--conditions=react-server', '--import', 'tsx'] },
};

// ---------------------------------------------------------------- the same filter for every one

/** Mirrors lib/content/source.ts: skips dot-names, node_modules, `_` folders but top-level _posts/_drafts. */
function makeIgnored(root) {
  return (file, stats) => {
    const relative = path.relative(root, file);
    if (!relative || relative.startsWith('..')) return false;
    const parts = relative.split(path.sep);
    for (const [i, part] of parts.entries()) {
      if (part.startsWith('.') || part === 'node_modules') return true;
      const folder = i < parts.length - 1 || stats?.isDirectory();
      if (folder && part.startsWith('_') && !(i === 0 && (part === '_posts' || part === '_drafts'))) return true;
    }
    return Boolean(stats?.isFile() && !ARTICLE.test(file));
  };
}

/** The project's own copy when it is this version, else the one installed for the bench. */
async function loadPackage(packagesDir, spec) {
  const at = spec.lastIndexOf('@');
  const own = path.join(PROJECT_DIR, 'node_modules', spec.slice(0, at), 'package.json');
  const ownVersion = fs.existsSync(own) ? JSON.parse(fs.readFileSync(own, 'utf8')).version : null;
  const manifest =
    ownVersion === spec.slice(at + 1) ? own : path.join(packagesDir, 'node_modules', aliasOf(spec), 'package.json');
  const { exports, main } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const entry = exports?.['.']?.require ?? exports?.['.']?.default ?? main ?? 'index.js';
  return import(pathToFileURL(path.join(path.dirname(manifest), entry)).href);
}

const aliasOf = (spec) => spec.replace(/^@/, '').replace(/[@/.]/g, '-');

async function startWatcher(candidate, mod, root, onEvent, onError) {
  if (candidate.kind === 'chokidar') {
    const watcher = mod.watch(root, {
      ignoreInitial: true,
      followSymlinks: true,
      ignorePermissionErrors: true,
      ignored: makeIgnored(root),
    });
    watcher.on('all', (type, file) => onEvent(type, file));
    watcher.on('error', onError);
    await new Promise((resolve) => watcher.once('ready', resolve));
    return () => watcher.close();
  }
  if (candidate.kind === 'own') {
    const { watchFolders } = await import(
      pathToFileURL(path.join(PROJECT_DIR, 'lib/content/live/watch-folders.ts')).href
    );
    const watcher = watchFolders(root, {
      onChange: (relative, isFolder) => onEvent(isFolder ? 'folder' : 'file', path.join(root, relative)),
      onError,
    });
    await watcher.ready;
    return () => watcher.close();
  }
  if (candidate.kind === 'parcel') {
    const subscription = await mod.subscribe(
      root,
      (error, events) => {
        if (error) onError(error);
        else for (const event of events) onEvent(event.type, event.path);
      },
      { ignore: ['**/.*', '**/node_modules', '**/_!(posts|drafts)', '*/**/_*'] },
    );
    return () => subscription.unsubscribe();
  }
  const ignored = makeIgnored(root);
  const watcher = fs.watch(
    root,
    { recursive: true, ignore: (relative) => ignored(path.join(root, relative)) },
    (type, file) => onEvent(type, path.join(root, file)),
  );
  watcher.on('error', onError);
  return () => watcher.close();
}

// ---------------------------------------------------------------- child: one candidate

function inotifyWatches() {
  let count = 0;
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      if (fs.readlinkSync(`/proc/self/fd/${fd}`) !== 'anon_inode:inotify') continue;
      count += fs
        .readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('inotify wd:')).length;
    } catch {
      // closed meanwhile
    }
  }
  return count;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The watcher's close function, or null if it was not ready within `ms` (no timer left behind). */
async function startWithin(ms, start) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, ms, null)));
  try {
    return await Promise.race([start(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
/** Median and worst of latencies, a missed event (null) counting as worst. */
function summary(values) {
  const sorted = values.map((v) => v ?? Infinity).sort((a, b) => a - b);
  const missed = values.filter((v) => v === null).length;
  return { median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1), missed };
}

async function child(name, root, mode) {
  const candidate = CANDIDATES[name];
  const mod = candidate.package ? await loadPackage(process.env.BENCH_WATCH_PACKAGES, candidate.package) : null;
  const events = [];
  const waiters = new Set();
  const errors = [];
  const onEvent = (type, file) => {
    const event = { type, file: path.relative(root, file), at: performance.now() };
    events.push(event);
    for (const waiter of waiters) waiter(event);
  };
  const onError = (error) => errors.push(error.code ?? error.message);
  const waitFor = (test, timeout) =>
    new Promise((resolve) => {
      const found = events.find(test);
      if (found) return resolve(found);
      const timer = setTimeout(() => (waiters.delete(waiter), resolve(null)), timeout);
      const waiter = (event) => test(event) && (clearTimeout(timer), waiters.delete(waiter), resolve(event));
      waiters.add(waiter);
    });
  const quiet = async (ms, max) => {
    const started = performance.now();
    for (let count = -1; count !== events.length && performance.now() - started < max;) {
      count = events.length;
      await sleep(ms);
    }
  };

  if (mode === 'failure') {
    const result = { errors };
    const started = performance.now();
    try {
      const close = await startWithin(60_000, () => startWatcher(candidate, mod, root, onEvent, onError));
      result.ready = close ? 'ready' : 'no ready in 60 s';
      result.readyMs = performance.now() - started;
      result.watches = inotifyWatches();
      await sleep(500);
      if (close) await close();
    } catch (error) {
      result.threw = error.code ?? error.message;
    }
    result.errors = [...new Set(errors)].slice(0, 3);
    result.errorCount = errors.length;
    process.stdout.write(JSON.stringify(result));
    setTimeout(() => process.exit(0), 1000).unref();
    return;
  }

  if (mode === 'later') {
    // The watch limit reached after start, by a new folder: the watcher must say so, not crash
    // the process and not go on silently without the new folder.
    fs.mkdirSync(path.join(root, 'a'));
    fs.writeFileSync(path.join(root, 'a', 'x.md'), 'x\n');
    process.on('uncaughtException', (error) => {
      process.stdout.write(JSON.stringify({ crashed: error.code ?? error.message }));
      process.exit(0);
    });
    const close = await startWithin(60_000, () => startWatcher(candidate, mod, root, onEvent, onError));
    fs.writeFileSync('/proc/sys/user/max_inotify_watches', String(inotifyWatches()));
    fs.mkdirSync(path.join(root, 'b', 'c'), { recursive: true });
    await sleep(300);
    fs.writeFileSync(path.join(root, 'b', 'c', 'y.md'), 'y\n');
    const seen = await waitFor((e) => e.file.endsWith('y.md'), 3000);
    process.stdout.write(
      JSON.stringify({ errors: [...new Set(errors)].slice(0, 3), errorCount: errors.length, seen: Boolean(seen) }),
    );
    setTimeout(() => process.exit(0), 1000).unref();
    if (close) await close();
    return;
  }

  if (mode === 'loop') {
    // A small tree whose link points back to its root: the scan must end, and a file must be
    // reported once, not once per trip round the loop.
    fs.mkdirSync(path.join(root, 'a'));
    fs.writeFileSync(path.join(root, 'a', 'x.md'), 'x\n');
    fs.symlinkSync(root, path.join(root, 'a', 'loop'));
    const started = performance.now();
    const close = await startWithin(60_000, () => startWatcher(candidate, mod, root, onEvent, onError));
    const result = { ready: close ? performance.now() - started : null, watches: inotifyWatches() };
    fs.writeFileSync(path.join(root, 'a', 'y.md'), 'y\n');
    await waitFor((e) => e.file.endsWith('y.md'), 5000);
    await quiet(500, 5000);
    result.reports = new Set(events.filter((e) => e.file.endsWith('y.md')).map((e) => e.file)).size;
    result.errors = [...new Set(errors)].slice(0, 3);
    process.stdout.write(JSON.stringify(result));
    setTimeout(() => process.exit(0), 1000).unref();
    if (close) await close();
    return;
  }

  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-watch-outside-'));
  fs.writeFileSync(path.join(outside, 'linked.md'), 'linked\n');
  fs.symlinkSync(outside, path.join(root, 'zz-link'));

  global.gc();
  const before = process.memoryUsage();
  const started = performance.now();
  const close = await startWithin(READY_LIMIT_MS, () => startWatcher(candidate, mod, root, onEvent, onError));
  if (!close) {
    const now = process.memoryUsage();
    const partial = {
      timedOut: true,
      rssMiB: (now.rss - before.rss) / 2 ** 20,
      heapMiB: (now.heapUsed - before.heapUsed) / 2 ** 20,
    };
    process.stdout.write(
      JSON.stringify({ ...partial, watches: inotifyWatches(), errors: [...new Set(errors)].slice(0, 3) }),
    );
    setTimeout(() => process.exit(0), 1000);
    return;
  }
  const readyMs = performance.now() - started;
  await sleep(1000);
  global.gc();
  const after = process.memoryUsage();
  const watches = inotifyWatches();

  const cpu = process.cpuUsage();
  await sleep(5000);
  const idle = process.cpuUsage(cpu);

  const folders = fs
    .readdirSync(root)
    .filter((entry) => /^\d+$/.test(entry))
    .sort();
  const leaf = (i) => {
    const top = folders[i % folders.length];
    const subs = fs.readdirSync(path.join(root, top)).sort();
    return path.join(top, subs[Math.floor(i / folders.length) % subs.length]);
  };
  const timeEvent = async (file, write) => {
    const at = performance.now();
    write(path.join(root, file));
    const event = await waitFor((e) => e.file === file && e.at >= at, 5000);
    return event ? event.at - at : null;
  };
  const change = [];
  const add = [];
  for (let i = 0; i < 20; i++) {
    const dir = leaf(i * 7);
    const first = fs.readdirSync(path.join(root, dir)).find((f) => ARTICLE.test(f));
    change.push(await timeEvent(path.join(dir, first), (f) => fs.appendFileSync(f, `\n<p>更新 ${i}</p>\n`)));
    add.push(await timeEvent(path.join(dir, `new-${i}.md`), (f) => fs.writeFileSync(f, '---\ntitle: 新\n---\n正文\n')));
    await sleep(50);
  }

  // A folder renamed in place: the new paths must be reported and keep being watched.
  const movedFrom = leaf(31);
  const movedTo = `${movedFrom}-renamed`;
  const markRename = events.length;
  fs.renameSync(path.join(root, movedFrom), path.join(root, movedTo));
  await quiet(1000, 10_000);
  const renameEvents = events.slice(markRename);
  const underNew = renameEvents.filter((e) => e.file === movedTo || e.file.startsWith(movedTo + path.sep));
  const sawOld = renameEvents.some((e) => e.file === movedFrom || e.file.startsWith(movedFrom + path.sep));
  const inside = fs.readdirSync(path.join(root, movedTo)).find((f) => ARTICLE.test(f));
  const renamedEdit = await timeEvent(path.join(movedTo, inside), (f) => fs.appendFileSync(f, '\nedit\n'));
  fs.renameSync(path.join(root, movedTo), path.join(root, movedFrom));

  // A folder of 100 moved in from outside the root (a checkout or rsync replacing a folder).
  const incoming = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-watch-incoming-'));
  for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(incoming, `in-${i}.md`), '---\ntitle: 进\n---\n正文\n');
  const markIn = events.length;
  fs.renameSync(incoming, path.join(root, 'zz-incoming'));
  await quiet(1000, 10_000);
  const inEvents = events.slice(markIn).filter((e) => e.file.startsWith('zz-incoming'));
  const inEdit = await timeEvent(path.join('zz-incoming', 'in-5.md'), (f) => fs.appendFileSync(f, '\nedit\n'));

  const linkEdit = await timeEvent(path.join('zz-link', 'linked-2.md'), () =>
    fs.writeFileSync(path.join(outside, 'linked-2.md'), 'x\n'),
  );

  fs.rmSync(outside, { recursive: true, force: true });
  await close();
  await sleep(200);
  const leftover = {};
  for (const kind of process.getActiveResourcesInfo())
    if (kind !== 'TTYWrap' && kind !== 'PipeWrap') leftover[kind] = (leftover[kind] ?? 0) + 1;
  const result = {
    readyMs,
    rssMiB: (after.rss - before.rss) / 2 ** 20,
    heapMiB: (after.heapUsed - before.heapUsed) / 2 ** 20,
    watches,
    idleCpuMs: (idle.user + idle.system) / 1000 / 5,
    change: summary(change),
    add: summary(add),
    rename: {
      sawOld,
      newPaths: underNew.length,
      dirEvent: underNew.some((e) => e.file === movedTo),
      edit: renamedEdit,
    },
    moveIn: { paths: inEvents.length, edit: inEdit },
    linkEdit,
    errors: [...new Set(errors)].slice(0, 3),
    leftover,
  };
  // The parent checks that the process now exits by itself (close() left nothing behind).
  process.stdout.write(JSON.stringify(result));
}

// ---------------------------------------------------------------- parent

/** Undoes what a child did to the corpus (also after a child that was killed). */
function resetCorpus(root) {
  fs.rmSync(path.join(root, 'zz-incoming'), { recursive: true, force: true });
  fs.rmSync(path.join(root, 'zz-link'), { force: true });
  for (const top of fs.readdirSync(root)) {
    if (!/^\d+$/.test(top)) continue;
    for (const sub of fs.readdirSync(path.join(root, top))) {
      const dir = path.join(root, top, sub);
      if (sub.endsWith('-renamed')) fs.renameSync(dir, dir.slice(0, -'-renamed'.length));
      const folder = sub.endsWith('-renamed') ? dir.slice(0, -'-renamed'.length) : dir;
      for (const file of fs.readdirSync(folder)) if (file.startsWith('new-')) fs.rmSync(path.join(folder, file));
    }
  }
}

async function prepareCorpus(files) {
  const dir = path.join(os.tmpdir(), `bench-watch-corpus-${files}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(PROJECT_DIR, 'scripts/generate-corpus.mjs'), dir, String(files)], {
    stdio: 'inherit',
  });
  for (const top of fs.readdirSync(dir)) {
    const names = fs.readdirSync(path.join(dir, top)).sort();
    for (const [i, name] of names.entries()) {
      const sub = path.join(dir, top, String(Math.floor(i / PER_FOLDER)).padStart(2, '0'));
      if (i % PER_FOLDER === 0) fs.mkdirSync(sub);
      fs.renameSync(path.join(dir, top, name), path.join(sub, name));
    }
  }
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

function installPackages() {
  const dir = path.join(os.tmpdir(), 'bench-watch-packages');
  const specs = Object.values(CANDIDATES).flatMap((c) => (c.package ? [c.package] : []));
  const dependencies = Object.fromEntries(specs.map((spec) => [aliasOf(spec), `npm:${spec}`]));
  const manifest = JSON.stringify({ private: true, dependencies });
  const manifestPath = path.join(dir, 'package.json');
  if (
    fs.existsSync(manifestPath) &&
    fs.readFileSync(manifestPath, 'utf8') === manifest &&
    fs.existsSync(path.join(dir, 'node_modules'))
  )
    return dir;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(manifestPath, manifest);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

function canUnshare() {
  try {
    execFileSync('unshare', ['--user', '--map-root-user', 'sh', '-c', 'echo 1 > /proc/sys/user/max_inotify_watches'], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a child and resolves with its JSON, whether it then exited by itself within 5 s (close()
 * left nothing behind), or `{ hung: true }` when it never answered (a blocked main thread).
 */
function runChild(args, env, prefix = [], timeout = 600_000) {
  return new Promise((resolve, reject) => {
    const node = [process.execPath, '--expose-gc', ...(CANDIDATES[args[1]]?.nodeArgs ?? []), SELF, ...args];
    const [command, ...argv] = [...prefix, ...node];
    const proc = spawn(command, argv, {
      cwd: PROJECT_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let answered = false;
    let exitTimer = setTimeout(() => proc.kill('SIGKILL'), timeout);
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      if (answered) return;
      answered = true;
      clearTimeout(exitTimer);
      exitTimer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    });
    proc.stderr.on('data', (chunk) => (err += chunk));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(exitTimer);
      if (!answered && signal === 'SIGKILL') return resolve({ hung: true });
      try {
        resolve({ ...JSON.parse(out), exited: signal !== 'SIGKILL' });
      } catch {
        reject(new Error(`child ${args.join(' ')} failed (${code ?? signal}):\n${err.slice(-3000)}`));
      }
    });
  });
}

const ms = (value) => (value === null || value === Infinity ? 'missed' : `${Math.round(value)} ms`);
const latency = ({ median, max, missed }) => `${ms(median)} / ${ms(max)}${missed ? ` (${missed} of 20 missed)` : ''}`;
const mib = (value) => `${value.toFixed(0)} MiB`;

function describeLater(result) {
  if (!result) return 'not measured (no unshare --user)';
  if (result.hung) return 'main thread blocked (killed after 90 s)';
  if (result.crashed) return `uncaught ${result.crashed}: the process dies`;
  if (result.errorCount) return `${result.errorCount} error event(s) ${result.errors.join(', ')}`;
  return result.seen ? 'no error, new folder watched' : 'silent: no error, new folder not watched';
}

function describeFailure(result) {
  if (result.hung) return 'main thread blocked (killed after 90 s)';
  if (result.threw) return `throws ${result.threw}`;
  const errors = result.errorCount
    ? `${result.errorCount} error event(s) ${result.errors.join(', ')}`
    : 'no error event';
  return `${result.ready}, ${errors}, ${result.watches} watches`;
}

/** A Markdown table; missing cells at the end of a row are left empty. */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => `| ${header.map((_, i) => String(cells[i] ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2], args[3]);
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const files = Number(option('--files') ?? 100_000);
  const only = option('--only')?.split(',');
  if (!Number.isInteger(files) || files < 1000) throw new Error('--files needs an integer ≥ 1000');
  if (process.platform !== 'linux') throw new Error('Linux only (inotify figures)');

  const packages = installPackages();
  const root = await prepareCorpus(files);
  // Warm the page cache so that the first candidate does not pay for everyone.
  execFileSync('find', [root, '-type', 'f', '-newer', SELF], { stdio: 'ignore' });
  const unshare = canUnshare();
  resetCorpus(root);
  const folderCount = fs
    .readdirSync(root)
    .reduce((n, top) => n + (/^\d+$/.test(top) ? fs.readdirSync(path.join(root, top)).length + 1 : 0), 0);
  // Fewer watches than folders: even a watcher that watches folders only runs out.
  const watchLimit = Math.floor(folderCount / 2);
  const names = Object.keys(CANDIDATES).filter((name) => !only || only.includes(name));
  const env = { BENCH_WATCH_PACKAGES: packages };
  const perf = [];
  const behaviour = [];
  for (const name of names) {
    console.error(`bench-watch: ${name} …`);
    resetCorpus(root);
    const r = await runChild(['--child', name, root, 'measure'], env);
    if (process.env.BENCH_WATCH_DEBUG) console.error(JSON.stringify(r));
    if (r.hung) throw new Error(`${name}: no answer in 10 minutes`);
    if (r.timedOut) {
      const note = `not ready in ${READY_LIMIT_MS / 1000} s`;
      perf.push([name, note, `${mib(r.rssMiB)} so far`, `${mib(r.heapMiB)} so far`, `${r.watches} so far`]);
      behaviour.push([name, note]);
      continue;
    }
    const loopRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-watch-loop-'));
    const loop = await runChild(['--child', name, loopRoot, 'loop'], env, [], 90_000);
    fs.rmSync(loopRoot, { recursive: true, force: true });
    const failures = [];
    for (const [limit, value] of [
      ['max_inotify_watches', watchLimit],
      ['max_inotify_instances', 0],
    ]) {
      if (!unshare) failures.push('not measured (no unshare --user)');
      else {
        const prefix = [
          'unshare',
          '--user',
          '--map-root-user',
          'sh',
          '-c',
          `echo ${value} > /proc/sys/user/${limit} && exec "$@"`,
          'sh',
        ];
        failures.push(describeFailure(await runChild(['--child', name, root, 'failure'], env, prefix, 90_000)));
      }
    }
    const laterRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-watch-later-'));
    const later = unshare
      ? await runChild(['--child', name, laterRoot, 'later'], env, ['unshare', '--user', '--map-root-user'], 90_000)
      : null;
    fs.rmSync(laterRoot, { recursive: true, force: true });
    perf.push([
      name,
      ms(r.readyMs),
      mib(r.rssMiB),
      mib(r.heapMiB),
      r.watches,
      `${r.idleCpuMs.toFixed(1)} ms/s`,
      latency(r.change),
      latency(r.add),
    ]);
    behaviour.push([
      name,
      `${r.rename.dirEvent ? 'folder' : 'no folder event'}, ${r.rename.newPaths} new paths${r.rename.sawOld ? ', old reported' : ''}; edit after: ${ms(r.rename.edit)}`,
      `${r.moveIn.paths} paths; edit after: ${ms(r.moveIn.edit)}`,
      r.linkEdit === null ? 'not followed' : `followed (${ms(r.linkEdit)})`,
      loop.hung
        ? 'main thread blocked'
        : `${loop.ready === null ? 'no ready in 60 s' : `ready ${ms(loop.ready)}`}, ${loop.watches} watches, new file reported at ${loop.reports} path(s)${loop.errors.length ? ` (${loop.errors.join(', ')})` : ''}`,
      `${failures[0]}`,
      describeLater(later),
      `${failures[1]}`,
      r.exited
        ? 'exits'
        : `stays (${Object.entries(r.leftover)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ')})`,
    ]);
  }
  console.log(
    `\n${files.toLocaleString('en')} articles in ${folderCount.toLocaleString('en')} folders, Node ${process.version}, ${os.cpus().length} cores\n`,
  );
  console.log(
    table(
      [
        'watcher',
        'ready',
        'RSS added',
        'heap added',
        'inotify watches',
        'idle CPU',
        'change latency (median / max)',
        'new-file latency',
      ],
      perf,
    ),
  );
  console.log();
  console.log(
    table(
      [
        'watcher',
        'folder renamed in place (100 files)',
        'folder moved in (100 files)',
        'symlinked folder',
        'link looping to the root',
        `watch limit ${watchLimit} (ENOSPC)`,
        'limit reached after start',
        'no inotify instance (EMFILE)',
        'after close()',
      ],
      behaviour,
    ),
  );
  if (!args.includes('--keep')) fs.rmSync(root, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
