import { expect, test } from './fixtures';
import { SITE } from './hexo-site.mjs';

test.use({ javaScriptEnabled: false });

const PAGES = [
  { path: '/', expect: '最新文章' },
  { path: '/page/2', expect: '第 2 页' },
  { path: '/categories', expect: '全部分类' },
  { path: '/categories/科技/人工智能', expect: '人工智能' },
  { path: '/tags/重庆', expect: '重庆' },
  { path: '/tags', expect: '全部标签' },
  { path: '/posts/chongqing-talent-conference-2021', expect: '2021重庆英才大会' },
];

test.describe('with JavaScript disabled', () => {
  for (const { path, expect: text } of PAGES) {
    test(`${path} is readable`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(text);
      await expect(page.getByRole('navigation', { name: '栏目' })).toBeVisible();
    });
  }

  test('an address with nothing behind it is a 404 page in the HTML, in the site layout', async ({ page }) => {
    for (const path of [
      '/posts/no-such-article',
      '/no/such/route',
      '/page/99999',
      '/categories/不存在',
      '/tags/不存在',
      '/tags/重庆/page/999',
      '/archives/2021/13',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('页面不存在');
      await expect(page.getByRole('navigation', { name: '栏目' }), path).toBeVisible();
      await expect(page.locator('html'), path).toHaveAttribute('lang', SITE.locale);
      await expect(page.locator('meta[name="robots"]').first(), path).toHaveAttribute('content', /noindex/);
      await expect(page, path).toHaveTitle(/^页面不存在/);
    }
  });

  test('the article body, pagination and links all work', async ({ page }) => {
    await page.goto('/posts/chongqing-talent-conference-2021');
    await expect(page.locator('.article-body p').first()).toContainText('11月16日');
    await page.goto('/');
    await page.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/\/page\/2$/);
    await page.locator('main article h2 a').first().click();
    await expect(page.locator('article header h1')).toBeVisible();
  });
});
