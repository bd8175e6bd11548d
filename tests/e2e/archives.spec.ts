import type { APIRequestContext, Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { guardPage } from './guard';
import { SITE } from './hexo-site.mjs';
import { XSS_ARTICLES } from './xss-articles.mjs';

// Its tests are independent: two workers share them (playwright.config.ts runs files whole otherwise).
test.describe.configure({ mode: 'parallel' });

// The Hexo site's _config.yml sets the zone and the page size (hexo-site.mjs). In its Asia/Tokyo,
// every fixture is in the month it is in for Shanghai, the app's default zone.
const SITE_TIMEZONE = SITE.timezone;
const PAGE_SIZE = SITE.perPage;
const pages = (count: number) => Math.ceil(count / PAGE_SIZE);
const onLastPage = (count: number) => count - (pages(count) - 1) * PAGE_SIZE;
/** The XSS articles, all in January 2001. */
const XSS = XSS_ARTICLES.length;
const SEED_SLUG = 'chongqing-talent-conference-2021';
const SEED_TITLE = '2021重庆英才大会将于11月20—21日举办';
// The `date:` of content/chongqing-talent-conference-2021.md and content/重庆火锅节开幕.md.
const SEED_DATE = 'Tue, 16 Nov 2021 09:12:02 GMT';
const CHINESE_SLUG = '重庆火锅节开幕';
const CHINESE_DATE = 'Mon, 27 Dec 2021 09:00:00 GMT';

/** `YYYY/MM/DD` of a date as the site's clocks show it: Hexo's `:year/:month/:day`. */
function hexoDay(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: SITE_TIMEZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}/${part('month')}/${part('day')}`;
}

const SEED_LINK = `/${hexoDay(new Date(SEED_DATE))}/${SEED_SLUG}`;
const CHINESE_LINK = `/${hexoDay(new Date(CHINESE_DATE))}/${CHINESE_SLUG}`;

/** The status of each hop a page load took, first to last. */
async function hops(response: Response | null): Promise<number[]> {
  const statuses: number[] = [];
  for (let request = response?.request() ?? null; request; request = request.redirectedFrom()) {
    statuses.unshift((await request.response())?.status() ?? 0);
  }
  return statuses;
}

async function redirectOf(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  // A page's own redirect (`/archives/2021/page/1`) carries its Location header twice on the page's
  // first render (vercel/next.js#82117); it is one address. Old links do not: see old-links.spec.ts.
  const location = response.headers().location;
  return { status: response.status(), location: location && [...new Set(location.split(', '))].join(', ') };
}

/** The titles of a listing, from every one of its pages. */
async function allTitles(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const titles: string[] = [];
  for (;;) {
    titles.push(...(await page.locator('main article h2').allTextContents()));
    const next = page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' });
    if ((await next.count()) === 0) return titles;
    await page.goto((await next.getAttribute('href'))!);
  }
}

async function yearsListed(page: Page) {
  return page
    .locator('main ol > li')
    .evaluateAll((items) =>
      items.map((li) => [
        li.querySelector('h2')!.textContent!.trim(),
        [...li.querySelectorAll('nav li')].map((m) => m.textContent!.trim()),
      ]),
    );
}

test.describe('date archives', () => {
  test("/archives lists every year, newest first, with its months and counts in the site's zone", async ({
    page,
    baseURL,
  }) => {
    const guard = await guardPage(page, baseURL!);
    const now = new Date();
    const [year, month] = hexoDay(now).split('/').map(Number);
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: '归档' }).click();
    await expect(page).toHaveURL(/\/archives$/);
    await expect(page.getByRole('heading', { level: 1, name: '归档' })).toBeVisible();
    expect(await yearsListed(page)).toEqual([
      // bad/no-front-matter.md has no date and five bad/ files have unreadable ones: they are dated
      // by their files' creation time, just before the build.
      [`${year} 年6 篇`, [`${month} 月 (6)`]],
      ['2022 年4 篇', ['2 月 (1)', '1 月 (3)']],
      // The seed articles, and the two month-end fixtures: one in December, one in November.
      ['2021 年35 篇', ['12 月 (8)', '11 月 (12)', '10 月 (8)', '9 月 (7)']],
      // The old links' articles, and the asset articles of asset-files.mjs (their draft is not counted).
      ['2003 年5 篇', ['5 月 (2)', '4 月 (1)', '3 月 (2)']],
      ['2002 年13 篇', ['6 月 (13)']],
      [`2001 年${XSS} 篇`, [`1 月 (${XSS})`]],
    ]);
    expect(guard.errors).toEqual([]);
  });

  test("a month holds the articles dated in it in the site's zone: 17:00 GMT on 30 November is December", async ({
    page,
  }) => {
    const december = await allTitles(page, '/archives/2021/12');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2021 年 12 月8 篇');
    expect(december).toHaveLength(8);
    expect(december.filter((t) => t.includes('月末格林尼治时间'))).toHaveLength(1);
    expect(december.filter((t) => t.includes('月末当地时间'))).toHaveLength(0);
    expect(december.filter((t) => t.includes(CHINESE_SLUG.slice(0, 4)))).toHaveLength(1);

    const november = await allTitles(page, '/archives/2021/11');
    expect(november).toHaveLength(12);
    expect(november.filter((t) => t.includes('月末当地时间'))).toHaveLength(1);
    expect(november.filter((t) => t.includes('月末格林尼治时间'))).toHaveLength(0);
    expect(november.filter((t) => t.includes(SEED_TITLE))).toHaveLength(1);
    await page.goto('/archives/2021/11');
    await expect(page.getByRole('navigation', { name: '分页' })).toHaveCount(pages(12) > 1 ? 1 : 0);
  });

  test('a year pages through its articles and links to its months', async ({ page, request, baseURL }) => {
    const guard = await guardPage(page, baseURL!);
    await page.goto('/archives/2021');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2021 年35 篇');
    await expect(page.locator('main article')).toHaveCount(PAGE_SIZE);
    const dates = await page
      .locator('main article time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
    await page.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/\/archives\/2021\/page\/2$/);
    await expect(page.locator('main article')).toHaveCount(Math.min(PAGE_SIZE, 35 - PAGE_SIZE));
    await expect(page.locator('main [aria-current="page"]').last()).toHaveText(/2/);
    expect(await redirectOf(request, '/archives/2021/page/1')).toEqual({ status: 308, location: '/archives/2021' });

    await page.getByRole('navigation', { name: '面包屑' }).getByRole('link', { name: '2021 年' }).click();
    await page.getByRole('navigation', { name: '月份' }).getByRole('link', { name: '9 月 (7)' }).click();
    await expect(page).toHaveURL(/\/archives\/2021\/09$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2021 年 9 月7 篇');
    expect(guard.errors).toEqual([]);
  });

  test('a month pages through its articles', async ({ page, request }) => {
    await page.goto('/archives/2001/01');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`2001 年 1 月${XSS} 篇`);
    await expect(page.locator('main article')).toHaveCount(PAGE_SIZE);
    const last = pages(XSS);
    await page.getByRole('link', { name: `第 ${last} 页` }).click();
    await expect(page).toHaveURL(new RegExp(`/archives/2001/01/page/${last}$`));
    await expect(page.locator('main article')).toHaveCount(onLastPage(XSS));
    await page.getByRole('link', { name: '上一页' }).click();
    await expect(page).toHaveURL(new RegExp(`/archives/2001/01/page/${last - 1}$`));
    await expect(page.locator('main article')).toHaveCount(PAGE_SIZE);
    expect(await redirectOf(request, '/archives/2001/01/page/1')).toEqual({
      status: 308,
      location: '/archives/2001/01',
    });
  });

  test('nonsense, and years, months and pages without articles, are 404', async ({ request }) => {
    for (const path of [
      '/archives/2021/13',
      '/archives/2021/00',
      '/archives/2021/1',
      '/archives/2021/011',
      '/archives/0',
      '/archives/abcd',
      '/archives/21',
      '/archives/2020',
      '/archives/2021/08',
      '/archives/2021/11/30',
      `/archives/2021/page/${pages(35) + 1}`,
      '/archives/2021/page/0',
      '/archives/2021/page/02',
      `/archives/2021/11/page/${pages(12) + 1}`,
      '/archives/2021/11/page/x',
      `/archives/2001/01/page/${pages(XSS) + 1}`,
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toContain('页面不存在');
    }
  });
});

test.describe('old Hexo links', () => {
  test('a reader following an old link to the seed article lands on it through a 308', async ({ page, request }) => {
    expect(SEED_LINK).toBe('/2021/11/16/chongqing-talent-conference-2021');
    expect(await redirectOf(request, SEED_LINK)).toEqual({ status: 308, location: `/posts/${SEED_SLUG}` });
    expect(await redirectOf(request, `${SEED_LINK}/index.html`)).toEqual({
      status: 308,
      location: `/posts/${SEED_SLUG}`,
    });
    // With Hexo's trailing slash too, in one hop (proxy.ts; old-links.spec.ts checks every form).
    expect(await redirectOf(request, `${SEED_LINK}/`)).toEqual({ status: 308, location: `/posts/${SEED_SLUG}` });

    const response = await page.goto(`${SEED_LINK}/`);
    expect(await hops(response)).toEqual([308, 200]);
    await expect(page).toHaveURL(new RegExp(`/posts/${SEED_SLUG}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
    // The day is the site zone's: a day off either way is not an old address.
    for (const day of ['2021/11/15', '2021/11/17']) {
      expect((await request.get(`/${day}/${SEED_SLUG}/`)).status(), day).toBe(404);
    }
  });

  test('a Chinese slug works as typed and percent-encoded in either case', async ({ page, request }) => {
    expect(CHINESE_LINK).toBe(`/2021/12/27/${CHINESE_SLUG}`);
    const target = `/posts/${encodeURIComponent(CHINESE_SLUG)}`;
    const encoded = `/2021/12/27/${encodeURIComponent(CHINESE_SLUG)}`;
    for (const path of [CHINESE_LINK, encoded, encoded.toLowerCase()]) {
      expect(await redirectOf(request, path), path).toEqual({ status: 308, location: target });
      expect((await redirectOf(request, `${path}/`)).status, path).toBe(308);
    }

    for (const path of [CHINESE_LINK, `${CHINESE_LINK}/`, `${encoded}/`]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(new RegExp(`${target}$`));
      await expect(page.getByRole('heading', { level: 1 })).toContainText('重庆火锅美食节开幕');
    }
  });

  test('a front-matter permalink redirects, unless a route of the site has its address', async ({ page, request }) => {
    expect(await redirectOf(request, '/2003/03/old-name.html')).toEqual({
      status: 308,
      location: '/posts/legacy/moved',
    });
    // Its pattern address is not its old address: the front matter replaced it, as in Hexo.
    expect((await request.get('/2003/03/01/legacy/moved')).status()).toBe(404);

    const target = `/posts/legacy/${encodeURIComponent('中文地址')}`;
    expect(await redirectOf(request, `/${encodeURIComponent('旧闻')}/${encodeURIComponent('中文地址')}`)).toEqual({
      status: 308,
      location: target,
    });
    await page.goto('/旧闻/中文地址/');
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('中文旧地址的文章');

    const taken = await page.goto('/tags/重庆/');
    expect(taken?.status()).toBe(200);
    await expect(page).toHaveURL(/\/tags\/(?:%E9%87%8D%E5%BA%86|重庆)$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('#重庆');
  });

  test("Hexo's trailing-slash category and tag addresses reach the listings, raw and encoded", async ({
    page,
    request,
  }) => {
    const category = ['科技', '人工智能'];
    const encodedCategory = category.map(encodeURIComponent).join('/');
    for (const [path, heading] of [
      [`/categories/${category.join('/')}/`, '人工智能'],
      [`/categories/${encodedCategory}/`, '人工智能'],
      ['/tags/重庆/', '#重庆'],
      [`/tags/${encodeURIComponent('重庆')}/`, '#重庆'],
      ['/categories/新媒体/趣头条/分类/', '分类'],
    ]) {
      const first = await redirectOf(request, path!);
      expect(first.status, path).toBe(308);
      expect(first.location, path).toBe(path!.slice(0, -1).replace(/[^\x00-\x7f]+/g, encodeURIComponent));
      const response = await page.goto(path!);
      expect(await hops(response), path).toEqual([308, 200]);
      await expect(page.getByRole('heading', { level: 1 }), path).toContainText(heading!);
    }
  });

  test('the catch-all leaves files, metadata, Next.js assets and API routes alone, and 404s the rest', async ({
    request,
  }) => {
    const icon = await request.get('/icon.svg');
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    const robots = await request.get('/robots.txt');
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/^User-agent: \*$/im);
    expect((await request.get('/_next/static/no-such-file.js')).status()).toBe(404);
    const api = await request.get('/api/draft?secret=wrong');
    expect(api.status()).toBe(401);
    expect(await api.text()).toBe('Wrong or missing preview secret.\n');
    expect((await request.get(`/posts/${SEED_SLUG}`)).status()).toBe(200);
    for (const path of ['/no/such/route', '/2021/11/16/no-such-article', '/posts', '/2021']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toContain('页面不存在');
    }
  });
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the archives and an old link are navigable', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: '归档' }).click();
    await expect(page).toHaveURL(/\/archives$/);
    await page.getByRole('link', { name: '2021 年' }).click();
    await expect(page).toHaveURL(/\/archives\/2021$/);
    await page.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/\/archives\/2021\/page\/2$/);
    await page.getByRole('navigation', { name: '面包屑' }).getByRole('link', { name: '2021 年' }).click();
    await page.getByRole('navigation', { name: '月份' }).getByRole('link', { name: '11 月 (12)' }).click();
    await expect(page).toHaveURL(/\/archives\/2021\/11$/);
    await page.locator('main article h2 a', { hasText: SEED_TITLE }).click();
    await expect(page).toHaveURL(new RegExp(`/posts/${SEED_SLUG}$`));

    await page.goto(`${SEED_LINK}/`);
    await expect(page).toHaveURL(new RegExp(`/posts/${SEED_SLUG}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
  });
});
