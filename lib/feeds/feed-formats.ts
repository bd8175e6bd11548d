import type { Metadata } from 'next';
import { categoryUrl } from '../urls';

export const FEED_FORMATS = {
  rss: { file: 'feed.xml', mime: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', mime: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', mime: 'application/feed+json', label: 'JSON Feed' },
} as const;

type AlternateTypes = NonNullable<NonNullable<Metadata['alternates']>['types']>;

export type FeedFormat = keyof typeof FEED_FORMATS;

export const isFeedFormat = (value: string): value is FeedFormat => Object.hasOwn(FEED_FORMATS, value);

export const feedContentType = (format: FeedFormat) => `${FEED_FORMATS[format].mime}; charset=utf-8`;

/** Site path of a feed: `/feed.xml`, or `/categories/A/B/feed.xml` for a category and its descendants. */
export function feedPath(format: FeedFormat, categoryPath?: readonly string[]): string {
  const file = FEED_FORMATS[format].file;
  return categoryPath ? `${categoryUrl(categoryPath)}/${file}` : `/${file}`;
}

/**
 * `alternates.types` for page metadata: the site's feeds, and a category's own after them. Next.js
 * replaces a layout's `alternates` with a page's, so a page that sets any must include these.
 */
export function feedAlternates(siteName: string, categoryPath?: readonly string[]): AlternateTypes {
  return Object.fromEntries(
    Object.entries(FEED_FORMATS).map(([format, { mime, label }]) => {
      const links = [{ url: feedPath(format as FeedFormat), title: `${siteName} (${label})` }];
      if (categoryPath) {
        const title = `${categoryPath.join(' › ')} - ${siteName} (${label})`;
        links.push({ url: feedPath(format as FeedFormat, categoryPath), title });
      }
      return [mime, links];
    }),
  );
}
