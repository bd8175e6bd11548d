import { describe, expect, test } from 'vitest';
import type { ArticleSummary } from '@/lib/content/types';
import { toZonedIso } from '@/lib/dates';
import { feedAlternates } from '@/lib/feeds/feed-formats';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/metadata/news-article-json-ld';
import { articleMetadata, openGraphLocale, pageMetadata } from '@/lib/metadata/page-metadata';

const article: ArticleSummary = {
  slug: 'chongqing-talent-conference-2021',
  title: '2021重庆英才大会将于11月20—21日举办',
  date: '2021-11-16T09:12:02.000Z',
  updated: '2021-11-17T01:00:00.000Z',
  author: '趣头条',
  categories: [['新媒体', '趣头条', '分类']],
  tags: ['重庆', '人才'],
  image: '/images/lead.jpeg',
  excerpt: '11月16日，记者从2021重庆英才大会新闻发布会上了解到…',
  draft: false,
  file: 'chongqing-talent-conference-2021.md',
  format: 'html',
};

describe('toZonedIso', () => {
  test.each([
    ['2021-11-16T09:12:02.000Z', 'Asia/Shanghai', '2021-11-16T17:12:02+08:00'],
    ['2021-11-30T17:00:00.000Z', 'Asia/Shanghai', '2021-12-01T01:00:00+08:00'],
    ['2021-07-01T12:00:00.000Z', 'America/New_York', '2021-07-01T08:00:00-04:00'],
    ['2021-12-01T12:00:00.000Z', 'America/New_York', '2021-12-01T07:00:00-05:00'],
    ['2021-12-01T12:00:00.000Z', 'Asia/Kolkata', '2021-12-01T17:30:00+05:30'],
    ['2021-12-01T12:00:00.999Z', 'UTC', '2021-12-01T12:00:00+00:00'],
  ])('%s in %s is %s', (iso, zone, expected) => {
    expect(toZonedIso(new Date(iso), zone)).toBe(expected);
  });
});

describe('serializeJsonLd', () => {
  const hostile = { headline: '</script><script>alert(1)</script><!-- & \u2028\u2029' };

  test('no value can close the script or open a comment: no <, > or & is left', () => {
    expect(serializeJsonLd(hostile)).not.toMatch(/[<>&\u2028\u2029]/);
  });

  test('the JSON still means the same', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
  });
});

describe('newsArticleJsonLd', () => {
  test('headline, dates with the site offset, author, absolute image, section and publisher', () => {
    expect(newsArticleJsonLd(article, '/posts/chongqing-talent-conference-2021')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      description: article.excerpt,
      datePublished: '2021-11-16T17:12:02+08:00',
      dateModified: '2021-11-17T09:00:00+08:00',
      author: [{ '@type': 'Person', name: '趣头条' }],
      image: ['http://localhost:3000/images/lead.jpeg'],
      articleSection: '新媒体 › 趣头条 › 分类',
      keywords: '重庆, 人才',
      inLanguage: 'zh-CN',
      mainEntityOfPage: 'http://localhost:3000/posts/chongqing-talent-conference-2021',
      publisher: { '@type': 'Organization', name: '新闻速览', url: 'http://localhost:3000' },
    });
  });

  test('without author, image, update or categories those fields are left out', () => {
    const bare = { ...article, author: undefined, image: undefined, updated: undefined, categories: [], tags: [] };
    const data = JSON.parse(JSON.stringify(newsArticleJsonLd(bare, '/posts/x')));
    expect(Object.keys(data).sort()).toEqual(
      [
        '@context',
        '@type',
        'headline',
        'description',
        'datePublished',
        'dateModified',
        'inLanguage',
        'mainEntityOfPage',
        'publisher',
      ].sort(),
    );
    expect(data.dateModified).toBe(data.datePublished);
  });
});

describe('pageMetadata and articleMetadata', () => {
  test('a listing: title, canonical path, feeds, Open Graph and a summary card', () => {
    expect(pageMetadata({ title: '全部分类', path: '/categories' })).toEqual({
      title: '全部分类',
      description: '来自 Markdown 文章的新闻',
      alternates: { canonical: '/categories', types: feedAlternates('新闻速览') },
      openGraph: {
        type: 'website',
        siteName: '新闻速览',
        locale: 'zh_CN',
        url: '/categories',
        title: '全部分类',
        description: '来自 Markdown 文章的新闻',
        images: undefined,
      },
      twitter: { card: 'summary', title: '全部分类', description: '来自 Markdown 文章的新闻', images: undefined },
    });
  });

  test("a category's page advertises its own feeds after the site's", () => {
    expect(pageMetadata({ title: '科技', path: '/categories/x', feedsOf: ['科技'] }).alternates?.types).toEqual(
      feedAlternates('新闻速览', ['科技']),
    );
    expect(feedAlternates('新闻速览', ['科技'])['application/rss+xml']).toHaveLength(2);
  });

  test('the home page keeps the layout title (no title key) and is titled by the site name in Open Graph', () => {
    const meta = pageMetadata({ path: '/' });
    expect('title' in meta).toBe(false);
    expect(meta.openGraph?.title).toBe('新闻速览');
  });

  test('an article: Open Graph article with times, author, section, tags, lead image and a large card', () => {
    const meta = articleMetadata(article, '/posts/chongqing-talent-conference-2021');
    expect(meta.title).toBe(article.title);
    expect(meta.description).toBe(article.excerpt);
    expect(meta.alternates?.canonical).toBe('/posts/chongqing-talent-conference-2021');
    expect(meta.openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2021-11-16T09:12:02.000Z',
      modifiedTime: '2021-11-17T01:00:00.000Z',
      authors: ['趣头条'],
      section: '分类',
      tags: ['重庆', '人才'],
      images: [{ url: '/images/lead.jpeg' }],
    });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image' });
  });
});

describe('openGraphLocale', () => {
  test.each([
    ['zh-CN', 'zh_CN'],
    // The languages Hexo sites write: a script or a bare language is completed with its likely region.
    ['zh-Hans', 'zh_CN'],
    ['zh-Hant', 'zh_TW'],
    ['zh', 'zh_CN'],
    ['en', 'en_US'],
    ['en-GB', 'en_GB'],
  ])('%s is %s', (locale, og) => {
    expect(openGraphLocale(locale)).toBe(og);
  });
});
