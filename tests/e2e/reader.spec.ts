import { expect, test } from './fixtures';
import { brokenImagesShown, guardPage } from './guard';
import { SITE } from './hexo-site.mjs';

// Its tests are independent: two workers share them (playwright.config.ts runs files whole otherwise).
test.describe.configure({ mode: 'parallel' });

const SEED = '/posts/chongqing-talent-conference-2021';
const SEED_TITLE = '2021重庆英才大会将于11月20—21日举办';
const CHINESE_SLUG = '重庆火锅节开幕';

test.describe('a reader', () => {
  test('sees the newest articles on the feed, a page at a time, and pages through it', async ({ page, baseURL }) => {
    const guard = await guardPage(page, baseURL!);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '最新文章' })).toBeVisible();
    const items = page.locator('main article');
    await expect(items).toHaveCount(SITE.perPage);
    const dates = await items.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());

    await page.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/\/page\/2$/);
    await expect(page.locator('main [aria-current="page"]')).toHaveText(/2/);
    await expect(page.locator('main article')).toHaveCount(SITE.perPage);
    expect(guard.errors).toEqual([]);
    expect(await brokenImagesShown(page, guard)).toEqual([]);
  });

  test('gets a permanent redirect from /page/1 and a 404 for pages that do not exist', async ({ request }) => {
    const first = await request.get('/page/1', { maxRedirects: 0 });
    expect(first.status()).toBe(308);
    expect(first.headers().location).toMatch(/\/$/);
    for (const path of [
      '/page/0',
      '/page/x',
      '/page/-1',
      '/page/01',
      '/page/99999',
      '/posts/no-such-article',
      '/categories/不存在',
      '/tags/不存在',
      '/no/such/route',
    ]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });

  test('browses a category at each level, with breadcrumbs and sub-categories', async ({ page, baseURL }) => {
    const guard = await guardPage(page, baseURL!);
    await page.goto('/categories');
    await expect(page.getByRole('heading', { level: 1, name: '全部分类' })).toBeVisible();
    await page.locator('main').getByRole('link', { name: '科技', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('科技');
    await page
      .getByRole('navigation', { name: '子分类' })
      .getByRole('link', { name: /人工智能/ })
      .click();
    await expect(page).toHaveURL(/\/categories\/%E7%A7%91%E6%8A%80\/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD$/);
    await page
      .getByRole('navigation', { name: '子分类' })
      .getByRole('link', { name: /大模型/ })
      .click();
    const crumbs = page.getByRole('navigation', { name: '面包屑' });
    await expect(crumbs).toContainText('全部分类');
    await expect(crumbs).toContainText('科技');
    await expect(crumbs).toContainText('人工智能');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('大模型');
    const cards = await page.locator('main article').allTextContents();
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card).toContain('大模型');
    expect(guard.errors).toEqual([]);
    expect(await brokenImagesShown(page, guard)).toEqual([]);
  });

  test('counts an article in every ancestor of its category', async ({ page }) => {
    await page.goto('/categories/新媒体');
    const top = Number((await page.locator('h1 span').textContent())!.replace(/\D/g, ''));
    await page.goto('/categories/新媒体/趣头条/分类');
    const leaf = Number((await page.locator('h1 span').textContent())!.replace(/\D/g, ''));
    expect(leaf).toBeGreaterThan(0);
    // 新媒体 also holds articles outside 趣头条 › 分类 (短视频 …), so it counts strictly more.
    expect(top).toBeGreaterThan(leaf);
    await expect(page.locator('main article').getByRole('link', { name: SEED_TITLE })).toBeVisible();
  });

  test('opens a tag from an article and sees its articles', async ({ page, baseURL }) => {
    const guard = await guardPage(page, baseURL!);
    await page.goto(`/posts/${encodeURIComponent(CHINESE_SLUG)}`);
    await page.getByRole('list', { name: '标签' }).getByRole('link').first().click();
    await expect(page).toHaveURL(/\/tags\//);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('#');
    await expect(page.locator('main article').first()).toBeVisible();
    expect(guard.errors).toEqual([]);
    expect(await brokenImagesShown(page, guard)).toEqual([]);
  });

  test("reads the seed article: title, date in the site's zone, author, breadcrumbs, image, body, neighbours", async ({
    page,
    baseURL,
  }) => {
    const guard = await guardPage(page, baseURL!);
    await page.goto(SEED);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
    const time = page.locator('article header time');
    await expect(time).toHaveAttribute('datetime', '2021-11-16T09:12:02.000Z');
    // 09:12 GMT in the Hexo site's Asia/Tokyo.
    await expect(time).toHaveText('2021年11月16日 18:12');
    await expect(page.locator('article header')).toContainText('趣头条');
    await expect(page.getByRole('navigation', { name: '面包屑' })).toContainText('新媒体');
    const bodyImage = page.locator('.article-body img').first();
    await expect(bodyImage).toHaveAttribute('width', '2668');
    await expect(bodyImage).toHaveAttribute('height', '2001');
    await expect(bodyImage).toHaveAttribute('referrerpolicy', 'no-referrer');
    await expect(bodyImage).toHaveAttribute('loading', 'lazy');
    await expect(page.locator('.article-body')).toContainText('突出“三个首次”办会');
    await expect(page.locator('.article-body pre')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: '上一篇与下一篇' })).toBeVisible();
    expect(guard.errors).toEqual([]);
    expect(await brokenImagesShown(page, guard)).toEqual([]);
  });

  test('sees when an article was updated', async ({ page }) => {
    await page.goto('/posts/tech/llm-chinese-benchmark');
    const updated = page.locator('article header span').filter({ hasText: '更新于' });
    await expect(updated.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  });

  test('reaches an article by its Chinese slug, raw or percent-encoded in any case', async ({ page, request }) => {
    const encoded = encodeURIComponent(CHINESE_SLUG);
    for (const path of [`/posts/${CHINESE_SLUG}`, `/posts/${encoded}`, `/posts/${encoded.toLowerCase()}`]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(await response.text()).toContain('火锅美食节开幕');
    }
    // Typed raw into the address bar, and a link written with the raw slug, followed by the browser.
    await page.goto(`/posts/${CHINESE_SLUG}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('火锅');
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    await page.evaluate((slug) => {
      const a = document.createElement('a');
      a.href = `/posts/${slug}`;
      a.textContent = 'raw link';
      document.body.append(a);
    }, CHINESE_SLUG);
    await page.getByRole('link', { name: 'raw link' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('火锅');
  });

  test('follows article links and previous/next by client-side navigation', async ({ page, baseURL }) => {
    const guard = await guardPage(page, baseURL!);
    await page.goto('/');
    const first = page.locator('main article h2 a').first();
    const title = (await first.textContent())!;
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await page.getByRole('link', { name: /上一篇/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(title);
    expect(guard.errors).toEqual([]);
    expect(await brokenImagesShown(page, guard)).toEqual([]);
  });

  test('on a phone, fetches ahead only the articles on screen, never the site navigation', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, baseURL });
    try {
      const page = await context.newPage();
      const prefetched: string[] = [];
      page.on('request', (request) => {
        if (request.headers()['next-router-prefetch'])
          prefetched.push(decodeURIComponent(new URL(request.url()).pathname));
      });
      const notArticles = () => prefetched.filter((path) => !path.startsWith('/posts/'));

      // The header, breadcrumbs, categories and tags are on screen from the start; the previous and
      // next articles only once scrolled to, and their prefetch shows that prefetching is running.
      await page.goto(SEED);
      await page.getByRole('navigation', { name: '上一篇与下一篇' }).scrollIntoViewIfNeeded();
      await expect.poll(() => prefetched.length).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      expect(notArticles()).toEqual([]);

      prefetched.length = 0;
      await page.goto('/');
      await expect.poll(() => prefetched.length).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      expect(notArticles()).toEqual([]);

      await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '科技' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('科技');
    } finally {
      await context.close();
    }
  });

  test('sees unsafe HTML in an article rendered harmlessly', async ({ page, baseURL }) => {
    const guard = await guardPage(page, baseURL!);
    await page.goto('/posts/tech/web-security-xss');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.article-body h1')).toHaveCount(0);
    await expect(page.locator('.article-body script, .article-body iframe, .article-body style')).toHaveCount(0);
    // Nothing hid or cut the page: the article's last paragraph, after every attack, is shown.
    await expect(page.locator('.article-body p').last()).toContainText('白名单优先');
    expect(await guard.fired()).toEqual([]);
    expect(guard.dialogs).toEqual([]);
  });

  test('gets a readable 404 page', async ({ page }) => {
    const response = await page.goto('/posts/does-not-exist');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
    await expect(page.getByRole('link', { name: '返回首页' })).toBeVisible();
  });

  test('has the page language, a skip link and a focusable main region', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', SITE.locale);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await skip.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });

  test('fits a 360 px phone screen without horizontal scrolling', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, baseURL });
    const page = await context.newPage();
    for (const path of ['/', SEED, '/categories', '/categories/科技']) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
