import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { watchCanary } from './guard';
import { SITE } from './hexo-site.mjs';

const SEED = '/posts/chongqing-talent-conference-2021';
const SEED_TITLE = '2021重庆英才大会将于11月20—21日举办';
// Name, description, zone and language come from the Hexo site's _config.yml (hexo-site.mjs).
const NAME = SITE.title;
const DESCRIPTION = SITE.subtitle;

const meta = (page: Page, selector: string) => page.locator(selector).first().getAttribute('content');

async function jsonLd(page: Page) {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return scripts.map((text) => JSON.parse(text) as Record<string, unknown>);
}

test('an article page: title, description, canonical URL, Open Graph, Twitter card and NewsArticle', async ({
  page,
  baseURL,
}) => {
  await page.goto(SEED);
  await expect(page).toHaveTitle(`${SEED_TITLE} - ${NAME}`);
  expect(await meta(page, 'meta[name="description"]')).toMatch(/^11月16日，记者从2021重庆英才大会/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${SEED}`);
  expect(await meta(page, 'meta[property="og:type"]')).toBe('article');
  // language zh-Hans, completed with its likely region.
  expect(await meta(page, 'meta[property="og:locale"]')).toBe('zh_CN');
  expect(await meta(page, 'meta[property="og:title"]')).toBe(SEED_TITLE);
  expect(await meta(page, 'meta[property="og:url"]')).toBe(`${baseURL}${SEED}`);
  expect(await meta(page, 'meta[property="og:image"]')).toMatch(
    /^https:\/\/cors\.zfour\.workers\.dev\/\?http:\/\/static\.1sapp\.com\//,
  );
  expect(await meta(page, 'meta[property="article:published_time"]')).toBe('2021-11-16T09:12:02.000Z');
  expect(await meta(page, 'meta[name="twitter:card"]')).toBe('summary_large_image');
  expect(await jsonLd(page)).toEqual([
    expect.objectContaining({
      '@type': 'NewsArticle',
      headline: SEED_TITLE,
      // 09:12:02 GMT in the site's Asia/Tokyo.
      datePublished: '2021-11-16T18:12:02+09:00',
      author: [{ '@type': 'Person', name: '趣头条' }],
      articleSection: '新媒体 › 趣头条 › 分类',
      mainEntityOfPage: `${baseURL}${SEED}`,
    }),
  ]);
});

test('a title made of </script><script> stays inside its JSON-LD and never runs', async ({ page }) => {
  const fired = await watchCanary(page);
  await page.goto('/posts/bad/html-fields');
  const [data] = await jsonLd(page);
  expect(data?.headline).toBe('<b>粗体</b></script><script>window.__canaryRan=1</script>');
  expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
  expect(fired).toEqual([]);
});

const PAGES: [url: string, title: string, canonical: string, description: string][] = [
  // Next.js writes the home page's canonical URL as the bare origin.
  ['/', NAME, '', DESCRIPTION],
  ['/page/2', `第 2 页 - ${NAME}`, '/page/2', DESCRIPTION],
  ['/categories', `全部分类 - ${NAME}`, '/categories', DESCRIPTION],
  ['/categories/%E7%A7%91%E6%8A%80', `科技 - ${NAME}`, '/categories/%E7%A7%91%E6%8A%80', `${NAME}「科技」栏目的新闻`],
  ['/tags', `全部标签 - ${NAME}`, '/tags', DESCRIPTION],
  ['/archives', `归档 - ${NAME}`, '/archives', DESCRIPTION],
  ['/archives/2021/11', `2021 年 11 月 - ${NAME}`, '/archives/2021/11', `${NAME} 2021 年 11 月的新闻`],
  ['/tags/%E9%87%8D%E5%BA%86', `#重庆 - ${NAME}`, '/tags/%E9%87%8D%E5%BA%86', `${NAME}标签「重庆」下的新闻`],
];

test('every listing has its title, description, canonical URL and the feeds in its head', async ({ page, baseURL }) => {
  for (const [url, title, canonical, description] of PAGES) {
    await page.goto(url);
    await expect(page, url).toHaveTitle(title);
    expect(await meta(page, 'meta[name="description"]'), url).toBe(description);
    await expect(page.locator('link[rel="canonical"]'), url).toHaveAttribute('href', `${baseURL}${canonical}`);
    for (const [type, href] of [
      ['application/rss+xml', '/feed.xml'],
      ['application/atom+xml', '/atom.xml'],
      ['application/feed+json', '/feed.json'],
    ]) {
      await expect(page.locator(`link[rel="alternate"][type="${type}"]`).first(), `${url} ${type}`).toHaveAttribute(
        'href',
        `${baseURL}${href}`,
      );
    }
  }
});

test('a category advertises its own feeds too', async ({ page, baseURL }) => {
  await page.goto('/categories/%E7%A7%91%E6%8A%80');
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(2);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').nth(1)).toHaveAttribute(
    'href',
    `${baseURL}/categories/%E7%A7%91%E6%8A%80/feed.xml`,
  );
});

test('the 404 page is titled so and not indexed', async ({ page }) => {
  const response = await page.goto('/posts/no-such-article');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle(`页面不存在 - ${NAME}`);
  expect(await meta(page, 'meta[name="robots"]')).toMatch(/noindex/);
});
