import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { categoryTreeOf } from '@/lib/content/db/category-tree';
import { tagPageIn } from '@/lib/content/queries';
import { listArticleFilesSync } from '@/lib/content/list-files.mjs';
import type { Problem } from '@/lib/content/types';
import { indexOf, type TestIndex } from './content-index';
import { article, makeTempDir, writeTree } from './temp-tree';

/** The articles (drafts too, or not), newest first, as [slug, title]. */
const newest = (ix: TestIndex, drafts = false) =>
  (
    ix.db
      .prepare(`SELECT slug, title FROM articles ${drafts ? '' : 'WHERE draft = 0'} ORDER BY date_ms DESC, slug`)
      .all() as { slug: string; title: string }[]
  ).map((a) => [a.slug, a.title]);

const problemsIn = (ix: TestIndex): Problem[] =>
  (
    ix.db.prepare('SELECT file, severity, kind, reason, line FROM problems ORDER BY file, line').all() as (Problem & {
      line: number | null;
    })[]
  ).map(({ line, ...p }) => ({ ...p, ...(line !== null && { line }) }));

/** Reads `root` into a new index, as a build does. */
async function buildIndex(root: string): Promise<TestIndex> {
  const ix = await indexOf(root);
  await ix.sync({ logChanges: false });
  return ix;
}

describe('the index of a flat content folder with good, bad and draft files', () => {
  let root: string;
  let index: TestIndex;
  const jsMarker = path.join(os.tmpdir(), `build-index-js-pwned-${process.pid}`);

  beforeAll(async () => {
    root = await makeTempDir('news-index-');
    await writeTree(root, {
      'good-new.md': article(
        'title: 最新\ndate: 2021-12-01 10:00:00\ncategories:\n  - [A, C]\n  - [D]\ntags: [t1, t2]',
      ),
      'dup-a.md': article('title: Dup A\nslug: same\ndate: 2021-11-01 10:00:00'),
      'dup-b.md': article('title: Dup B\nslug: same\ndate: 2021-10-01 10:00:00'),
      'good-mid.md': article('title: Middle\ndate: 2021-06-01 10:00:00\ncategories: A\ntags: t2'),
      'loop/inside.md': article('title: Inside\ndate: 2021-05-01 10:00:00'),
      '2021/good-old.md': article('title: Old\ndate: 2021-01-01 10:00:00\ncategories: [A, B]\ntags: [t1]'),
      'no-title.md': article('date: 2020-01-01 10:00:00'),
      'broken-yaml.md': article('title: [unclosed\ndate: 2021-01-01'),
      'code.md': `---js\n({ title: (require('fs').writeFileSync(${JSON.stringify(jsMarker)}, 'x'), 'pwned') })\n---\nbody\n`,
      'empty.md': '',
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'draft-flag.md': article('title: Draft flag\ndate: 2021-09-01 10:00:00\ndraft: true'),
      'unpublished.md': article('title: Unpublished\ndate: 2021-08-01 10:00:00\npublished: false'),
      '_drafts/wip.md': article('title: Work in progress\ndate: 2021-07-01 10:00:00'),
      '_notes/ignored.md': article('title: Underscore folder'),
      '.hidden/ignored.md': article('title: Hidden folder'),
      'node_modules/pkg/readme.md': article('title: Dependency'),
      'notes.txt': 'not an article',
    });
    // A folder link back to its parent: following it would read the whole tree again, for ever.
    await fs.symlink('..', path.join(root, 'loop', 'back'), 'dir');
    index = await buildIndex(root);
  });

  test('good articles are indexed newest first, with unique slugs', () => {
    expect(newest(index)).toEqual([
      ['good-new', '最新'],
      ['same', 'Dup A'],
      ['same-2', 'Dup B'],
      ['good-mid', 'Middle'],
      ['loop/inside', 'Inside'],
      ['2021/good-old', 'Old'],
      ['no-title', 'no-title'],
    ]);
  });

  test('a Hexo date is read in the site time zone (Asia/Shanghai)', () => {
    expect(index.db.prepare("SELECT date FROM articles WHERE slug = 'good-new'").get()).toEqual({
      date: '2021-12-01T02:00:00.000Z',
    });
  });

  test('each bad file has exactly one problem, with its path and a reason', () => {
    const problemsOf = (file: string) =>
      problemsIn(index)
        .filter((p) => p.file === file && p.severity !== 'notice')
        .map((p) => [p.severity, p.kind, p.line, p.reason]);
    expect(problemsOf('broken-yaml.md')).toEqual([
      ['error', 'yaml', 3, expect.stringMatching(/^front matter is not valid YAML: /)],
    ]);
    expect(problemsOf('code.md')).toEqual([
      [
        'error',
        'code-front-matter',
        1,
        '"---js" front matter is not allowed: only YAML is read, code is never evaluated',
      ],
    ]);
    expect(problemsOf('empty.md')).toEqual([['error', 'empty', undefined, 'file is empty']]);
    expect(problemsOf('binary.md')).toEqual([
      ['error', 'binary', undefined, 'file contains NUL bytes: it is binary, not Markdown'],
    ]);
    expect(problemsOf('no-title.md')).toEqual([
      ['warning', 'title', undefined, 'no title; the file name is used instead'],
    ]);
    expect(problemsOf('loop/back')).toEqual([
      ['error', 'symlink', undefined, 'symbolic link loops back to a folder already read; skipped'],
    ]);
  });

  test('the ---js front matter was not evaluated', () => {
    expect(existsSync(jsMarker)).toBe(false);
  });

  test('the duplicate slug gets -2, with a warning naming both files', () => {
    expect(problemsIn(index).filter((p) => p.file === 'dup-b.md' && p.kind === 'duplicate-slug')).toEqual([
      {
        file: 'dup-b.md',
        severity: 'warning',
        kind: 'duplicate-slug',
        reason: 'slug "same" is already used by dup-a.md; this article is at "same-2"',
      },
    ]);
  });

  test('no other problems: good files, ignored folders and non-Markdown files report nothing', () => {
    expect(
      problemsIn(index)
        .filter((p) => p.severity !== 'notice')
        .map((p) => p.file),
    ).toEqual(['binary.md', 'broken-yaml.md', 'code.md', 'dup-b.md', 'empty.md', 'loop/back', 'no-title.md']);
  });

  test('drafts (_drafts/, draft: true, published: false) are excluded from articles but listed in drafts', () => {
    expect(index.db.prepare('SELECT slug FROM articles WHERE draft = 1 ORDER BY date_ms DESC').all()).toEqual([
      { slug: 'draft-flag' },
      { slug: 'unpublished' },
      { slug: 'wip' },
    ]);
    expect(newest(index).map(([slug]) => slug)).not.toContain('wip');
    expect(newest(index, true).map(([slug]) => slug)).toContain('wip');
  });

  test('files in _ folders other than _drafts, dot folders and node_modules are not read', () => {
    const titles = newest(index, true).map(([, title]) => title);
    expect(titles).not.toContain('Underscore folder');
    expect(titles).not.toContain('Hidden folder');
    expect(titles).not.toContain('Dependency');
  });

  test('categories: each counts the articles in it or below it, biggest first', () => {
    const members = (key: string) =>
      (
        index.db
          .prepare('SELECT slug FROM category_members WHERE key = ? AND draft = 0 ORDER BY date_ms DESC')
          .all(key) as {
          slug: string;
        }[]
      ).map((r) => r.slug);
    expect(members('A')).toEqual(['good-new', 'good-mid', '2021/good-old']);
    expect(members('A\u0000C')).toEqual(['good-new']);
    expect(members('A\u0000B')).toEqual(['2021/good-old']);
    expect(categoryTreeOf(index.db, false).map((c) => [c.name, c.count, c.children.map((k) => k.name)])).toEqual([
      ['A', 3, ['B', 'C']],
      ['D', 1, []],
    ]);
  });

  test('tags: newest first', () => {
    const tagged = (tag: string) => tagPageIn(index.view(), tag, 1)?.items.map((a) => a.slug);
    expect(tagged('t1')).toEqual(['good-new', '2021/good-old']);
    expect(tagged('t2')).toEqual(['good-new', 'good-mid']);
  });

  test('the file of each article is its path relative to the content folder', () => {
    expect(
      index.db
        .prepare('SELECT slug, file FROM articles WHERE slug IN (?, ?) ORDER BY slug')
        .all('2021/good-old', 'wip'),
    ).toEqual([
      { slug: '2021/good-old', file: '2021/good-old.md' },
      { slug: 'wip', file: '_drafts/wip.md' },
    ]);
  });
});

describe('the index: an unreadable date, as news generators write it', () => {
  let root: string;
  let index: TestIndex;

  beforeAll(async () => {
    root = await makeTempDir('news-index-dates-');
    await writeTree(root, {
      'good.md': article('title: Good\ndate: 2021-01-01 10:00:00\ncategories: [A]'),
      'invalid-date.md': article('title: Invalid\ndate: Invalid Date\ncategories: [Only, Here]\ntags: [lonely]'),
      'month-13.md': article('title: Month 13\ndate: 2021-13-45'),
    });
    // Older than the good article: a fallback taken from the modification time would put them last.
    const old = new Date('2000-01-01T00:00:00Z');
    for (const file of ['invalid-date.md', 'month-13.md']) await fs.utimes(path.join(root, file), old, old);
    index = await buildIndex(root);
  });

  const fallback = async (file: string) => {
    const stat = await fs.stat(path.join(root, file));
    return stat.birthtimeMs > 0
      ? { date: stat.birthtime, source: 'creation' }
      : { date: stat.mtime, source: 'modification' };
  };

  test('the article is published, dated by its file (creation time, else modification time), as Hexo does', async () => {
    for (const [slug, file] of [
      ['invalid-date', 'invalid-date.md'],
      ['month-13', 'month-13.md'],
    ] as const) {
      const { date } = await fallback(file);
      expect(index.db.prepare('SELECT date FROM articles WHERE slug = ?').get(slug)).toEqual({
        date: date.toISOString(),
      });
    }
    expect(newest(index)).toHaveLength(3);
  });

  test('its categories and tags exist, with their ancestors', () => {
    const count = (sql: string, key: string) => (index.db.prepare(sql).get(key) as { n: number }).n;
    expect(count('SELECT COUNT(*) AS n FROM category_members WHERE key = ?', 'Only')).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM category_members WHERE key = ?', 'Only\u0000Here')).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM tag_members WHERE tag = ?', 'lonely')).toBe(1);
  });

  test('a warning names the file, the line, the reason and the date used instead', async () => {
    const { date, source } = await fallback('invalid-date.md');
    expect(problemsIn(index).filter((p) => p.severity !== 'notice')).toEqual([
      {
        file: 'invalid-date.md',
        severity: 'warning',
        kind: 'date',
        line: 3,
        reason: `date "Invalid Date" is not a recognised date format (use 2021-10-28 14:08:07, ISO 8601 or RFC 2822); the file's ${source} time (${date.toISOString()}) is used instead`,
      },
      expect.objectContaining({ file: 'month-13.md', severity: 'warning', kind: 'date', line: 3 }),
    ]);
  });
});

describe('the index of a Hexo source folder', () => {
  let index: TestIndex;

  beforeAll(async () => {
    const root = await makeTempDir('news-index-');
    await writeTree(root, {
      '_posts/2021/hello.md': article('title: Hello\ndate: 2021-03-01 10:00:00'),
      '_posts/top.md': article('title: Top\ndate: 2021-04-01 10:00:00'),
      '_drafts/next.md': article('title: Next\ndate: 2021-05-01 10:00:00'),
      'about/index.md': article('title: About page'),
      'index.md': article('title: Root page'),
    });
    index = await buildIndex(root);
  });

  test('only _posts/ holds articles; slugs are relative to _posts', () => {
    expect(index.db.prepare('SELECT slug, file FROM articles WHERE draft = 0 ORDER BY date_ms DESC').all()).toEqual([
      { slug: 'top', file: '_posts/top.md' },
      { slug: '2021/hello', file: '_posts/2021/hello.md' },
    ]);
  });

  test('_drafts/ gives the drafts; other folders are ignored', () => {
    expect(index.db.prepare('SELECT slug FROM articles WHERE draft = 1').all()).toEqual([{ slug: 'next' }]);
    expect(problemsIn(index).filter((p) => p.severity !== 'notice')).toEqual([]);
  });
});

describe('listArticleFilesSync', () => {
  test('a missing content folder is a fatal error naming the folder, not an empty site', () => {
    const missing = path.join(os.tmpdir(), `no-such-content-${process.pid}`);
    expect(() => listArticleFilesSync(missing)).toThrow(
      `content folder ${missing} does not exist or is not a folder: set CONTENT_DIR`,
    );
  });

  test('broken and self-referencing links are reported, not followed', async () => {
    const root = await makeTempDir('news-index-');
    await writeTree(root, { 'a.md': article('title: A') });
    await fs.symlink(path.join(root, 'nowhere.md'), path.join(root, 'broken.md'));
    await fs.symlink('self.md', path.join(root, 'self.md'));
    const listing = listArticleFilesSync(root);
    expect(listing.files.map((f) => f.relative)).toEqual(['a.md']);
    expect(listing.problems).toEqual([
      { file: 'broken.md', kind: 'symlink', reason: 'broken symbolic link (ENOENT); skipped' },
      { file: 'self.md', kind: 'symlink', reason: 'symbolic link loops; skipped' },
    ]);
  });

  test('a _posts or a named folder that is a looping link is reported or skipped, never fatal', async () => {
    const root = await makeTempDir('news-index-');
    await writeTree(root, { 'a.md': article('title: A') });
    await fs.symlink('_posts', path.join(root, '_posts'));
    await fs.symlink('loop', path.join(root, 'loop'));
    const listing = listArticleFilesSync(root);
    expect(listing.files.map((f) => f.relative)).toEqual(['a.md']);
    expect(listing.problems).toEqual([
      { file: '_posts', kind: 'symlink', reason: 'symbolic link loops; skipped' },
      { file: 'loop', kind: 'symlink', reason: 'symbolic link loops; skipped' },
    ]);
    expect(listArticleFilesSync(root, 'loop')).toEqual({ files: [], problems: [] });
  });

  test('a linked file outside the folder is read under the link name', async () => {
    const root = await makeTempDir('news-index-');
    const outside = await makeTempDir('news-index-');
    await writeTree(outside, { 'real.md': article('title: Real') });
    await fs.symlink(path.join(outside, 'real.md'), path.join(root, 'linked.md'));
    const listing = listArticleFilesSync(root);
    expect(listing.files.map((f) => [f.relative, f.display, f.draft])).toEqual([['linked.md', 'linked.md', false]]);
  });
});

describe('an unreadable file', () => {
  test('is one problem with its error code', async () => {
    const root = await makeTempDir('news-index-');
    await writeTree(root, { 'ok.md': article('title: OK\ndate: 2021-01-01T00:00:00Z') });
    // Root reads any file whatever its mode; /proc/self/mem is a regular file whose first read fails for anyone.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await fs.symlink('/proc/self/mem', path.join(root, 'locked.md'));
    else await writeTree(root, { 'locked.md': article('title: Locked') });
    if (!asRoot) await fs.chmod(path.join(root, 'locked.md'), 0o000);
    const index = await buildIndex(root);
    expect(newest(index).map(([slug]) => slug)).toEqual(['ok']);
    expect(problemsIn(index)).toEqual([
      {
        file: 'locked.md',
        severity: 'error',
        kind: 'unreadable',
        reason: `cannot be read: ${asRoot ? 'EIO' : 'EACCES'}`,
      },
    ]);
  });
});
