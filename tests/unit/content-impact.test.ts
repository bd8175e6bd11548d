import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { FEED_SIZE } from '@/lib/config';
import { categoryKey } from '@/lib/content/categories';
import type { View } from '@/lib/content/current-index';
import { decompressBody } from '@/lib/content/db/article-rows';
import { impactPaths } from '@/lib/content/live/impact-paths';
import {
  listingUrl,
  categoryListing,
  tagListing,
  yearListing,
  monthListing,
  FRONT_PAGE_LISTING,
} from '@/lib/content/listings';
import {
  archiveOf,
  archivePageIn,
  categoryPageIn,
  frontPageIn,
  neighboursIn,
  tagPageIn,
  treeOf,
} from '@/lib/content/queries';
import type { Impact } from '@/lib/content/sync/impact';
import type { ArticleSummary, CategoryNode, Page } from '@/lib/content/types';
import { articleUrl, categoryUrl, tagUrl } from '@/lib/urls';
import { indexOf, type TestIndex } from './content-index';
import { article, makeTempDir, writeTree } from './temp-tree';

/**
 * The oracle: every page the site would render, as data. A change to the content must refresh
 * (revalidate) every page whose data it changed; this renders all of them before and after each
 * change and compares.
 */
function renderSite(ix: TestIndex): Map<string, string> {
  const view: View = ix.view();
  const pages = new Map<string, string>();
  const put = (url: string, data: unknown) => pages.set(url, JSON.stringify(data));
  const listing = (id: string, page: (n: number) => unknown) => {
    for (let n = 1; ; n++) {
      const data = page(n);
      put(listingUrl(id, n), data);
      if (!data) break;
    }
  };
  // What each page shows: its articles, its page links (the number of pages), and its count where
  // the heading has one; a category its sub-categories' counts, a year its months'.
  const card = ({ slug, title, date, author, categories, tags, image, excerpt, draft }: ArticleSummary) => [
    slug,
    title,
    date,
    author,
    categories,
    tags,
    image,
    excerpt,
    draft,
  ];
  const shown = (page: Page<ArticleSummary> | null | undefined, extra: object = {}) =>
    page && { items: page.items.map(card), page: page.page, totalPages: page.totalPages, ...extra };
  listing(FRONT_PAGE_LISTING, (n) => shown(frontPageIn(view, n)));
  const visit = (nodes: CategoryNode[]) =>
    nodes.forEach((node) => {
      listing(categoryListing(node.path), (n) => {
        const found = categoryPageIn(view, node.path, n);
        return shown(found?.page, {
          count: found?.category.count,
          children: found?.category.children.map((c) => [c.name, c.count]),
        });
      });
      visit(node.children);
    });
  const tree = treeOf(view);
  visit(tree);
  const tags = (view.db.prepare('SELECT DISTINCT tag FROM tag_members WHERE draft = 0').all() as { tag: string }[]).map(
    (r) => r.tag,
  );
  for (const tag of tags) {
    listing(tagListing(tag), (n) => {
      const found = tagPageIn(view, tag, n);
      return shown(found, { total: found?.total });
    });
  }
  for (const year of archiveOf(view)) {
    listing(yearListing(year.year), (n) => {
      const found = archivePageIn(view, year.year, undefined, n);
      return shown(found?.page, { total: found?.page.total, months: found?.year.months });
    });
    for (const month of year.months) {
      listing(monthListing(year.year, month.month), (n) => {
        const found = archivePageIn(view, year.year, month.month, n);
        return shown(found?.page, { total: found?.page.total });
      });
    }
  }
  const articles = view.db
    .prepare('SELECT slug, title, date, updated, categories, tags, excerpt, body FROM articles WHERE draft = 0')
    .all() as { slug: string; body: Uint8Array }[];
  for (const a of articles)
    put(articleUrl(a.slug), [{ ...a, body: decompressBody(a.body) }, neighboursIn(view, a.slug)]);
  const newest = (rows: { slug: string }[]) => rows.map((r) => r.slug);
  const feedOf = (where: string, ...params: string[]) =>
    view.db
      .prepare(
        `SELECT a.slug, a.title, a.date, a.updated, a.excerpt, a.body FROM articles a ${where} ORDER BY a.date_ms DESC, a.slug LIMIT ${FEED_SIZE}`,
      )
      .all(...params)
      .map((r) => JSON.stringify({ ...r, body: decompressBody((r as { body: Uint8Array }).body) }));
  put('/feed.xml', feedOf('WHERE a.draft = 0'));
  const allCategories: string[][] = [];
  const collect = (nodes: CategoryNode[]) => nodes.forEach((n) => (allCategories.push(n.path), collect(n.children)));
  collect(tree);
  for (const category of allCategories) {
    put(
      `${categoryUrl(category)}/feed.xml`,
      feedOf('JOIN category_members m ON m.article_id = a.id WHERE m.key = ? AND a.draft = 0', categoryKey(category)),
    );
  }
  put('/categories', tree);
  put('/tags', tags.sort());
  put('/archives', archiveOf(view));
  put(
    '/sitemap.xml',
    newest(
      view.db.prepare('SELECT slug, updated, date FROM articles WHERE draft = 0 ORDER BY slug').all() as {
        slug: string;
      }[],
    ),
  );
  put(
    'layout',
    tree.map((n) => n.name),
  );
  const claims = view.db
    .prepare(
      `SELECT c.path, (SELECT a.slug FROM permalink_claims d JOIN articles a ON a.id = d.article_id
         WHERE d.path = c.path AND d.draft = 0 ORDER BY d.override DESC, d.file LIMIT 1) AS slug
       FROM permalink_claims c`,
    )
    .all() as { path: string; slug: string | null }[];
  for (const c of claims) if (c.path) put(`/${c.path.split('/').map(encodeURIComponent).join('/')}`, c.slug);
  return pages;
}

function changedPages(before: Map<string, string>, after: Map<string, string>): string[] {
  const urls = new Set([...before.keys(), ...after.keys()]);
  // A page absent from a render is a 404, as is one rendered as null.
  return [...urls].filter((url) => (before.get(url) ?? 'null') !== (after.get(url) ?? 'null')).sort();
}

function lastImpact(ix: TestIndex): Impact {
  const row = ix.db.prepare('SELECT impact FROM changes ORDER BY seq DESC LIMIT 1').get() as { impact: string };
  return JSON.parse(row.impact) as Impact;
}

/** A seeded generator, so a failure is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const CATEGORIES = ['[科技, 互联网]', '[科技, 人工智能]', '[财经]', '[体育, 足球]', '[科技]'];
const TAGS = ['[重庆]', '[人才, 重庆]', '[]', '[数据]'];

function articleText(rand: () => number, title: string) {
  const day = 1 + Math.floor(rand() * 60);
  const date = new Date(Date.UTC(2021, 9, day, Math.floor(rand() * 24))).toISOString();
  const categories = CATEGORIES[Math.floor(rand() * CATEGORIES.length)];
  const tags = TAGS[Math.floor(rand() * TAGS.length)];
  return article(
    `title: ${title}\ndate: ${date}\ncategories: ${categories}\ntags: ${tags}`,
    `<p>${title} 的正文。</p>`,
  );
}

describe('a change refreshes every page whose content it changed', () => {
  let root: string;
  let ix: TestIndex;
  let rand: () => number;
  let files: string[];

  // A folder and index of its own for each test, which may then run alone or in any order.
  beforeEach(async () => {
    rand = random(42);
    files = [];
    root = await makeTempDir('news-impact-');
    const tree: Record<string, string> = {};
    for (let i = 0; i < 45; i++) {
      const file = `news/a${String(i).padStart(2, '0')}.md`;
      tree[file] = articleText(rand, `文章 ${i}`);
      files.push(file);
    }
    tree['legacy.md'] = article('title: 旧址\ndate: 2021-10-05 10:00:00\npermalink: /old/address.html');
    files.push('legacy.md');
    await writeTree(root, tree);
    ix = await indexOf(root);
    await ix.sync({ logChanges: false });
  });

  /** Makes a change to the folder, syncs, and checks that every changed page is refreshed. */
  async function check(name: string, change: () => Promise<void>, expectChanges = true) {
    const before = renderSite(ix);
    await change();
    const result = await ix.sync();
    const after = renderSite(ix);
    const changed = changedPages(before, after).filter((url) => url !== 'layout');
    if (!expectChanges) {
      expect(changed, name).toEqual([]);
      return;
    }
    expect(result.seq, name).not.toBeNull();
    const impact = lastImpact(ix);
    const layoutChanged = before.get('layout') !== after.get('layout');
    const { paths, everything } = impactPaths(impact, 1);
    expect(everything, `${name}: only a change of the header's categories refreshes everything`).toBe(layoutChanged);
    if (everything) return;
    const refreshed = new Set(paths);
    const missed = changed.filter((url) => !refreshed.has(url));
    expect(missed, `${name}: changed pages not refreshed`).toEqual([]);
    return { changed, refreshed: paths };
  }

  const write = (file: string, text: string) => writeTree(root, { [file]: text });
  const pick = () => files[Math.floor(rand() * files.length)]!;

  test('a new article', async () => {
    const file = 'news/new-1.md';
    files.push(file);
    await check('added', () => write(file, articleText(rand, '新文章')));
  });

  test("a title edit refreshes the article's pages, not every page of its listings", async () => {
    const file = 'news/a10.md';
    const text = await fs.readFile(path.join(root, file), 'utf8');
    const result = await check('title', () => write(file, text.replace('title: 文章 10', 'title: 文章十')));
    // The feed has three pages; a title edit refreshes the one it is on.
    const feedPages = result!.refreshed.filter((url) => url === '/' || url.startsWith('/page/'));
    expect(feedPages).toHaveLength(1);
  });

  test('a body edit refreshes the article page and the feeds, not the listings', async () => {
    const file = 'news/a11.md';
    const text = await fs.readFile(path.join(root, file), 'utf8');
    const long = text.replace('的正文。</p>', `的正文。${'很长的开头。'.repeat(30)}</p><p>结尾。</p>`);
    await check('long body', () => write(file, long));
    // Past the excerpt: what listings show stays the same.
    const result = await check('body', () => write(file, long.replace('结尾。', '新的结尾。')));
    const listingPage = (url: string) => url === '/' || url.startsWith('/page/') || /^\/categories\/[^.]*$/.test(url);
    expect(result!.refreshed.filter(listingPage)).toEqual([]);
  });

  test('a date edit moves the article', async () => {
    const file = 'news/a12.md';
    const text = await fs.readFile(path.join(root, file), 'utf8');
    await check('date', () => write(file, text.replace(/date: .*/, 'date: 2021-12-31T00:00:00.000Z')));
  });

  test('a category and tag edit', async () => {
    const file = 'news/a13.md';
    const text = await fs.readFile(path.join(root, file), 'utf8');
    await check('categories', () =>
      write(file, text.replace(/categories: .*/, 'categories: [财经, 股市]').replace(/tags: .*/, 'tags: [新标签]')),
    );
  });

  test('a draft, then published again', async () => {
    const file = 'news/a14.md';
    const text = await fs.readFile(path.join(root, file), 'utf8');
    await check('draft', () => write(file, text.replace('---\ntitle', '---\ndraft: true\ntitle')));
    await check('published', () => write(file, text));
  });

  test('a deletion and a rename', async () => {
    await check('deleted', () => fs.rm(path.join(root, 'news/a15.md')));
    files.splice(files.indexOf('news/a15.md'), 1);
    await check('renamed', () => fs.rename(path.join(root, 'news/a16.md'), path.join(root, 'news/renamed.md')));
    files.splice(files.indexOf('news/a16.md'), 1, 'news/renamed.md');
  });

  test('the old address of an article that moves away', async () => {
    await check('legacy', () =>
      write('legacy.md', article('title: 旧址\ndate: 2021-10-05 10:00:00\npermalink: /new/address.html')),
    );
  });

  test('a file broken, then fixed: nothing changes while it is broken', async () => {
    const file = 'news/a17.md';
    const text = await fs.readFile(path.join(root, file), 'utf8');
    await check('broken', () => write(file, text.replace('title:', 'title: [unclosed')), false);
    await check('fixed', () => write(file, text.replace('title: 文章 17', 'title: 修好了')));
  });

  test('twenty random changes in a row', { timeout: 60_000 }, async () => {
    for (let step = 0; step < 20; step++) {
      const roll = rand();
      const file = pick();
      if (roll < 0.3) {
        const added = `news/r${step}.md`;
        files.push(added);
        await check(`step ${step}: add`, () => write(added, articleText(rand, `随机 ${step}`)));
      } else if (roll < 0.45 && files.length > 10) {
        files.splice(files.indexOf(file), 1);
        await check(`step ${step}: delete ${file}`, () => fs.rm(path.join(root, file)));
      } else {
        await check(`step ${step}: rewrite ${file}`, () => write(file, articleText(rand, `改写 ${step}`)));
      }
    }
  });
});

test('a slug clash moves the later file to -2, and both pages are refreshed', async () => {
  const root = await makeTempDir('news-impact-slug-');
  await writeTree(root, { 'b.md': article('title: B\nslug: same\ndate: 2021-01-02 10:00:00') });
  const ix = await indexOf(root);
  await ix.sync({ logChanges: false });
  await writeTree(root, { 'a.md': article('title: A\nslug: same\ndate: 2021-01-01 10:00:00') });
  const result = await ix.sync();
  // a.md comes first in path order: it takes `same`, and b.md moves to `same-2`.
  expect(result.added).toEqual([{ file: 'a.md', slug: 'same' }]);
  const slugs = ix.db.prepare('SELECT file, slug FROM articles ORDER BY file').all();
  expect(slugs).toEqual([
    { file: 'a.md', slug: 'same' },
    { file: 'b.md', slug: 'same-2' },
  ]);
  const { paths } = impactPaths(lastImpact(ix), 1);
  expect(paths).toEqual(expect.arrayContaining(['/posts/same', '/posts/same-2']));
  expect(result.problems).toContainEqual(
    expect.objectContaining({
      file: 'b.md',
      kind: 'duplicate-slug',
      reason: 'slug "same" is already used by a.md; this article is at "same-2"',
    }),
  );
});

test('tags and categories are refreshed under their own addresses', () => {
  expect(listingUrl(tagListing('重庆'), 2)).toBe(tagUrl('重庆', 2));
  expect(listingUrl(categoryListing(['科技', 'AI']), 1)).toBe(categoryUrl(['科技', 'AI']));
});
