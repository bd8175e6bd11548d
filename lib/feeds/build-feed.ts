import { Feed, type Item } from 'feed';
import type { Article } from '../content/types';
import { articleUrl, categoryUrl } from '../urls';
import { absolutizeUrls } from './absolute-urls';
import { feedPath, type FeedFormat } from './feed-formats';
import { escapeHtml } from '../html-escape';
import { stripXmlInvalid as clean } from './xml-text';

export type FeedSite = { url: string; name: string; description: string; locale: string };
type FeedInput = { site: FeedSite; articles: readonly Article[]; categoryPath?: readonly string[] };

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** The image's type from its extension; null when it has none (the library would invent one from the path). */
function imageType(url: string): string | null {
  const extension = /\.([a-z]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return (extension && IMAGE_TYPES[extension]) ?? null;
}

/**
 * Texts in the form each format's field wants, and safe from the library's escaping gaps (feed
 * 6.0.0 on xml-js 1.6.11): a CDATA section is split at its first `]]>` only, and attribute values
 * get `&` and `"` escaped but not `<`.
 */
const texts = {
  /** Plain text in CDATA (RSS title): a zero-width space keeps a second `]]>` from ending it. */
  plainCdata: (text: string) => clean(text).replaceAll(']]>', ']]\u200B>'),
  /** HTML (Atom's type="html" title, summaries, bodies): `]]&gt;` means the same and ends no CDATA. */
  html: (html: string) => clean(html).replaceAll(']]>', ']]&gt;'),
  /** An attribute (Atom category term): `<` becomes the full-width `＜`, which reads the same. */
  attribute: (text: string) => clean(text).replaceAll('<', '＜'),
};

function absoluteUrl(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/** Every level of every category hierarchy, each name once. */
const categoryNames = (article: Article) => [...new Set(article.categories.flat())];

function bodyHtml(article: Article, link: string): string {
  // A refused body (too large or too deep) is not shown on the page either: its excerpt stands in.
  return article.bodyError ? `<p>${escapeHtml(article.excerpt)}</p>` : absolutizeUrls(article.html, link);
}

function item(format: FeedFormat, article: Article, site: FeedSite): Item {
  const link = `${site.url}${articleUrl(article.slug)}`;
  const isJson = format === 'json';
  const title = isJson
    ? clean(article.title)
    : format === 'atom'
      ? texts.html(escapeHtml(article.title))
      : texts.plainCdata(article.title);
  const image = article.image && absoluteUrl(article.image, link);
  const type = image && imageType(image);
  return {
    title,
    id: link,
    link,
    date: new Date(article.updated ?? article.date),
    published: new Date(article.date),
    description: isJson ? clean(article.excerpt) : texts.html(escapeHtml(article.excerpt)),
    content: texts.html(bodyHtml(article, link)),
    ...(article.author && { author: [{ name: clean(article.author) }] }),
    category: categoryNames(article).map((name) =>
      format === 'atom' ? { term: texts.attribute(name) } : { name: clean(name) },
    ),
    ...(image && isJson && { image }),
    ...(image && type && format === 'rss' && { enclosure: { url: image, type } }),
    ...(image && type && format === 'atom' && { image }),
  };
}

/** A feed of `articles` (newest first) in one format: the site's, or a category's. */
export function buildFeed(format: FeedFormat, { site, articles, categoryPath }: FeedInput): string {
  const home = `${site.url}${categoryPath ? categoryUrl(categoryPath) : '/'}`;
  const self = (f: FeedFormat) => `${site.url}${feedPath(f, categoryPath)}`;
  const title = categoryPath ? `${categoryPath.join(' › ')} - ${site.name}` : site.name;
  const newest = articles.reduce<string | undefined>((max, a) => {
    const changed = a.updated ?? a.date;
    return max === undefined || changed > max ? changed : max;
  }, undefined);
  const feed = new Feed({
    id: self(format),
    title: clean(title),
    description: clean(site.description || site.name),
    link: home,
    language: site.locale,
    // Without articles the library would use the time of the request: a feed that never changes should not look new.
    updated: new Date(newest ?? 0),
    favicon: `${site.url}/icon.svg`,
    // Atom requires an author for every entry: the site stands in for entries that name none.
    author: { name: clean(site.name), link: home },
    feedLinks: { rss: self('rss'), atom: self('atom'), json: self('json') },
  });
  for (const article of articles) feed.addItem(item(format, article, site));
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return jsonFeed11(feed.json1(), site);
}

/** The library writes JSON Feed 1.0; 1.1 renames `author` to `authors` and adds `language`. */
function jsonFeed11(json: string, site: FeedSite): string {
  const { items, ...feed } = JSON.parse(json) as { items: Record<string, unknown>[] };
  const upgraded = items.map(({ author, ...fields }) => ({ ...fields, ...(author ? { authors: [author] } : {}) }));
  return JSON.stringify(
    { ...feed, version: 'https://jsonfeed.org/version/1.1', language: site.locale, items: upgraded },
    null,
    2,
  );
}
