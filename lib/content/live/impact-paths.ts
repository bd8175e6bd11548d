import { FEED_FORMATS } from '../../feeds/feed-formats';
import { articleUrl, categoryUrl } from '../../urls';
import { safeDecode } from '../slugs';
import { listingUrl } from '../listings';
import type { Impact } from '../sync/impact';

/** What to hand to revalidatePath: concrete paths, and whether the root layout (every page) is stale. */
export type Revalidation = { paths: string[]; everything: boolean };

const SITE_FEEDS = ['/feed.xml', '/atom.xml', '/feed.json'];

/**
 * The addresses of the pages an impact touches. Each path is given percent-encoded and, where it
 * differs, decoded: a page rendered for `/posts/重庆` and one for its encoded form are the same page,
 * and the cache keeps whichever spelling it was first asked for.
 */
export function impactPaths(impact: Impact, sitemapParts: number): Revalidation {
  if (impact.all || impact.layout) return { paths: [], everything: true };
  const paths = new Set<string>();
  const add = (path: string) => {
    paths.add(path);
    const decoded = path.split('/').map(safeDecode).join('/');
    if (decoded !== path) paths.add(decoded);
  };
  for (const slug of impact.articles) add(articleUrl(slug));
  for (const [listing, from, to] of impact.listings) {
    for (let page = from; page <= to; page++) add(listingUrl(listing, page));
  }
  if (impact.siteFeed) SITE_FEEDS.forEach(add);
  for (const category of impact.categoryFeeds) {
    const base = categoryUrl(category);
    const segments = base.slice('/categories/'.length);
    for (const [format, { file }] of Object.entries(FEED_FORMATS)) {
      add(`${base}/${file}`);
      add(`/feeds/${format}/${segments}`);
    }
  }
  for (const claim of impact.claims) {
    if (claim === '') continue;
    const encoded = `/${claim.split('/').map(encodeURIComponent).join('/')}`;
    add(encoded);
    add(`${encoded}/index.html`);
  }
  if (impact.summaries) {
    ['/categories', '/tags', '/archives', '/sitemap.xml'].forEach(add);
    for (let part = 0; part < sitemapParts; part++) add(`/sitemap/${part}.xml`);
  }
  return { paths: [...paths], everything: false };
}
