import type { Metadata } from 'next';
import { siteConfig } from '../config';

type FeedLinks = NonNullable<NonNullable<Metadata['alternates']>['types']>;

/**
 * `<link rel="alternate">` for the site's feeds, and for a listing's own feeds when it has them
 * (`base` is the listing's path, e.g. `/categories/科技`): feed readers find them from any page.
 */
export function feedLinks(listing?: { base: string; name: string }): FeedLinks {
  const feeds = (base: string, name: string) => ({
    rss: { url: `${base}/feed.xml`, title: `${name} (RSS)` },
    atom: { url: `${base}/atom.xml`, title: `${name} (Atom)` },
    json: { url: `${base}/feed.json`, title: `${name} (JSON Feed)` },
  });
  const site = feeds('', siteConfig.name);
  const own = listing && feeds(listing.base, `${siteConfig.name} · ${listing.name}`);
  return {
    'application/rss+xml': [site.rss, ...(own ? [own.rss] : [])],
    'application/atom+xml': [site.atom, ...(own ? [own.atom] : [])],
    'application/feed+json': [site.json, ...(own ? [own.json] : [])],
  };
}
