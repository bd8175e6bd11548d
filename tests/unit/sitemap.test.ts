import { beforeAll, describe, expect, it } from 'vitest';
import { sitemapSourceOf, type SitemapSource } from '@/lib/content/sitemap-source';
import { sitemapEntries, sitemapPartPath, splitSitemap, SITEMAP_LIMIT } from '@/lib/sitemap/sitemap-entries';
import { sitemapIndexXml, sitemapXml } from '@/lib/sitemap/sitemap-xml';
import { childrenNamed, childText, parseXmlStrict } from '../strict-xml';
import { indexOf } from './content-index';
import { article, makeTempDir, writeTree } from './temp-tree';

const SITE = 'https://news.example';

describe('sitemapEntries', () => {
  let index: SitemapSource;

  beforeAll(async () => {
    const root = await makeTempDir('news-sitemap-');
    await writeTree(root, {
      'new.md': article(
        'title: 新\ndate: 2021-12-01T10:00:00Z\nupdated: 2021-12-05T00:00:00Z\ncategories: [科技, AI & <ML>]\ntags: [a&b]',
      ),
      'old.md': article('title: 旧\ndate: 2021-06-01T10:00:00Z\ncategories: 财经\ntags: [a&b, 旧]'),
      'draft.md': article(
        'title: 草稿\ndate: 2022-01-01T10:00:00Z\ndraft: true\ncategories: [草稿分类]\ntags: [草稿标签]',
      ),
      '_drafts/wip.md': article('title: 未完\ndate: 2022-02-01T10:00:00Z'),
    });
    const ix = await indexOf(root);
    await ix.sync({ logChanges: false });
    index = sitemapSourceOf(ix.db);
  });

  it('lists the home page, indexes, every category and tag and every published article, with absolute URLs', () => {
    expect(sitemapEntries(index, SITE)).toEqual([
      { url: `${SITE}/`, lastModified: '2021-12-05T00:00:00.000Z' },
      { url: `${SITE}/categories`, lastModified: '2021-12-05T00:00:00.000Z' },
      { url: `${SITE}/tags`, lastModified: '2021-12-05T00:00:00.000Z' },
      // Categories as the tree orders them: most articles first, then by name (pinyin: cái before kē).
      { url: `${SITE}/categories/%E8%B4%A2%E7%BB%8F`, lastModified: '2021-06-01T10:00:00.000Z' },
      { url: `${SITE}/categories/%E7%A7%91%E6%8A%80`, lastModified: '2021-12-05T00:00:00.000Z' },
      { url: `${SITE}/categories/%E7%A7%91%E6%8A%80/AI%20%26%20%3CML%3E`, lastModified: '2021-12-05T00:00:00.000Z' },
      { url: `${SITE}/tags/a%26b`, lastModified: '2021-12-05T00:00:00.000Z' },
      { url: `${SITE}/tags/%E6%97%A7`, lastModified: '2021-06-01T10:00:00.000Z' },
      { url: `${SITE}/posts/new`, lastModified: '2021-12-05T00:00:00.000Z' },
      { url: `${SITE}/posts/old`, lastModified: '2021-06-01T10:00:00.000Z' },
    ]);
  });

  it('writes a sitemap a strict parser reads back', () => {
    const entries = sitemapEntries(index, SITE);
    const urlset = parseXmlStrict(sitemapXml(entries));
    expect(urlset.name).toBe('urlset');
    expect(urlset.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = childrenNamed(urlset, 'url');
    expect(urls.map((u) => childText(u, 'loc'))).toEqual(entries.map((e) => e.url));
    expect(urls.map((u) => childText(u, 'lastmod'))).toEqual(entries.map((e) => e.lastModified));
  });
});

describe('splitSitemap', () => {
  const entries = Array.from({ length: 7 }, (_, i) => ({ url: `${SITE}/posts/${i}` }));

  it('splits at the limit, keeping order', () => {
    expect(splitSitemap(entries, 3).map((p) => p.map((e) => e.url.slice(-1)))).toEqual([
      ['0', '1', '2'],
      ['3', '4', '5'],
      ['6'],
    ]);
    expect(splitSitemap(entries, 7)).toEqual([entries]);
    expect(splitSitemap([], 3)).toEqual([]);
    expect(SITEMAP_LIMIT).toBe(50_000);
  });

  it('writes an index of the parts a strict parser reads back', () => {
    const index = parseXmlStrict(
      sitemapIndexXml([0, 1].map((i) => ({ url: `${SITE}${sitemapPartPath(i)}`, lastModified: '2024-01-01' }))),
    );
    expect(index.name).toBe('sitemapindex');
    expect(childrenNamed(index, 'sitemap').map((s) => childText(s, 'loc'))).toEqual([
      `${SITE}/sitemap/0.xml`,
      `${SITE}/sitemap/1.xml`,
    ]);
  });

  it('escapes what XML must escape in a URL', () => {
    const xml = sitemapXml([{ url: "https://news.example/?a=1&b='<x>'\u0001" }]);
    expect(childText(childrenNamed(parseXmlStrict(xml), 'url')[0]!, 'loc')).toBe("https://news.example/?a=1&b='<x>'");
  });
});
