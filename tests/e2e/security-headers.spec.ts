import { expect, test } from './fixtures';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PEER_HEADER } from '../../lib/client-address';
import { securityHeaders } from '../../lib/security-headers.mjs';
import { startNextServer, type NextServer } from './next-server';
import { watchPolicy } from './policy-watch';
import { PREVIEW_SECRET } from './preview-secret.mjs';
import { NOT_FOUND, PAGE_KINDS } from './site-pages';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The suite's server is http (its _config.yml's url): no HSTS.
const EXPECTED = new Map(securityHeaders({ siteUrl: '' }).map(({ key, value }) => [key.toLowerCase(), value]));
const SVG_EXPECTED = new Map(EXPECTED).set('content-security-policy', securityHeaders({ svg: true })[0]!.value);

/** Every other kind of answer: feeds, files, routes, redirects of every origin. */
const OTHERS: Record<string, { url: string; status: number; method?: 'POST'; svg?: true }> = {
  rss: { url: '/feed.xml', status: 200 },
  atom: { url: '/atom.xml', status: 200 },
  'json feed': { url: '/feed.json', status: 200 },
  "a category's feed": { url: '/categories/新媒体/feed.xml', status: 200 },
  sitemap: { url: '/sitemap.xml', status: 200 },
  robots: { url: '/robots.txt', status: 200 },
  'the site icon': { url: '/icon.svg', status: 200, svg: true },
  'a picture of the content folder': { url: '/images/e2e-assets/site.png', status: 200 },
  'an SVG of the content folder': { url: '/images/e2e-assets/script.svg', status: 200, svg: true },
  'preview off (a route handler)': { url: '/api/draft/disable', status: 307 },
  'revalidate without a secret configured': { url: '/api/revalidate', status: 404, method: 'POST' },
  'an old Hexo link (proxy.ts)': { url: '/2021/11/22/rail-line-opening', status: 308 },
  'a trailing slash (proxy.ts)': { url: '/tags/重庆/', status: 308 },
  '/page/1 (proxy.ts)': { url: '/page/1', status: 308 },
};

function expectHeaders(headers: Record<string, string>, expected: Map<string, string>, what: string) {
  for (const [name, value] of expected) expect(headers[name], `${name} of ${what}`).toBe(value);
  expect(headers['strict-transport-security'], what).toBeUndefined();
}

test.describe('security headers', () => {
  test('every page, feed, file, route and redirect carries them', async ({ request }) => {
    for (const [kind, url] of Object.entries(PAGE_KINDS)) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), kind).toBe(url === NOT_FOUND ? 404 : 200);
      expectHeaders(response.headers(), EXPECTED, kind);
    }
    for (const [kind, { url, status, method, svg }] of Object.entries(OTHERS)) {
      const response = await request.fetch(url, { method: method ?? 'GET', maxRedirects: 0 });
      expect(response.status(), kind).toBe(status);
      expectHeaders(response.headers(), svg ? SVG_EXPECTED : EXPECTED, kind);
    }
    // Next.js's own files: a script and the stylesheet the front page loads.
    const html = await (await request.get('/')).text();
    for (const pattern of [/\/_next\/static\/[^"]+\.js/, /\/_next\/static\/[^"]+\.css/]) {
      const file = html.match(pattern)?.[0];
      expect(file, String(pattern)).toBeTruthy();
      expectHeaders((await request.get(file!)).headers(), EXPECTED, file!);
    }
  });
});

// No CSP violation on any kind of page, first loaded or reached client-side: page-kinds.spec.ts.

test('the watch sees a violation: a data: picture is refused', async ({ page }) => {
  const violations = await watchPolicy(page);
  await page.goto('/');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    document.body.append(img);
  });
  await expect
    .poll(violations)
    .toEqual([expect.stringContaining('img-src blocked data'), expect.stringContaining('violates')]);
});

test.describe('wrong secrets', () => {
  test.describe.configure({ mode: 'serial' });
  const REVALIDATE_SECRET = 'e2e-revalidate-secret-for-the-limit';
  let dir: string;
  let server: NextServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = await mkdtemp(path.join(os.tmpdir(), 'news-limit-'));
    await mkdir(path.join(dir, 'posts'));
    await writeFile(
      path.join(dir, 'posts', 'one.md'),
      '---\ntitle: 一篇\ndate: 2026-10-01 10:00:00\n---\n<p>正文。</p>\n',
    );
    // A server of its own, so that its count of wrong secrets is no other spec's.
    server = await startNextServer(PORT + 10, {
      CONTENT_DIR: dir,
      CONTENT_INDEX: path.join(dir, '.index', 'index.db'),
      CONTENT_SCAN_INTERVAL: '0',
      CONTENT_WATCH: 'off',
      PREVIEW_SECRET,
      REVALIDATE_SECRET,
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('ten wrong secrets a minute, then 429 with Retry-After, even for the right one and a made-up X-Forwarded-For', async () => {
    const draft = (secret: string, forwardedFor?: string) =>
      fetch(`${server.origin}/api/draft?secret=${encodeURIComponent(secret)}`, {
        redirect: 'manual',
        // A client naming itself in the header the server writes the socket's address into, too.
        headers: forwardedFor ? { 'x-forwarded-for': forwardedFor, [PEER_HEADER]: forwardedFor } : {},
      });
    const revalidate = (secret: string) =>
      fetch(`${server.origin}/api/revalidate`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } });

    // Right secrets are not counted.
    for (let i = 0; i < 12; i++) expect((await draft(PREVIEW_SECRET)).status).toBe(307);
    // Each wrong one claims another client: without TRUST_PROXY the socket's address is what counts.
    for (let i = 0; i < 5; i++) expect((await draft(`wrong-${i}`, `198.51.100.${i}`)).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await revalidate(`wrong-${i}`)).status).toBe(401);

    for (const response of [
      await draft('wrong-again'),
      await draft(PREVIEW_SECRET, '198.51.100.99'),
      await revalidate(REVALIDATE_SECRET),
    ]) {
      expect(response.status).toBe(429);
      const wait = Number(response.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60);
      expect(response.headers.get('content-security-policy')).toBe(EXPECTED.get('content-security-policy'));
    }
  });
});
