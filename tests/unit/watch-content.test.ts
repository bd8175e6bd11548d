import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { watchContent, type ContentWatch } from '@/lib/content/live/watch-content';
import { article, makeTempDir, writeTree } from './temp-tree';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SETTLE_MS = 100;
const open: ContentWatch[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((watch) => watch.close()));
});

/** Polls `check` until it holds; fails after `timeout` ms saying what it last saw. */
async function until(check: () => boolean, describeState: () => unknown, timeout = 10_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeout)
      throw new Error(`not reached in ${timeout} ms; seen: ${JSON.stringify(describeState())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function startWatch(root: string, settleMs = SETTLE_MS) {
  const batches: { at: number; paths: string[] }[] = [];
  const failures: string[] = [];
  const watch = watchContent(root, {
    settleMs,
    onPaths: (paths) => void batches.push({ at: performance.now(), paths }),
    onFailure: (reason) => void failures.push(reason),
  });
  open.push(watch);
  await watch.ready;
  // Each path once, in the order first reported: on a loaded machine one write may be seen as two
  // changes a settle time apart. That a file being written is reported once is tested on its own.
  const reported = () => [...new Set(batches.flatMap((batch) => batch.paths))];
  return {
    watch,
    batches,
    failures,
    reported,
    /** Waits until every path in `paths` has been reported. */
    waitFor: (...paths: string[]) => until(() => paths.every((p) => reported().includes(p)), reported),
  };
}

const post = article('title: 文章\ndate: 2024-01-01T00:00:00Z');

async function tree(files: Record<string, string>) {
  const root = await makeTempDir('news-watch-');
  await writeTree(root, files);
  return root;
}

describe('watchContent reports changed article files', () => {
  test('an added, a changed and a deleted file, nothing for the files already there', async () => {
    const root = await tree({ 'a/old.md': post, 'a/keep.md': post, 'b.markdown': post });
    const w = await startWatch(root);
    await writeTree(root, { 'a/new.md': post });
    await w.waitFor('a/new.md');
    await fs.appendFile(path.join(root, 'b.markdown'), '<p>更正</p>\n');
    await w.waitFor('b.markdown');
    await fs.rm(path.join(root, 'a/old.md'));
    await w.waitFor('a/old.md');
    expect(w.reported()).toEqual(['a/new.md', 'b.markdown', 'a/old.md']);
    expect(w.failures).toEqual([]);
  });

  test('a renamed file: its old and its new path', async () => {
    const root = await tree({ 'a/before.md': post });
    const w = await startWatch(root);
    await fs.rename(path.join(root, 'a/before.md'), path.join(root, 'a/after.MD'));
    await w.waitFor('a/before.md', 'a/after.MD');
    expect(w.reported().sort()).toEqual(['a/after.MD', 'a/before.md']);
  });

  test("an editor's save through a temp file renamed over the original is a change of the original", async () => {
    const root = await tree({ 'post.md': post, 'other.md': post });
    const w = await startWatch(root);
    for (const temp of ['post.md.tmp-8a1f', '.post.md.swp', '.#post.md']) {
      await fs.writeFile(path.join(root, temp), post.replace('文章', '改过的文章'));
      await fs.rename(path.join(root, temp), path.join(root, 'post.md'));
    }
    await w.waitFor('post.md');
    await fs.appendFile(path.join(root, 'other.md'), 'x');
    await w.waitFor('other.md');
    expect(w.reported()).toEqual(['post.md', 'other.md']);
  });

  test('files in skipped places are not reported: .git, node_modules, _-folders, hidden files, other extensions', async () => {
    const root = await tree({
      '.git/HEAD': 'x',
      'node_modules/x/readme.md': post,
      '_notes/n.md': post,
      'a/_private/p.md': post,
    });
    const w = await startWatch(root);
    await writeTree(root, {
      '.git/objects/ab.md': post,
      'node_modules/x/changelog.md': post,
      'a/node_modules/y.md': post,
      '_notes/n2.md': post,
      'a/_private/p2.md': post,
      '.hidden.md': post,
      'a/.hidden/h.md': post,
      'a.txt': 'text',
      'a/image.png': 'png',
      'a/notes.mdx': post,
    });
    await fs.mkdir(path.join(root, '_data'));
    await fs.mkdir(path.join(root, '.cache'));
    // Written last: once it is reported, anything above would have been too.
    await writeTree(root, { 'a/sentinel.md': post });
    await w.waitFor('a/sentinel.md');
    expect(w.reported()).toEqual(['a/sentinel.md']);
  });

  test("Hexo's top-level _posts and _drafts are read, and _-files are articles like any other", async () => {
    const root = await tree({ '_posts/p.md': post, '_drafts/d.md': post });
    const w = await startWatch(root);
    await writeTree(root, {
      '_posts/2024/new.md': post,
      '_drafts/d2.md': post,
      '_underscore.md': post,
      '_posts/_skip/x.md': post,
    });
    await w.waitFor('_posts/2024/', '_drafts/d2.md', '_underscore.md');
    expect(w.reported().filter((p) => p.includes('_skip'))).toEqual([]);
  });
});

describe('watchContent reports folders to rescan', () => {
  test('a folder added with files in it (made in place, and moved in from elsewhere)', async () => {
    const root = await tree({ 'a/x.md': post });
    const elsewhere = await makeTempDir('news-watch-elsewhere-');
    await writeTree(elsewhere, { 'one.md': post, 'sub/two.md': post });
    const w = await startWatch(root);
    await writeTree(root, { 'made/x.md': post, 'made/deep/y.md': post });
    await fs.rename(elsewhere, path.join(root, 'moved'));
    await w.waitFor('made/', 'moved/');
    // The folder stands for its subtree: its files are not listed one by one in the same batch.
    const batchOf = (p: string) => w.batches.find((batch) => batch.paths.includes(p))!.paths;
    expect(batchOf('moved/').filter((p) => p.startsWith('moved/') && p !== 'moved/')).toEqual([]);
    // What is inside the moved folder is watched from now on.
    await fs.appendFile(path.join(root, 'moved/sub/two.md'), 'x');
    await w.waitFor('moved/sub/two.md');
  });

  test('a folder deleted', async () => {
    const root = await tree({ 'gone/a.md': post, 'gone/deep/b.md': post, 'stays/c.md': post });
    const w = await startWatch(root);
    await fs.rm(path.join(root, 'gone'), { recursive: true });
    await w.waitFor('gone/');
    expect(w.reported().every((p) => p.startsWith('gone/'))).toBe(true);
  });

  test('a folder renamed: its old and its new path, and the files under the new one stay watched', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`2023/${String(i).padStart(2, '0')}.md`, post]),
    );
    const root = await tree(files);
    const w = await startWatch(root);
    await fs.rename(path.join(root, '2023'), path.join(root, 'archive-2023'));
    await w.waitFor('2023/', 'archive-2023/');
    await fs.appendFile(path.join(root, 'archive-2023/07.md'), 'x');
    await w.waitFor('archive-2023/07.md');
  });

  test('a folder replaced under its name (a checkout): the new one is watched, the old one no more', async () => {
    const root = await tree({ 'a/only-old.md': post, 'b/x.md': post });
    const elsewhere = await makeTempDir('news-watch-elsewhere-');
    await writeTree(elsewhere, { 'new/y.md': post });
    const w = await startWatch(root);
    await fs.rename(path.join(root, 'a'), path.join(elsewhere, 'old'));
    await fs.rename(path.join(elsewhere, 'new'), path.join(root, 'a'));
    await w.waitFor('a/');
    await fs.appendFile(path.join(root, 'a/y.md'), 'x');
    await w.waitFor('a/y.md');
    // The old folder, now outside, must not be reported under the name it had.
    await fs.appendFile(path.join(elsewhere, 'old/only-old.md'), 'x');
    await writeTree(root, { 'b/sentinel.md': post });
    await w.waitFor('b/sentinel.md');
    expect(w.reported().filter((p) => p.includes('only-old'))).toEqual([]);
  });

  test('a folder made with folders and files in it at once is watched to its depth', async () => {
    const root = await tree({ 'a/x.md': post });
    const w = await startWatch(root);
    await writeTree(root, { 'n/b/c/deep.md': post, 'odd.md/inside.md': post });
    await w.waitFor('n/', 'odd.md/');
    expect(w.reported()).not.toContain('odd.md');
    await fs.appendFile(path.join(root, 'n/b/c/deep.md'), 'x');
    await w.waitFor('n/b/c/deep.md');
  });

  test('a link pointed at another folder: reported, and followed to the new target only', async () => {
    const [first, second] = [await makeTempDir('news-watch-first-'), await makeTempDir('news-watch-second-')];
    await writeTree(first, { 'one.md': post });
    await writeTree(second, { 'two.md': post });
    const root = await tree({ 'a/x.md': post });
    await fs.symlink(first, path.join(root, 'linked'));
    const w = await startWatch(root);
    await fs.symlink(second, path.join(root, '.linked-new'));
    await fs.rename(path.join(root, '.linked-new'), path.join(root, 'linked'));
    await w.waitFor('linked/');
    await writeTree(second, { 'three.md': post });
    await w.waitFor('linked/three.md');
    await writeTree(first, { 'stale.md': post });
    await writeTree(root, { 'a/sentinel.md': post });
    await w.waitFor('a/sentinel.md');
    expect(w.reported()).not.toContain('linked/stale.md');
  });

  test('a linked folder is followed, and a link looping back is not followed round', async () => {
    const target = await makeTempDir('news-watch-target-');
    await writeTree(target, { 'linked.md': post });
    const root = await tree({ 'a/x.md': post });
    await fs.symlink(target, path.join(root, 'linked'));
    await fs.symlink(root, path.join(root, 'a/loop'));
    const w = await startWatch(root);
    await writeTree(target, { 'new.md': post });
    await writeTree(root, { 'a/y.md': post });
    await w.waitFor('linked/new.md', 'a/y.md');
    await writeTree(root, { 'a/sentinel.md': post });
    await w.waitFor('a/sentinel.md');
    expect(w.reported().filter((p) => p.endsWith('y.md'))).toEqual(['a/y.md']);
  });
});

describe('watchContent settles and batches', () => {
  test('a file being written is reported once, after it has stopped changing', { timeout: 20_000 }, async () => {
    const settleMs = 300;
    const root = await tree({ 'a/x.md': post });
    const w = await startWatch(root, settleMs);
    const file = await fs.open(path.join(root, 'a/importing.md'), 'w');
    let lastWrite = 0;
    // Written for longer than the longest a batch waits (4 × settleMs) while the tree keeps changing.
    for (let i = 0; i < 24; i++) {
      // Taken before the write: its event may come before the write call returns.
      lastWrite = performance.now();
      await file.write(`${i === 0 ? '---\ntitle: 导入\n' : ''}<p>第 ${i} 段</p>\n`);
      // Shorter than the settle time: the file is still being written.
      await new Promise((resolve) => setTimeout(resolve, settleMs / 4));
    }
    await file.close();
    await w.waitFor('a/importing.md');
    const batch = w.batches.find((b) => b.paths.includes('a/importing.md'))!;
    expect(batch.at - lastWrite).toBeGreaterThanOrEqual(settleMs);
    await writeTree(root, { 'a/sentinel.md': post });
    await w.waitFor('a/sentinel.md');
    expect(w.batches.flatMap((b) => b.paths).filter((p) => p === 'a/importing.md')).toHaveLength(1);
  });

  test('a burst of 2,000 files comes in a few batches', { timeout: 60_000 }, async () => {
    const root = await tree(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}/seed.md`, post])));
    const settleMs = 300;
    const w = await startWatch(root, settleMs);
    const names = Array.from({ length: 2000 }, (_, i) => `f${i % 20}/post-${i}.md`);
    const started = performance.now();
    for (let i = 0; i < names.length; i += 100) {
      await Promise.all(names.slice(i, i + 100).map((name) => fs.writeFile(path.join(root, name), post)));
    }
    const writing = performance.now() - started;
    await until(
      () => w.reported().length >= 2000,
      () => ({ batches: w.batches.length, paths: w.reported().length }),
      30_000,
    );
    expect(w.reported().sort()).toEqual(names.sort());
    // A batch needs a pause of settleMs in the writing (or 4 × settleMs of it): a few, unless the
    // machine is so loaded that the writing itself took long.
    expect(w.batches.length, `writing took ${Math.round(writing)} ms`).toBeLessThanOrEqual(
      Math.max(5, Math.ceil(writing / settleMs) + 1),
    );
  });

  test('one batch at a time: what settles while onPaths works waits, then comes as one batch', async () => {
    const root = await tree({ 'a/x.md': post });
    const batches: string[][] = [];
    let inFlight = 0;
    let overlapped = false;
    let release: () => void = () => {};
    const watch = watchContent(root, {
      settleMs: SETTLE_MS,
      onPaths: async (paths) => {
        overlapped ||= inFlight > 0;
        inFlight++;
        batches.push(paths);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        inFlight--;
      },
      onFailure: () => {},
    });
    open.push(watch);
    await watch.ready;
    await writeTree(root, { 'a/first.md': post });
    await until(
      () => batches.length === 1,
      () => batches,
    );
    for (const name of ['second', 'third', 'fourth']) {
      await writeTree(root, { [`a/${name}.md`]: post });
      // Each settles on its own while the first batch is still being handled.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS * 2));
    }
    release();
    await until(
      () => batches.length === 2,
      () => batches,
    );
    expect(batches).toEqual([['a/first.md'], ['a/fourth.md', 'a/second.md', 'a/third.md']]);
    expect(overlapped).toBe(false);
  });
});

describe('watchContent stops and fails cleanly', () => {
  const handles = () =>
    process.getActiveResourcesInfo().filter((kind) => kind === 'FSEventWrap' || kind === 'Timeout').length;

  test('close() leaves no watcher or timer behind, and nothing is reported after it', async () => {
    const root = await tree({ 'a/x.md': post, 'b/y.md': post });
    const before = handles();
    const w = await startWatch(root);
    await writeTree(root, { 'a/pending.md': post });
    expect(handles()).toBeGreaterThan(before);
    // Closed while a change is still settling.
    await w.watch.close();
    // Handles finish closing on the event loop's next turns.
    await until(
      () => handles() <= before,
      () => process.getActiveResourcesInfo(),
      2000,
    );
    await writeTree(root, { 'a/after.md': post });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS * 3));
    expect(w.reported()).toEqual([]);
  });

  test('a missing content folder: onFailure once, naming it; ready still resolves', async () => {
    const root = path.join(await makeTempDir('news-watch-'), 'missing');
    const w = await startWatch(root);
    expect(w.failures).toHaveLength(1);
    expect(w.failures[0]).toContain(root);
  });

  test.each(['removed', 'renamed'])('the content folder %s while watched: onFailure once', async (how) => {
    const parent = await makeTempDir('news-watch-');
    const root = path.join(parent, 'content');
    await writeTree(root, { 'a/x.md': post });
    const w = await startWatch(root);
    if (how === 'removed') await fs.rm(root, { recursive: true });
    else await fs.rename(root, path.join(parent, 'content-old'));
    await until(
      () => w.failures.length > 0,
      () => w.failures,
    );
    expect(w.failures).toEqual([expect.stringMatching(/content folder .* was removed or replaced/)]);
  });

  // Real inotify limits, lowered in a user namespace of the test's own so the machine's are not
  // touched; skipped where user namespaces are not allowed.
  const unshare = spawnSync('unshare', [
    '--user',
    '--map-root-user',
    'sh',
    '-c',
    'echo 1 > /proc/sys/user/max_inotify_watches',
  ]);
  const probe = path.join(ROOT, 'tests/unit/watch-limit-probe.ts');
  const runProbe = (root: string, limits: string) =>
    spawnSync(
      'unshare',
      [
        '--user',
        '--map-root-user',
        'sh',
        '-c',
        `${limits} exec "$@"`,
        'sh',
        process.execPath,
        path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        '--conditions=react-server',
        probe,
        root,
      ],
      { encoding: 'utf8', timeout: 50_000 },
    );

  describe.skipIf(unshare.status !== 0)('inotify limits', () => {
    test.each([
      {
        what: 'the watch limit reached at start (ENOSPC)',
        folders: 30,
        limits: 'echo 10 > /proc/sys/user/max_inotify_watches &&',
        reason: /ENOSPC.*max_user_watches/,
        readyFirst: false,
      },
      {
        what: 'no inotify instance to be had (EMFILE)',
        folders: 1,
        limits: 'echo 0 > /proc/sys/user/max_inotify_instances &&',
        reason: /EMFILE.*max_user_instances/,
        readyFirst: false,
      },
      {
        what: 'the watch limit reached later, by new folders',
        folders: 1,
        limits: 'LATER=1',
        reason: /ENOSPC/,
        readyFirst: true,
      },
    ])(
      '$what: onFailure once, with the reason, then nothing',
      { timeout: 60_000 },
      async ({ folders, limits, reason, readyFirst }) => {
        const root = await tree(Object.fromEntries(Array.from({ length: folders }, (_, i) => [`f${i}/x.md`, post])));
        const result = runProbe(root, limits);
        expect(result.stderr).toBe('');
        const report = JSON.parse(result.stdout);
        expect(report.failures).toEqual([expect.stringMatching(reason)]);
        expect(report.readyBeforeFailure).toBe(readyFirst);
        // The probe exits by itself once closed: nothing was left running.
        expect([result.status, result.signal]).toEqual([0, null]);
      },
    );
  });
});
