import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/content';
import { buildFeed, type FeedSite } from '@/lib/feeds/build-feed';
import { childrenNamed, childText, parseXmlStrict, type XmlElement } from '../strict-xml';

const site: FeedSite = { url: 'https://news.example', name: '新闻 & <速览>', description: '描述', locale: 'zh-CN' };

const CONTROLS = '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800';
const NASTY = `A & B <b>x</b> </script><script>alert(1)</script> 😀${CONTROLS} end`;
const NASTY_CLEAN = 'A & B <b>x</b> </script><script>alert(1)</script> 😀 end';

function article(n: number, fields: Partial<Article> = {}): Article {
  return {
    slug: `a/${n}`,
    title: `标题 ${n}`,
    date: new Date(Date.UTC(2024, 0, 31 - n, 8)).toISOString(),
    categories: [['科技', '人工智能']],
    tags: [],
    excerpt: `摘要 ${n}`,
    draft: false,
    file: `a/${n}.md`,
    format: 'html',
    html: `<p>正文 ${n} <img src="/img/${n}.png" alt="" /></p>`,
    ...fields,
  };
}

const nasty = article(0, {
  title: NASTY,
  author: `作者 ${NASTY}`,
  categories: [[NASTY, '子 & 类'], ['科技']],
  excerpt: NASTY,
  updated: '2024-02-01T00:00:00.000Z',
  image: 'https://img.example/lead.JPG?w=1&h=2',
});
const articles = [
  nasty,
  article(1, { image: 'https://picsum.photos/seed/x/1200/800' }),
  article(2, { html: '', bodyError: 'too deep' }),
];

const decodeHtml = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('buildFeed: RSS 2.0', () => {
  const rss = parseXmlStrict(buildFeed('rss', { site, articles }));
  const channel = childrenNamed(rss, 'channel')[0]!;
  const items = childrenNamed(channel, 'item');

  it('has the channel and every item with its required elements', () => {
    expect(rss.attributes.version).toBe('2.0');
    expect(childText(channel, 'title')).toBe('新闻 & <速览>');
    expect(childText(channel, 'link')).toBe('https://news.example/');
    expect(childText(channel, 'description')).toBe('描述');
    expect(childText(channel, 'lastBuildDate')).toBe('Thu, 01 Feb 2024 00:00:00 GMT');
    expect(items.map((i) => childText(i, 'link'))).toEqual([
      'https://news.example/posts/a/0',
      'https://news.example/posts/a/1',
      'https://news.example/posts/a/2',
    ]);
    expect(items.map((i) => childText(i, 'guid'))).toEqual(items.map((i) => childText(i, 'link')));
    expect(items.map((i) => childText(i, 'pubDate'))).toEqual([
      'Wed, 31 Jan 2024 08:00:00 GMT',
      'Tue, 30 Jan 2024 08:00:00 GMT',
      'Mon, 29 Jan 2024 08:00:00 GMT',
    ]);
  });

  it('keeps a nasty title, author and categories as text, control characters stripped', () => {
    const first = items[0]!;
    expect(childText(first, 'title')).toBe(NASTY_CLEAN);
    expect(childText(first, 'author')).toBe(`作者 ${NASTY_CLEAN}`);
    expect(childrenNamed(first, 'category').map((c) => c.text)).toEqual([NASTY_CLEAN, '子 & 类', '科技']);
    expect(decodeHtml(childText(first, 'description'))).toBe(NASTY_CLEAN);
  });

  it('carries the full body with absolute URLs, the excerpt for a refused body, and typed lead images', () => {
    expect(childText(items[1]!, 'content:encoded')).toBe(
      '<p>正文 1 <img src="https://news.example/img/1.png" alt="" /></p>',
    );
    expect(childText(items[2]!, 'content:encoded')).toBe('<p>摘要 2</p>');
    expect(childrenNamed(items[0]!, 'enclosure')[0]!.attributes).toEqual({
      url: 'https://img.example/lead.JPG?w=1&h=2',
      type: 'image/jpeg',
      length: '0',
    });
    // Without an extension the type is unknown: no enclosure rather than a made-up one.
    expect(childrenNamed(items[1]!, 'enclosure')).toEqual([]);
  });

  it('stays well-formed with `]]>` in titles and bodies', () => {
    const tricky = article(3, { title: 'a]]>b]]>c', html: '<p>x]]>y]]>z</p>', categories: [['c]]>d']] });
    const doc = parseXmlStrict(buildFeed('rss', { site, articles: [tricky] }));
    const item = childrenNamed(childrenNamed(doc, 'channel')[0]!, 'item')[0]!;
    expect(childText(item, 'title')).toBe('a]]\u200B>b]]\u200B>c');
    expect(childText(item, 'content:encoded')).toBe('<p>x]]&gt;y]]&gt;z</p>');
    expect(childText(item, 'category')).toBe('c]]>d');
  });
});

describe('buildFeed: Atom', () => {
  const feed = parseXmlStrict(buildFeed('atom', { site, articles, categoryPath: ['科技', '人工智能'] }));
  const entries = childrenNamed(feed, 'entry');
  const link = (entry: XmlElement, rel?: string) =>
    childrenNamed(entry, 'link').find((l) => l.attributes.rel === rel)?.attributes.href;

  it('has the feed and every entry with its required elements', () => {
    expect(childText(feed, 'id')).toBe(
      'https://news.example/categories/%E7%A7%91%E6%8A%80/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/atom.xml',
    );
    expect(childText(feed, 'title')).toBe('科技 › 人工智能 - 新闻 & <速览>');
    expect(childText(feed, 'updated')).toBe('2024-02-01T00:00:00.000Z');
    expect(entries.map((e) => childText(e, 'id'))).toEqual([0, 1, 2].map((n) => `https://news.example/posts/a/${n}`));
    expect(entries.map((e) => link(e))).toEqual(entries.map((e) => childText(e, 'id')));
    expect(entries.map((e) => childText(e, 'updated'))).toEqual([
      '2024-02-01T00:00:00.000Z',
      '2024-01-30T08:00:00.000Z',
      '2024-01-29T08:00:00.000Z',
    ]);
    expect(childText(entries[0]!, 'published')).toBe('2024-01-31T08:00:00.000Z');
    expect(link(entries[0]!, 'enclosure')).toBe('https://img.example/lead.JPG?w=1&h=2');
  });

  it('keeps a nasty title as HTML-escaped text and categories as terms (`<` full-width)', () => {
    const first = entries[0]!;
    expect(childrenNamed(first, 'title')[0]!.attributes.type).toBe('html');
    expect(decodeHtml(childText(first, 'title'))).toBe(NASTY_CLEAN);
    expect(childrenNamed(first, 'category').map((c) => c.attributes.term)).toEqual([
      NASTY_CLEAN.replaceAll('<', '＜'),
      '子 & 类',
      '科技',
    ]);
    expect(childText(childrenNamed(first, 'author')[0]!, 'name')).toBe(`作者 ${NASTY_CLEAN}`);
  });
});

describe('buildFeed: JSON Feed 1.1', () => {
  const json = JSON.parse(buildFeed('json', { site, articles })) as Record<string, unknown> & {
    items: Record<string, unknown>[];
  };

  it('has the version, title, feed URL and every item', () => {
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.title).toBe('新闻 & <速览>');
    expect(json.feed_url).toBe('https://news.example/feed.json');
    expect(json.language).toBe('zh-CN');
    expect(json.items.map((i) => [i.id, i.url, i.date_published])).toEqual([
      ['https://news.example/posts/a/0', 'https://news.example/posts/a/0', '2024-01-31T08:00:00.000Z'],
      ['https://news.example/posts/a/1', 'https://news.example/posts/a/1', '2024-01-30T08:00:00.000Z'],
      ['https://news.example/posts/a/2', 'https://news.example/posts/a/2', '2024-01-29T08:00:00.000Z'],
    ]);
    expect(json.items[1]!.content_html).toBe('<p>正文 1 <img src="https://news.example/img/1.png" alt="" /></p>');
    expect(json.items[1]!.image).toBe('https://picsum.photos/seed/x/1200/800');
  });

  it('keeps a nasty title, author and categories as plain text', () => {
    const first = json.items[0]!;
    expect(first.title).toBe(NASTY_CLEAN);
    expect(first.summary).toBe(NASTY_CLEAN);
    expect(first.date_modified).toBe('2024-02-01T00:00:00.000Z');
    expect(first.authors).toEqual([{ name: `作者 ${NASTY_CLEAN}` }]);
    expect(first.author).toBeUndefined();
    expect(first.tags).toEqual([NASTY_CLEAN, '子 & 类', '科技']);
  });
});
