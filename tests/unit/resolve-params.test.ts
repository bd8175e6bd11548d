import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The resolvers read the process-wide index, built from CONTENT_DIR: point it at a folder of our own.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolve-params-'));
type Resolvers = typeof import('@/lib/content/resolve-params');
let resolvers: Resolvers;

function article(file: string, frontMatter: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), `---\n${frontMatter}\ndate: 2021-11-01 10:00:00\n---\n正文\n`);
}

beforeAll(async () => {
  article('news.md', 'title: 新闻\ncategories: [新闻]\ntags: [重庆]');
  article('page-named.md', 'title: 名为 page 的分类\ncategories: [新闻, page, "2"]');
  article('web-page.md', 'title: Web\ncategories: [Web, page, design]');
  article('percent.md', 'title: 百分号\nslug: "a%41"\ntags: ["100%", "a%41"]');
  article('plain.md', 'title: 普通\nslug: aA\ntags: [aA]');
  article('2021/重庆.md', 'title: 重庆');
  process.env.CONTENT_DIR = dir;
  resolvers = await import('@/lib/content/resolve-params');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('resolveSlug', () => {
  test('finds an article by raw or percent-encoded segments', async () => {
    expect(await resolvers.resolveSlug(['2021', '重庆'])).toBe('2021/重庆');
    expect(await resolvers.resolveSlug(['2021', encodeURIComponent('重庆')])).toBe('2021/重庆');
  });

  test('a slug containing an escape is found as written, and its encoded form too', async () => {
    expect(await resolvers.resolveSlug(['a%41'])).toBe('a%41');
    expect(await resolvers.resolveSlug([encodeURIComponent('a%41')])).toBe('a%41');
    expect(await resolvers.resolveSlug(['aA'])).toBe('aA');
  });

  test('unknown slugs are null', async () => {
    expect(await resolvers.resolveSlug(['nope'])).toBeNull();
  });
});

describe('resolveTag', () => {
  test('raw, encoded and literal-percent tags', async () => {
    expect(await resolvers.resolveTag('重庆')).toBe('重庆');
    expect(await resolvers.resolveTag(encodeURIComponent('重庆'))).toBe('重庆');
    expect(await resolvers.resolveTag('100%')).toBe('100%');
    expect(await resolvers.resolveTag(encodeURIComponent('100%'))).toBe('100%');
    expect(await resolvers.resolveTag('a%41')).toBe('a%41');
    expect(await resolvers.resolveTag('nope')).toBeNull();
  });
});

describe('resolveCategoryRoute', () => {
  test('a category path, raw or encoded', async () => {
    expect(await resolvers.resolveCategoryRoute([encodeURIComponent('新闻')])).toEqual({
      path: ['新闻'],
      page: 1,
      redirectToFirstPage: false,
    });
  });

  test('a trailing page/N is pagination of an existing category', async () => {
    expect(await resolvers.resolveCategoryRoute(['Web', 'page', '3'])).toEqual({
      path: ['Web'],
      page: 3,
      redirectToFirstPage: false,
    });
    expect(await resolvers.resolveCategoryRoute(['Web', 'page', '1'])).toEqual({
      path: ['Web'],
      page: 1,
      redirectToFirstPage: true,
    });
  });

  test('a category really named "page" wins over pagination', async () => {
    expect(await resolvers.resolveCategoryRoute(['新闻', 'page', '2'])).toEqual({
      path: ['新闻', 'page', '2'],
      page: 1,
      redirectToFirstPage: false,
    });
    expect(await resolvers.resolveCategoryRoute(['Web', 'page', 'design'])).toEqual({
      path: ['Web', 'page', 'design'],
      page: 1,
      redirectToFirstPage: false,
    });
  });

  test('nonsense is null', async () => {
    expect(await resolvers.resolveCategoryRoute(['不存在'])).toBeNull();
    expect(await resolvers.resolveCategoryRoute(['Web', 'page', 'x'])).toBeNull();
    expect(await resolvers.resolveCategoryRoute(['Web', 'page', '0'])).toBeNull();
  });
});
