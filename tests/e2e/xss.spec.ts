import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { guardPage, unsafeMarkup, type Guard } from './guard';
import { allPayloads, CANARIES, familiesOf } from '../fixtures/xss/payloads.mjs';
import { isSameDocument, markDocument } from './same-document';
import { XSS_ARTICLES } from './xss-articles.mjs';

// Its tests are independent: two workers share them (playwright.config.ts runs files whole otherwise).
test.describe.configure({ mode: 'parallel' });

// The browser proves the wiring: every field of an article that reaches HTML, on a first load and
// on a client-side navigation, for a sample holding every attack family of every payload source and
// the canaries. Every payload goes through the sanitizer and the front-matter reader in the unit
// tests (tests/unit/xss-payloads.test.ts).
const urls = XSS_ARTICLES.map(({ slug }) => `/posts/${slug}`);

async function expectHarmless(page: Page, guard: Guard, where: string) {
  expect(await guard.fired(), `${where}: script ran`).toEqual([]);
  expect(guard.dialogs, `${where}: dialog opened`).toEqual([]);
  expect(guard.externalRequests, `${where}: request left the site`).toEqual([]);
  expect(await unsafeMarkup(page), `${where}: unsafe markup`).toEqual([]);
}

// Each payload sits in an article's body, title, categories, tags, author and image fields.
test.describe('XSS payloads', () => {
  test.describe.configure({ timeout: 5 * 60_000 });

  test('the sample holds every family of every source, and every canary', () => {
    for (const source of new Set(allPayloads().map((p) => p.source))) {
      const familiesIn = (list: { source: string; payload: string }[]) =>
        [...new Set(list.filter((p) => p.source === source).flatMap((p) => familiesOf(p.payload)))].sort();
      expect(familiesIn(XSS_ARTICLES), source).toEqual(familiesIn(allPayloads()));
    }
    expect(XSS_ARTICLES.filter((a) => a.source === 'canaries').map((a) => a.payload)).toEqual(CANARIES);
  });

  test('the guard sees what a payload would do: a dialog called, a request leaving the site', async ({
    page,
    baseURL,
  }) => {
    const guard = await guardPage(page, baseURL!);
    await page.goto('/');
    await page.evaluate(() => {
      alert('probe');
      const img = document.createElement('img');
      img.src = 'http://canary.invalid/probe.png';
      document.body.append(img);
    });
    expect(await guard.fired()).toEqual(['alert(probe)']);
    await expect.poll(() => guard.externalRequests).toEqual(['image http://canary.invalid/probe.png']);
  });

  // In three parts, which the two workers share (the file runs in parallel mode).
  const PARTS = 3;
  for (let part = 0; part < PARTS; part++) {
    test(`do nothing when each article is loaded directly, part ${part + 1} of ${PARTS}`, async ({ page, baseURL }) => {
      const guard = await guardPage(page, baseURL!);
      for (const url of urls.filter((_, i) => i % PARTS === part)) {
        const response = await page.goto(url, { waitUntil: 'load' });
        expect(response?.status(), url).toBe(200);
        await expectHarmless(page, guard, url);
      }
    });
  }

  test('do nothing when each article is reached by a client-side link', async ({ page, baseURL }) => {
    const guard = await guardPage(page, baseURL!);
    // The newest XSS article; its "previous" link leads to the next older one, all the way down.
    await page.goto(urls.at(-1)!);
    await markDocument(page);
    for (let i = urls.length - 2; i >= 0; i--) {
      const link = page.getByRole('navigation', { name: '上一篇与下一篇' }).locator('a[rel="prev"]');
      const navigation = page.waitForURL((url) => url.pathname === urls[i], { timeout: 20_000 });
      await link.click();
      await navigation;
      // Still the same document: the article arrived by client-side navigation, not a page load.
      expect(await isSameDocument(page)).toBe(true);
      await expect(page.locator('article header h1')).toContainText(`XSS ${i} `);
      await expectHarmless(page, guard, urls[i]!);
    }
  });

  test('do nothing in listings: the feed pages and the indexes of categories and tags', async ({ page, baseURL }) => {
    const guard = await guardPage(page, baseURL!);
    for (let n = 1; n < 100; n++) {
      const response = await page.goto(n === 1 ? '/' : `/page/${n}`);
      if (response?.status() === 404) break;
      await expectHarmless(page, guard, `feed page ${n}`);
    }
    await page.goto('/categories');
    await expectHarmless(page, guard, '/categories');
    await page.goto('/tags');
    await expectHarmless(page, guard, '/tags');
  });

  test('do nothing in listings: the category pages', async ({ page, baseURL }) => {
    const guard = await guardPage(page, baseURL!);
    await page.goto('/categories/XSS');
    await expectHarmless(page, guard, '/categories/XSS');
    const categoryLinks = await page
      .getByRole('navigation', { name: '子分类' })
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    // Payloads that share their first 80 characters share a category.
    expect(categoryLinks.length).toBeGreaterThan(XSS_ARTICLES.length / 2);
    // A page per attack family the names carry, and the canaries': a category page shows its name
    // in the same places whatever it is (heading, title, breadcrumbs, feed links), and every
    // payload's name is unit-tested (tests/unit/xss-payloads.test.ts).
    const covered = new Set<string>();
    const sample = categoryLinks.filter((href) => {
      const name = decodeURIComponent(href.split('/').at(-1)!);
      const families = familiesOf(name).filter((family) => !covered.has(family));
      for (const family of families) covered.add(family);
      return families.length > 0 || name.includes('canary');
    });
    expect([...covered]).toEqual(
      expect.arrayContaining(['script element', 'event handler', 'script URL', 'SVG', 'CSS', 'embedded document']),
    );
    for (const href of sample) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      await expectHarmless(page, guard, href);
    }
  });
});
