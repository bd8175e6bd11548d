import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import * as pageStaticInfo from 'next/dist/build/analysis/get-page-static-info';
import type { ProxyMatcher } from 'next/dist/build/analysis/get-page-static-info';
import { getMiddlewareRouteMatcher } from 'next/dist/shared/lib/router/utils/middleware-route-matcher';
import { config } from '@/proxy';
import { SITE_ROUTE_ROOTS } from '@/lib/site-routes';

const appDir = path.resolve(import.meta.dirname, '../../app');
const ROUTE_FILE = /^(?:page|route)\.[jt]sx?$/;
// Metadata files served at the site's root under their own name, or under another (robots.ts).
const METADATA_FILE = /^(?:icon|apple-icon|favicon|opengraph-image|twitter-image)\.\w+$/;
const RENAMED = new Map([
  ['robots', 'robots.txt'],
  ['sitemap', 'sitemap.xml'],
  ['manifest', 'manifest.webmanifest'],
]);

const hasRoute = (dir: string): boolean =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .some((entry) => (entry.isDirectory() ? hasRoute(path.join(dir, entry.name)) : ROUTE_FILE.test(entry.name)));

/** The first path segments app/ answers: folders holding a page or route (not the root catch-all), and metadata files. */
function appRouteRoots(): string[] {
  return fs.readdirSync(appDir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      return /^[[(@_]/.test(entry.name) || !hasRoute(path.join(appDir, entry.name)) ? [] : [entry.name];
    }
    const stem = entry.name.replace(/\.[jt]sx?$/, '');
    if (RENAMED.has(stem) && stem !== entry.name) return [RENAMED.get(stem)!];
    return METADATA_FILE.test(entry.name) ? [entry.name] : [];
  });
}

// Compiled as Next.js compiles the proxy's matcher at build time (a function its types leave out),
// and matched as its router does.
const { getMiddlewareMatchers } = pageStaticInfo as unknown as {
  getMiddlewareMatchers: (matcher: readonly string[], nextConfig: object) => ProxyMatcher[];
};
const matches = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}));
const reachesProxy = (pathname: string) => matches(pathname, { headers: {} } as never, {});

describe("the site's own route roots", () => {
  test('are exactly the ones app/ has, and Next.js’s _next', () => {
    expect([...SITE_ROUTE_ROOTS].sort()).toEqual(['_next', ...appRouteRoots()].sort());
  });
});

describe("the proxy's matcher", () => {
  test("never takes an address of the site's own routes, nor the home page, but /page/1", () => {
    expect(reachesProxy('/')).toBe(false);
    expect(reachesProxy('/page/1')).toBe(true);
    for (const pathname of ['/page/2', '/page/10', '/page/1x']) expect(reachesProxy(pathname), pathname).toBe(false);
    for (const root of SITE_ROUTE_ROOTS) {
      for (const pathname of [`/${root}`, `/${root}/x`, `/${root}/${encodeURIComponent('重庆')}`, `/${root}/重庆`]) {
        expect(reachesProxy(pathname), pathname).toBe(false);
      }
    }
  });

  test('takes every address with a trailing slash but Next.js’s own', () => {
    for (const pathname of [
      '/posts/x/',
      '/tags/重庆/',
      `/tags/${encodeURIComponent('重庆')}/`,
      '/categories/a/b/',
      '/x/',
    ]) {
      expect(reachesProxy(pathname), pathname).toBe(true);
    }
    expect(reachesProxy('/_next/static/x/')).toBe(false);
  });

  test('takes every other address that may be an old Hexo link', () => {
    for (const pathname of [
      '/2021/11/16/chongqing-talent-conference-2021',
      '/2021/11/16/chongqing-talent-conference-2021/index.html',
      '/2003/03/old-name.html',
      '/旧闻/中文地址',
      `/${encodeURIComponent('旧闻')}/${encodeURIComponent('中文地址')}`,
      '/chongqing-talent-conference-2021',
      '/searching',
      '/pages/2',
      '/tagsx/重庆',
    ]) {
      expect(reachesProxy(pathname), pathname).toBe(true);
    }
  });

  test('leaves static files alone', () => {
    for (const pathname of [
      '/images/a.jpg',
      '/images/重庆.png',
      '/favicon.ico',
      '/fonts/a.woff2',
      '/_next/static/chunks/a.js',
    ]) {
      expect(reachesProxy(pathname), pathname).toBe(false);
    }
  });
});
