import fs from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, test } from 'vitest';
import { decompressBody } from '@/lib/content/db/article-rows';
import { openDatabase } from '@/lib/content/db/open-database';
import { MAX_TRACKED_CHANGES } from '@/lib/content/sync/apply-readings';
import type { Impact } from '@/lib/content/sync/impact';
import { syncContent } from '@/lib/content/sync/sync-content';
import { DEFAULT_PERMALINK, parsePermalinkPattern } from '@/lib/permalink-pattern';
import { indexOf, TIME_ZONE, type TestIndex } from './content-index';
import { article, makeTempDir, writeTree } from './temp-tree';

const row = (ix: TestIndex, slug: string) =>
  ix.db.prepare('SELECT title, draft, body, body_error FROM articles WHERE slug = ?').get(slug) as
    { title: string; draft: number; body: Uint8Array; body_error: string | null } | undefined;
const fileState = (ix: TestIndex, file: string) => ix.db.prepare('SELECT broken FROM files WHERE path = ?').get(file);
const problemsOf = (ix: TestIndex, file: string) =>
  ix.db.prepare("SELECT severity, kind, reason, line FROM problems WHERE file = ? AND severity != 'notice'").all(file);

async function folderWith(files: Record<string, string>) {
  const root = await makeTempDir('news-sync-');
  await writeTree(root, files);
  const ix = await indexOf(root);
  await ix.sync({ logChanges: false });
  return { root, ix };
}

describe('a file changed while the server runs', () => {
  test('broken YAML: the last good version stays on the site, and the error names the file and line', async () => {
    const { root, ix } = await folderWith({ 'a.md': article('title: Good\ndate: 2021-01-01 10:00:00') });
    await writeTree(root, { 'a.md': article('title: [unclosed\ndate: 2021-01-01 10:00:00') });
    const result = await ix.sync();
    expect(result).toMatchObject({ added: [], changed: [], removed: [], seq: null });
    expect(row(ix, 'a')?.title).toBe('Good');
    expect(fileState(ix, 'a.md')).toEqual({ broken: 1 });
    expect(problemsOf(ix, 'a.md')).toEqual([
      { severity: 'error', kind: 'yaml', line: 3, reason: expect.stringMatching(/^front matter is not valid YAML: /) },
    ]);
    // Fixed: the new version replaces the last good one, and the error is gone.
    await writeTree(root, { 'a.md': article('title: Fixed\ndate: 2021-01-01 10:00:00') });
    expect((await ix.sync()).changed).toEqual([{ file: 'a.md', slug: 'a' }]);
    expect(row(ix, 'a')?.title).toBe('Fixed');
    expect(fileState(ix, 'a.md')).toEqual({ broken: 0 });
    expect(problemsOf(ix, 'a.md')).toEqual([]);
  });

  test('an emptied file keeps its last good version too', async () => {
    const { root, ix } = await folderWith({ 'a.md': article('title: Good\ndate: 2021-01-01 10:00:00') });
    await writeTree(root, { 'a.md': '' });
    await ix.sync();
    expect(row(ix, 'a')?.title).toBe('Good');
  });

  test('a body that can no longer be shown keeps the last good body; a new such article is listed with why', async () => {
    const deep = `${'<div>'.repeat(300)}深${'</div>'.repeat(300)}`;
    const { root, ix } = await folderWith({
      'a.md': article('title: Good\ndate: 2021-01-01 10:00:00', '<p>好的正文。</p>'),
    });
    await writeTree(root, { 'a.md': article('title: Deep\ndate: 2021-01-01 10:00:00', deep) });
    await ix.sync();
    expect(row(ix, 'a')).toMatchObject({ title: 'Good', body_error: null });
    expect(decompressBody(row(ix, 'a')!.body)).toContain('好的正文。');
    await writeTree(root, { 'b.md': article('title: New deep\ndate: 2021-01-02 10:00:00', deep) });
    await ix.sync();
    expect(row(ix, 'b')).toMatchObject({ title: 'New deep', body_error: 'HTML is nested more than 256 elements deep' });
  });

  test('a draft leaves the published site and stays in preview', async () => {
    const { root, ix } = await folderWith({ 'a.md': article('title: A\ndate: 2021-01-01 10:00:00') });
    await writeTree(root, { 'a.md': article('title: A\ndate: 2021-01-01 10:00:00\ndraft: true') });
    expect((await ix.sync()).changed).toEqual([{ file: 'a.md', slug: 'a' }]);
    expect(row(ix, 'a')?.draft).toBe(1);
  });

  test('a half-written file is not read until it stops changing', async () => {
    const { root, ix } = await folderWith({});
    const file = path.join(root, 'growing.md');
    await fs.writeFile(file, '---\ntitle: 写了一半');
    const syncing = ix.sync({ settleMs: 400 });
    // Still being written while the scan waits for it to settle.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await fs.appendFile(file, '的文章\ndate: 2021-01-01 10:00:00\n---\n<p>正文。</p>\n');
    const first = await syncing;
    expect(first).toMatchObject({ added: [], unsettled: 1 });
    expect(problemsOf(ix, 'growing.md')).toEqual([]);
    const second = await ix.sync({ settleMs: 0 });
    expect(second.added).toEqual([{ file: 'growing.md', slug: 'growing' }]);
    expect(row(ix, 'growing')?.title).toBe('写了一半的文章');
  });
});

describe('syncing only some paths (file events)', () => {
  test('a file, and a folder renamed with its articles', async () => {
    const { root, ix } = await folderWith({
      'a.md': article('title: A\ndate: 2021-01-01 10:00:00'),
      'old/x.md': article('title: X\ndate: 2021-01-02 10:00:00'),
      'old/y.md': article('title: Y\ndate: 2021-01-03 10:00:00'),
    });
    await writeTree(root, { 'a.md': article('title: A2\ndate: 2021-01-01 10:00:00') });
    await fs.rename(path.join(root, 'old'), path.join(root, 'new'));
    expect((await ix.sync({ paths: ['a.md'] })).changed).toEqual([{ file: 'a.md', slug: 'a' }]);
    const moved = await ix.sync({ paths: ['old', 'new'] });
    expect(moved.removed.map((a) => a.slug).sort()).toEqual(['old/x', 'old/y']);
    expect(moved.added.map((a) => a.slug).sort()).toEqual(['new/x', 'new/y']);
  });

  test('an index in memory (no file the scan can open) is compared the same way, in full or in part', async () => {
    const root = await makeTempDir('news-sync-');
    await writeTree(root, {
      'a.md': article('title: A\ndate: 2021-01-01 10:00:00'),
      'old/x.md': article('title: X\ndate: 2021-01-02 10:00:00'),
      'b.md': article('title: B\ndate: 2021-01-03 10:00:00'),
    });
    const ix = await indexOf(root, DEFAULT_PERMALINK, ':memory:');
    const sync = (paths?: string[]) => ix.sync({ paths });
    expect((await sync()).added.map((a) => a.slug).sort()).toEqual(['a', 'b', 'old/x']);
    await writeTree(root, { 'a.md': article('title: A2\ndate: 2021-01-01 10:00:00') });
    await fs.rename(path.join(root, 'old'), path.join(root, 'new'));
    // Only the paths named: b.md, deleted, is not among them.
    await fs.rm(path.join(root, 'b.md'));
    const named = await sync(['a.md', 'old', 'new']);
    expect(named.changed).toEqual([{ file: 'a.md', slug: 'a' }]);
    expect(named.removed.map((a) => a.slug)).toEqual(['old/x']);
    expect(named.added.map((a) => a.slug)).toEqual(['new/x']);
    const full = await sync();
    expect(full).toMatchObject({ added: [], changed: [] });
    expect(full.removed.map((a) => a.slug)).toEqual(['b']);
    ix.db.close();
  });

  test('paths outside what the site reads are ignored', async () => {
    const { root, ix } = await folderWith({});
    await writeTree(root, {
      '.git/x.md': article('title: Git'),
      '_notes/n.md': article('title: Note'),
      'a.txt': 'text',
    });
    const result = await ix.sync({ paths: ['.git/x.md', '_notes/n.md', 'a.txt', '_notes'] });
    expect(result.added).toEqual([]);
  });
});

describe('the change log', () => {
  test('each batch is one entry; a batch too large to list refreshes everything', async () => {
    const { root, ix } = await folderWith({ 'a.md': article('title: A\ndate: 2021-01-01 10:00:00') });
    const many = Object.fromEntries(
      Array.from({ length: MAX_TRACKED_CHANGES + 1 }, (_, i) => [
        `bulk/${i}.md`,
        article(`title: ${i}\ndate: 2021-02-01 10:00:00`),
      ]),
    );
    await writeTree(root, many);
    const result = await ix.sync();
    expect(result.added).toHaveLength(MAX_TRACKED_CHANGES + 1);
    const entries = ix.db.prepare('SELECT added, changed, removed, impact FROM changes').all() as {
      added: number;
      impact: string;
    }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.added).toBe(MAX_TRACKED_CHANGES + 1);
    expect((JSON.parse(entries[0]!.impact) as Impact).all).toBe(true);
  });

  test('a batch another process already applied is not applied (or logged) twice', async () => {
    const { root, ix } = await folderWith({ 'a.md': article('title: A\ndate: 2021-01-01 10:00:00') });
    const pattern = parsePermalinkPattern(DEFAULT_PERMALINK);
    if (!pattern.ok) throw new Error(pattern.reason);
    const file = ix.db.location()!;
    const other = openDatabase(file, { fingerprint: root });
    await writeTree(root, { 'b.md': article('title: B\ndate: 2021-01-02 10:00:00') });
    const settings = { timeZone: TIME_ZONE, permalinkPattern: pattern.pattern };
    const first = await syncContent(other, root, settings, { settleMs: 0, logChanges: true });
    const second = await ix.sync();
    expect(first.added).toEqual([{ file: 'b.md', slug: 'b' }]);
    expect(second).toMatchObject({ added: [], seq: null });
    expect((ix.db.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number }).n).toBe(1);
    other.close();
  });
});

test('an index made with other settings is emptied, never half reused', async () => {
  const dir = await makeTempDir('news-sync-db-');
  const file = path.join(dir, 'index.db');
  const first = openDatabase(file, { fingerprint: 'Asia/Shanghai' });
  first.prepare("INSERT INTO files (path, version) VALUES ('a.md', '1')").run();
  first.close();
  const again = openDatabase(file, { fingerprint: 'Asia/Shanghai' });
  expect(again.prepare('SELECT COUNT(*) AS n FROM files').get()).toEqual({ n: 1 });
  again.close();
  const other = openDatabase(file, { fingerprint: 'Europe/Berlin' });
  expect(other.prepare('SELECT COUNT(*) AS n FROM files').get()).toEqual({ n: 0 });
  other.close();
  expect(
    new DatabaseSync(file).prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'articles'").get(),
  ).toEqual({ n: 1 });
});

test('a link that loops is reported once, not at every scan', async () => {
  const { root, ix } = await folderWith({ 'a.md': article('title: A\ndate: 2021-01-01 10:00:00') });
  await fs.symlink('.', path.join(root, 'loop'));
  const first = await ix.sync();
  expect(first.problems.map((p) => [p.file, p.kind])).toEqual([['loop', 'symlink']]);
  const second = await ix.sync();
  expect(second.problems).toEqual([]);
  // Still recorded: the server's status line and the checker count it.
  expect(ix.db.prepare("SELECT file FROM problems WHERE source = 'listing'").all()).toEqual([{ file: 'loop' }]);
});
