import { expect, test, type Page } from '@playwright/test';
import { guardPage, unsafeMarkup, type Guard } from './guard';

const COUNT = Number(process.env.E2E_XSS_COUNT ?? 434);
const slugs = Array.from({ length: COUNT }, (_, i) => `/posts/xss/payload-${String(i).padStart(3, '0')}`);

async function expectHarmless(page: Page, guard: Guard, where: string) {
  expect(await guard.fired(), `${where}: script ran`).toEqual([]);
  expect(guard.dialogs, `${where}: dialog opened`).toEqual([]);
  expect(guard.externalRequests, `${where}: request left the site`).toEqual([]);
  expect(await unsafeMarkup(page), `${where}: unsafe markup`).toEqual([]);
}

// Each payload sits in an article's body, title, categories, tags, author and image fields.
test.describe('XSS payloads from ../shared/xss', () => {
  test.describe.configure({ timeout: 15 * 60_000 });

  test('do nothing when each article is loaded directly', async ({ page, baseURL }) => {
    const guard = await guardPage(page, baseURL!);
    for (const slug of slugs) {
      const response = await page.goto(slug, { waitUntil: 'load' });
      expect(response?.status(), slug).toBe(200);
      await expectHarmless(page, guard, slug);
    }
  });

  test('do nothing when each article is reached by a client-side link', async ({ page, baseURL }) => {
    const guard = await guardPage(page, baseURL!);
    // The newest XSS article; its "previous" link leads to the next older one, all the way down.
    await page.goto(slugs[COUNT - 1]!);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    for (let i = COUNT - 2; i >= 0; i--) {
      const link = page.getByRole('navigation', { name: '上一篇与下一篇' }).locator('a[rel="prev"]');
      const navigation = page.waitForURL((url) => url.pathname.endsWith(`payload-${String(i).padStart(3, '0')}`), {
        timeout: 20_000,
      });
      await link.click();
      await navigation;
      // Still the same document: the article arrived by client-side navigation, not a page load.
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      await expect(page.locator('article header h1')).toContainText(`XSS ${i} `);
      await expectHarmless(page, guard, slugs[i]!);
    }
  });

  test('do nothing in listings: the feed pages, the category and tag pages', async ({ page, baseURL }) => {
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
    const categoryLinks = await page.goto('/categories/XSS').then(() =>
      page
        .getByRole('navigation', { name: '子分类' })
        .locator('a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!)),
    );
    expect(categoryLinks.length).toBeGreaterThan(100);
    for (const href of categoryLinks) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      await expectHarmless(page, guard, href);
    }
  });
});
