import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { securityHeaders } from '../../lib/security-headers.mjs';
import { axeViolations } from './axe';
import { brokenImagesShown, guardPage } from './guard';
import { watchPolicy } from './policy-watch';
import { isSameDocument, markDocument } from './same-document';
import { NOT_FOUND, PAGE_KINDS } from './site-pages';

// Its tests are independent: two workers share them (playwright.config.ts runs files whole otherwise).
test.describe.configure({ mode: 'parallel' });

// Every kind of page a reader meets, first loaded and then reached by client-side navigation: each
// must pass axe-core in both color schemes, keep to its Content-Security-Policy, and log no error or
// failed request. One load per page does it all: the dark scheme is the same document restyled
// (page.emulateMedia), in which axe checks what a scheme changes, its color rules. A page load costs
// more than each check.

const CSP = securityHeaders({ siteUrl: '' })[0]!.value;

/** The axe rules whose outcome depends on the colors: the rest judge the document, the same in both schemes. */
const COLOR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * From the page at `from`, each link clicked in turn: together they reach every kind of page by
 * client-side navigation. Tags and months are plain links (components/pill-link.tsx), so the tag
 * page is reached through its own pagination, and a month only by a page load.
 */
const NAVIGATION_FROM = '/tags/重庆';
const NAVIGATIONS: { to: string; link: string }[] = [
  { to: 'tag page 2', link: 'a[rel="next"]' },
  { to: 'front page', link: 'header nav a[href="/"]' },
  { to: 'feed page 2', link: 'a[rel="next"]' },
  { to: 'article', link: 'main article h2 a' },
  { to: 'archives', link: 'footer a[href="/archives"]' },
  { to: 'archive year', link: 'main a[href="/archives/2021"]' },
  { to: 'category index', link: 'footer a[href="/categories"]' },
  { to: 'category', link: 'header nav a[href^="/categories/"]' },
  { to: 'tag index', link: 'footer a[href="/tags"]' },
];

/** Waits until React has hydrated the element, so that a click on a link is a client-side navigation. */
async function hydrated(page: Page, selector: string) {
  await page.waitForFunction((s) => {
    const el = document.querySelector(s);
    return !!el && Object.keys(el).some((key) => key.startsWith('__reactProps'));
  }, selector);
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

// In two parts, which the two workers share (the file runs in parallel mode).
const PARTS = 2;
for (let part = 0; part < PARTS; part++) {
  test(`first load, part ${part + 1} of ${PARTS}: axe-core finds no violation in either scheme, no CSP violation, no error, no failed request`, async ({
    page,
    baseURL,
  }) => {
    const guard = await guardPage(page, baseURL!);
    const violations = await watchPolicy(page);
    // What the 404 page logs of its own status, and nothing else, is expected.
    const notFound = [
      `HTTP 404 ${baseURL}${NOT_FOUND}`,
      'Failed to load resource: the server responded with a status of 404 (Not Found)',
    ];
    const errors = () => guard.errors.filter((error) => !notFound.includes(error));
    for (const [kind, url] of Object.entries(PAGE_KINDS).filter((_, i) => i % PARTS === part)) {
      await test.step(kind, async () => {
        await page.emulateMedia({ colorScheme: 'light' });
        const response = await page.goto(url);
        expect(response?.status(), kind).toBe(url === NOT_FOUND ? 404 : 200);
        expect(response?.headers()['content-security-policy'], kind).toBe(CSP);
        expect(await axeViolations(page), `${kind}, light`).toEqual([]);
        const light = await background(page);
        await page.emulateMedia({ colorScheme: 'dark' });
        // The page did follow the scheme: otherwise the dark check would pass on the light colors.
        expect(await background(page), `${kind}: the dark scheme's background`).not.toBe(light);
        expect(await axeViolations(page, COLOR_RULES), `${kind}, dark`).toEqual([]);
        // Let the prefetches of the links in view finish (a broken link shows as a failed
        // request) and late resources load (a refused one shows as a CSP violation).
        await page.waitForLoadState('networkidle');
        expect(await violations(), kind).toEqual([]);
        expect(await brokenImagesShown(page, guard), kind).toEqual([]);
        expect(errors(), kind).toEqual([]);
        expect(guard.externalRequests, kind).toEqual([]);
      });
    }
  });
}

test('client-side navigation: no CSP violation, no error', async ({ page, baseURL }) => {
  const guard = await guardPage(page, baseURL!);
  const violations = await watchPolicy(page);
  await page.goto(NAVIGATION_FROM);
  await markDocument(page);
  for (const { to, link } of NAVIGATIONS) {
    await test.step(to, async () => {
      await hydrated(page, link);
      const target = page.locator(link).first();
      const href = (await target.getAttribute('href'))!;
      await target.click();
      await page.waitForURL((url) => url.pathname === new URL(href, page.url()).pathname);
      await expect(page.locator('h1').first(), to).toBeVisible();
      expect(await isSameDocument(page), `${to} reached client-side`).toBe(true);
      expect(await violations(), to).toEqual([]);
    });
  }
  await page.waitForLoadState('networkidle');
  expect(await violations()).toEqual([]);
  expect(guard.errors).toEqual([]);
  expect(guard.externalRequests).toEqual([]);
});
