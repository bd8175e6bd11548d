import { categoryKey } from '../content/categories';
import type { SitemapSource } from '../content/sitemap-source';
import type { CategoryNode } from '../content/types';
import { articleUrl, categoryUrl, tagUrl } from '../urls';

export type SitemapEntry = { url: string; lastModified?: string };

/** The most URLs one sitemap may list (sitemaps.org); a larger site gets a sitemap index. */
export const SITEMAP_LIMIT = 50_000;

/**
 * Every published page worth indexing, as absolute URLs: the home page, the category and tag
 * indexes, each category's and tag's first listing page (changed when its newest article
 * appeared) and every article (changed when it was last updated).
 */
export function sitemapEntries(source: SitemapSource, siteUrl: string): SitemapEntry[] {
  const entry = (path: string, lastModified?: string): SitemapEntry => ({
    url: `${siteUrl}${path}`,
    ...(lastModified && { lastModified }),
  });
  const first = source.articles[0];
  const newest = first && (first.updated ?? first.date);
  const categories: SitemapEntry[] = [];
  const visit = (nodes: readonly CategoryNode[]) =>
    nodes.forEach((node) => {
      categories.push(entry(categoryUrl(node.path), source.categoryChanged.get(categoryKey(node.path))));
      visit(node.children);
    });
  visit(source.categories);
  return [
    entry('/', newest),
    entry('/categories', newest),
    entry('/tags', newest),
    ...categories,
    ...[...source.tags].map(([tag, changed]) => entry(tagUrl(tag), changed)),
    ...source.articles.map((a) => entry(articleUrl(a.slug), a.updated ?? a.date)),
  ];
}

/** The entries in sitemaps of at most `limit` URLs each. */
export function splitSitemap(entries: readonly SitemapEntry[], limit = SITEMAP_LIMIT): SitemapEntry[][] {
  const parts: SitemapEntry[][] = [];
  for (let start = 0; start < entries.length; start += limit) parts.push(entries.slice(start, start + limit));
  return parts;
}

/** Path of the nth sitemap of a sitemap index. */
export const sitemapPartPath = (part: number) => `/sitemap/${part}.xml`;
