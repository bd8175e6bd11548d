import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS_FILE, SITE } from './hexo-site.mjs';

// The server is given CONTENT_DIR=.e2e/site/source and no other site setting (playwright.config.ts):
// each value here reaches the site from the Hexo site's _config.yml, and differs from the default.
const root = path.resolve(__dirname, '../..');
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const SEED = '/posts/chongqing-talent-conference-2021';

test.describe('a Hexo site served as is: the settings of its _config.yml', () => {
  test('are said to be read, once, by the server that starts', () => {
    const log = readFileSync(path.join(root, '.e2e/server.log'), 'utf8');
    expect(log.split('\n').filter((line) => line.startsWith('[config] '))).toEqual([
      `[config] settings read from ${SETTINGS_FILE}: title, subtitle, language, timezone, url, permalink, per_page (environment variables override them)`,
    ]);
  });

  test('title and subtitle: the header, the page titles and the meta description', async ({ page }) => {
    await page.goto('/');
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: SITE.title })).toBeVisible();
    await expect(header).toContainText(SITE.subtitle);
    await expect(page).toHaveTitle(SITE.title);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', SITE.subtitle);
    // Hexo's description is the meta description of Hexo themes; here the subtitle has both places.
    expect(await page.content()).not.toContain(SITE.description);
    await page.goto('/categories');
    await expect(page).toHaveTitle(`全部分类 - ${SITE.title}`);
  });

  test('url: canonical addresses, feeds and the sitemap', async ({ page, request }) => {
    await page.goto(SEED);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${ORIGIN}${SEED}`);
    const feed = (await (await request.get('/feed.json')).json()) as {
      home_page_url: string;
      items: { url: string }[];
    };
    expect(feed.home_page_url).toBe(`${ORIGIN}/`);
    expect(feed.items.map((item) => item.url)).toContain(`${ORIGIN}${SEED}`);
    expect(await (await request.get('/robots.txt')).text()).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });

  test('timezone: dates are shown, and written, in Asia/Tokyo', async ({ page }) => {
    await page.goto(SEED);
    // Tue, 16 Nov 2021 09:12:02 GMT.
    await expect(page.locator('article header time')).toHaveText('2021年11月16日 18:12');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd.datePublished).toBe('2021-11-16T18:12:02+09:00');
  });

  test('language: the page language, and the Open Graph locale it implies', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'zh_CN');
  });

  test('per_page: listings have 10 articles a page', async ({ page }) => {
    for (const url of ['/', '/page/2', '/categories/XSS', '/archives/2001/01', '/search?q=xss']) {
      await page.goto(url);
      await expect(page.locator('main article'), url).toHaveCount(SITE.perPage);
    }
  });

  test('permalink :year/:month/:day/:name/: an old address by its file name alone redirects', async ({
    page,
    request,
  }) => {
    // _posts/2021/rail-line-opening.md, dated Mon, 22 Nov 2021 13:02:48 GMT (22:02 in Tokyo).
    expect((await request.get('/2021/11/22/rail-line-opening/', { maxRedirects: 0 })).status()).toBe(308);
    await page.goto('/2021/11/22/rail-line-opening/');
    await expect(page).toHaveURL(/\/posts\/2021\/rail-line-opening$/);
    // Hexo's default :title would have kept the folder.
    expect((await request.get('/2021/11/22/2021/rail-line-opening', { maxRedirects: 0 })).status()).toBe(404);
  });
});
