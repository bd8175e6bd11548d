import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { guardPage, unsafeMarkup } from './guard';
import { SITE } from './hexo-site.mjs';
import { PREVIEW_SECRET } from './preview-secret.mjs';

// Its tests are independent: two workers share them (playwright.config.ts runs files whole otherwise).
test.describe.configure({ mode: 'parallel' });

const SEED_TITLE = '2021重庆英才大会将于11月20—21日举办';
const DRAFT_TITLE = '（草稿）冬季养生指南：专家提醒注意防寒保暖和科学进补';

const resultTitles = (page: Page) => page.locator('main article h2 a').allTextContents();

async function searchFromHeader(page: Page, query: string) {
  await page.goto('/');
  const form = page.getByRole('banner').getByRole('search');
  await form.getByRole('searchbox', { name: '搜索文章' }).fill(query);
  await form.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(`/search?q=${encodeURIComponent(query)}`);
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`the header form, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a Chinese query finds the seed article, with the match marked', async ({ page }) => {
      await searchFromHeader(page, '人才');
      await expect(page).toHaveTitle(/^搜索：人才 - /);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('搜索：人才');
      expect(await resultTitles(page)).toContain(SEED_TITLE);
      const seed = page.locator('main article').filter({ hasText: SEED_TITLE });
      await expect(seed.locator('mark').first()).toHaveText('人才');
      await expect(seed.locator('time')).toHaveAttribute('datetime', '2021-11-16T09:12:02.000Z');
      await expect(seed.getByRole('link', { name: '新媒体' })).toBeVisible();
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    });
  });
}

test('an English query is case-insensitive and a title match comes first', async ({ page }) => {
  for (const q of ['energy', 'ENERGY', 'Ｅｎｅｒｇｙ']) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(await resultTitles(page), q).toEqual([
      'Europe Braces for Winter as Energy Prices Stay High',
      'Analysts Expect a Steadier but Selective Market in 2022',
    ]);
  }
});

test('results are paginated', async ({ page }) => {
  await page.goto('/search?q=xss');
  await expect(page.getByRole('status')).toContainText('第 1 / ');
  const first = await resultTitles(page);
  expect(first).toHaveLength(SITE.perPage);
  await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL('/search?q=xss&page=2');
  const second = await resultTitles(page);
  expect(second).toHaveLength(SITE.perPage);
  expect(second.filter((t) => first.includes(t))).toEqual([]);
  for (const bad of ['0', 'x', '-1', '1.5', '99999']) {
    const response = await page.request.get(`/search?q=xss&page=${bad}`, { maxRedirects: 0 });
    expect(response.status(), bad).toBe(307);
    expect(response.headers().location, bad).toBe('/search?q=xss');
  }
});

test('absurd queries give a clear page', async ({ page }) => {
  const cases: [string, string | RegExp][] = [
    ['', '请输入要搜索的词语'],
    ['。，！？', '没有可搜索的文字或数字'],
    ['.*+?^${}()|[]\\', '没有可搜索的文字或数字'],
    ['😀🎉👍🏽', '没有可搜索的文字或数字'],
    ['<script>alert(1)</script>', /找到 \d+ 篇相关文章/],
    // 10,000 Chinese characters would be a 90 kB URL, which Node's HTTP parser refuses (431) before the app.
    ['人才' + 'x'.repeat(9_998), '只搜索了开头的部分（最多 200 个字符、12 个词）'],
    ['zzzzqqqq', '没有找到相关文章'],
  ];
  for (const [q, message] of cases) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q.slice(0, 20)).toBe(200);
    await expect(page.getByRole('status')).toContainText(message);
  }
});

test('XSS payloads shown in results do nothing', async ({ page, baseURL }) => {
  test.setTimeout(5 * 60_000);
  const guard = await guardPage(page, baseURL!);
  // Every page of `xss` holds every XSS article once; the other queries mark matches inside the
  // payloads' text, which their first pages show as well as the rest.
  for (const q of ['xss', 'script', 'onerror', 'javascript', 'canary', 'svg onload', 'iframe srcdoc']) {
    for (let n = 1; n === 1 || q === 'xss'; n++) {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}&page=${n}`);
      expect(response?.status()).toBe(200);
      if (n === 1) expect((await resultTitles(page)).length, q).toBeGreaterThan(0);
      expect(await guard.fired(), `${q} ${n}`).toEqual([]);
      // The search page's own form is the only form in <main>.
      expect(await unsafeMarkup(page), `${q} ${n}`).toEqual(['<form>', '<input>', '<button>']);
      if ((await page.getByRole('link', { name: '下一页' }).count()) === 0) break;
    }
  }
  expect(guard.dialogs).toEqual([]);
  expect(guard.externalRequests).toEqual([]);
  expect(guard.errors).toEqual([]);
});

test('drafts are found only in preview', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent('冬季养生')}`);
  expect(await resultTitles(page)).toEqual([]);
  await page.goto(`/api/draft?secret=${encodeURIComponent(PREVIEW_SECRET)}&slug=drafts/winter-health-tips`);
  await page.goto(`/search?q=${encodeURIComponent('冬季养生')}`);
  expect(await resultTitles(page)).toEqual([DRAFT_TITLE]);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
});
