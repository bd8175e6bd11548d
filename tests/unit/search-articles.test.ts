import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS, parseQuery } from '@/lib/search/parse-query';
import { searchUrl } from '@/lib/urls';

// searchArticles reads the process-wide index, built from CONTENT_DIR: point it at a folder of our own.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-articles-'));
let search: typeof import('@/lib/search');

function article(file: string, frontMatter: string, body: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), `---\n${frontMatter}\n---\n${body}\n`);
}

beforeAll(async () => {
  article(
    'talent.md',
    'title: 2021重庆英才大会将于11月举办\ndate: 2021-11-16 09:00:00',
    '<p>让更多的人才了解重庆。</p>',
  );
  // As long a title as the newer one's (BM25 weighs a match by the length of what holds it): an equal match.
  article('old.md', 'title: 2020重庆人物大会将于12月举办\ndate: 2020-01-01 09:00:00', '<p>让更多的人才了解重庆。</p>');
  article('xss.md', 'title: 注入\ndate: 2022-01-01 09:00:00', '正文写着 `<script>alert(1)</script>` 这段代码。');
  article('_drafts/secret.md', 'title: 草稿人才计划\ndate: 2023-01-01 09:00:00', '<p>未发布的人才计划。</p>');
  process.env.CONTENT_DIR = dir;
  search = await import('@/lib/search');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const titles = async (q: string, page = 1) =>
  (await search.searchArticles(parseQuery(q), page))?.items.map((r) => r.article.title);

describe('searchArticles', () => {
  test('finds 人才 in bodies, newest first on equal matches; drafts are not published', async () => {
    expect(await titles('人才')).toEqual(['2021重庆英才大会将于11月举办', '2020重庆人物大会将于12月举办']);
  });

  test('without a match in the body, the snippet is the excerpt', async () => {
    const page = await search.searchArticles(parseQuery('英才'), 1);
    expect(page?.items.map((r) => [r.article.title, r.snippet])).toEqual([
      ['2021重庆英才大会将于11月举办', [{ text: '让更多的人才了解重庆。', mark: false }]],
    ]);
  });

  test('markup in a body is found and shown as text', async () => {
    const page = await search.searchArticles(parseQuery('SCRIPT'), 1);
    expect(page?.items[0]?.snippet).toEqual([
      { text: '正文写着 <', mark: false },
      { text: 'script', mark: true },
      { text: '>alert(1)</', mark: false },
      { text: 'script', mark: true },
      { text: '> 这段代码。', mark: false },
    ]);
  });

  test('absurd queries give an empty first page, and no second page', async () => {
    for (const q of ['', '   ', '。，！', '.*+?^${}()|[]\\', '😀🎉', 'x'.repeat(10_000), '<script>alert(1)</script>']) {
      expect((await search.searchArticles(parseQuery(q), 1))?.total).toBe(q.startsWith('<script>') ? 1 : 0);
      expect(await search.searchArticles(parseQuery(q), 2)).toBeNull();
    }
  });
});

describe('parseQuery', () => {
  test('trims, keeps the first of repeated values and caps the length', () => {
    expect(parseQuery(['  人才 ', '重庆'])).toEqual({ text: '人才', truncated: false, terms: ['人才'] });
    expect(parseQuery(undefined)).toEqual({ text: '', truncated: false, terms: [] });
    const long = parseQuery('人'.repeat(10_000));
    expect([[...long.text].length, long.truncated, long.terms]).toEqual([MAX_QUERY_CHARS, true, ['人人']]);
  });

  test('counts characters, not UTF-16 units', () => {
    expect(parseQuery('😀'.repeat(MAX_QUERY_CHARS))).toEqual({
      text: '😀'.repeat(MAX_QUERY_CHARS),
      truncated: false,
      terms: [],
    });
  });

  test('a cut never leaves half an emoji: the text stays encodable for page links', () => {
    const query = parseQuery(`${' '.repeat(798)}的😀`);
    expect(query.text).toBe('的😀');
    expect(searchUrl(query.text, 2)).toBe('/search?q=%E7%9A%84%F0%9F%98%80&page=2');
    const atTheCut = `${'x'.repeat(MAX_QUERY_CHARS - 1)}😀`;
    const halved = parseQuery(atTheCut);
    expect(halved.text).toBe(atTheCut);
    expect(() => encodeURIComponent(halved.text)).not.toThrow();
  });

  test('at most MAX_QUERY_TERMS distinct terms are searched, and the page is told', () => {
    const many = parseQuery('的 一 是 在 不 了 有 和 人 这 中 大 为 上 个 国');
    expect(many.terms).toHaveLength(MAX_QUERY_TERMS);
    expect(many.truncated).toBe(true);
    expect(parseQuery('重庆 人才 大会').truncated).toBe(false);
  });

  test('punctuation, regex characters and emoji leave no terms', () => {
    expect(['。，！', '.*+?^${}()|[]\\', '😀🎉'].map((q) => parseQuery(q).terms)).toEqual([[], [], []]);
  });
});
