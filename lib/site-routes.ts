/**
 * The first path segments the site's own routes answer (app/, and Next.js's `_next`). An address
 * under one of them is the site's, never an old Hexo link: `/tags/重庆/` is the tag listing even
 * if an article claims it as its `permalink:`. proxy.ts repeats them in its matcher, which must be
 * a literal (tests/unit/site-routes.test.ts checks both against app/).
 */
export const SITE_ROUTE_ROOTS: ReadonlySet<string> = new Set([
  '_next',
  'api',
  'archives',
  'atom.xml',
  'categories',
  'feed.json',
  'feed.xml',
  'feeds',
  'icon.svg',
  'page',
  'posts',
  'robots.txt',
  'search',
  'sitemap',
  'sitemap.xml',
  'tags',
]);

/** Whether a site-relative path (`tags/重庆`, decoded, no leading `/`) belongs to one of the site's routes. */
export function isSiteRoute(path: string): boolean {
  return SITE_ROUTE_ROOTS.has(path.split('/', 1)[0]!);
}
