import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR, HEXO_DRAFT, POSTS } from './hexo-site.mjs';
import { PREVIEW_SECRET } from './preview-secret.mjs';

const root = path.resolve(__dirname, '../..');
const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const DRAFT = '/posts/drafts/winter-health-tips';
const DRAFT_TITLE = '（草稿）冬季养生指南：专家提醒注意防寒保暖和科学进补';
const EDITED_FILE = path.join(root, CONTENT_DIR, POSTS, 'drafts/e2e-edited-draft.md');
const enter = (slug: string) =>
  `/api/draft?secret=${encodeURIComponent(PREVIEW_SECRET)}&slug=${encodeURIComponent(slug)}`;

function editedDraft(title: string) {
  writeFileSync(
    EDITED_FILE,
    `---\ntitle: ${title}\ndate: 2021-12-30 08:00:00\ndraft: true\ncategories: [生活]\n---\n<p onclick="alert(1)">编辑中的正文。<script>alert(2)</script><a href="javascript:alert(3)">链接</a></p>\n`,
  );
}

async function draftVisible(page: Page, url: string) {
  // The feed's first pages: newer articles (and files dated by their creation) push an old draft down.
  const urls = url === '/' ? ['/', '/page/2', '/page/3'] : [url];
  let count = 0;
  for (const each of urls) {
    await page.goto(each);
    count += await page.getByRole('link', { name: DRAFT_TITLE }).count();
  }
  return count;
}

test.describe.configure({ mode: 'serial' });

test.afterAll(() => rmSync(EDITED_FILE, { force: true }));

test.describe('outside preview, drafts do not exist', () => {
  test('not at their URL, nor in the feed, a category or a tag', async ({ page, request }) => {
    expect((await request.get(DRAFT)).status()).toBe(404);
    for (const url of ['/', '/categories/生活', '/categories/生活/健康', '/tags/冬季']) {
      expect(await draftVisible(page, url), url).toBe(0);
    }
  });

  test("nor does a file of the Hexo site's _drafts/ folder", async ({ page, request }) => {
    expect((await request.get(`/posts/${HEXO_DRAFT.slug}`)).status()).toBe(404);
    await page.goto('/categories/生活');
    await expect(page.getByRole('link', { name: HEXO_DRAFT.title })).toHaveCount(0);
  });

  test('a wrong or missing secret is 401 and sets no cookie', async ({ page, context }) => {
    for (const url of ['/api/draft?secret=wrong&slug=drafts/winter-health-tips', '/api/draft?slug=x', '/api/draft']) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(401);
    }
    expect(await context.cookies()).toEqual([]);
    expect((await page.goto(DRAFT))?.status()).toBe(404);
  });

  test('the redirect target stays on this site', async ({ request }) => {
    for (const slug of ['//evil.example/x', '/\\evil.example', 'https://evil.example/']) {
      const response = await request.get(enter(slug), { maxRedirects: 0 });
      const location = response.headers()['location'];
      if (location) expect(location, slug).toMatch(/^\/(?![/\\])/);
      else expect([400, 404], slug).toContain(response.status());
    }
  });
});

test.describe('an editor in preview', () => {
  // One browser session for the whole visit, as an editor's: preview lives in its cookie.
  let context: BrowserContext;
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext({ baseURL: BASE_URL });
    page = await context.newPage();
  });
  test.afterAll(() => context.close());

  test('sees the draft, marked, with a banner, noindex and the sanitizer report', async () => {
    const response = await page.goto(enter('drafts/winter-health-tips'));
    expect(new URL(page.url()).pathname).toBe(DRAFT);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toMatch(/no-store/);
    await expect(page.locator('h1')).toHaveText(DRAFT_TITLE);
    await expect(page.getByRole('region', { name: '预览模式' })).toBeVisible();
    await expect(page.locator('main article header')).toContainText('草稿');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.getByRole('heading', { name: '净化报告（仅预览可见）' })).toBeVisible();
  });

  test('finds drafts everywhere a published article would be', async () => {
    for (const url of ['/', '/categories/生活', '/categories/生活/健康', '/tags/冬季']) {
      expect(await draftVisible(page, url), url).toBe(1);
      await expect(page.getByRole('region', { name: '预览模式' }), url).toBeVisible();
    }
    // The _drafts/ folder's draft too, at its path under that folder.
    await page.goto('/categories/生活');
    await page.getByRole('link', { name: HEXO_DRAFT.title }).click();
    await expect(page).toHaveURL(new RegExp(`/posts/${HEXO_DRAFT.slug}$`));
    await expect(page.locator('main article header')).toContainText('草稿');
  });

  test('sees a saved edit on reload, with what sanitizing removed and why', async () => {
    editedDraft('编辑中的草稿');
    await page.goto(enter('drafts/e2e-edited-draft'));
    await expect(page.locator('h1')).toHaveText('编辑中的草稿');
    const report = page.locator('section[aria-labelledby="sanitize-report"]');
    await expect(report.locator('li[data-reason="element-not-allowed-with-content"]')).toContainText('<script>');
    await expect(report.locator('li[data-reason="event-handler"]')).toContainText('onclick');
    await expect(report.locator('li[data-reason="unsafe-url"]')).toContainText('javascript:alert(3)');

    editedDraft('改过标题的草稿');
    await page.reload();
    await expect(page.locator('h1')).toHaveText('改过标题的草稿');
    await page.goto('/categories/生活');
    await expect(page.getByRole('link', { name: '改过标题的草稿' })).toHaveCount(1);
  });

  test('does not leave preview pages in the cache for readers', async ({ browser }) => {
    // The oldest articles are not prerendered: their first render happens here, in preview.
    await page.goto('/posts/xss/payload-000');
    await expect(page.getByRole('region', { name: '预览模式' })).toBeVisible();
    const reader = await browser.newContext({ baseURL: BASE_URL });
    const readerPage = await reader.newPage();
    await readerPage.goto('/posts/xss/payload-000');
    await expect(readerPage.locator('h1')).toContainText('XSS 0 ');
    await expect(readerPage.getByRole('region', { name: '预览模式' })).toHaveCount(0);
    await expect(readerPage.locator('meta[name="robots"]')).toHaveCount(0);
    for (const url of ['/', DRAFT]) await readerPage.goto(url);
    expect(await readerPage.getByRole('link', { name: DRAFT_TITLE }).count()).toBe(0);
    await reader.close();
  });

  test('leaves preview from the banner, back on the same page, and the drafts are gone', async () => {
    await page.goto('/categories/生活');
    await page.getByRole('link', { name: '退出预览' }).click();
    await expect(page).toHaveURL(/\/categories\/(%E7%94%9F%E6%B4%BB|生活)$/);
    await expect(page.getByRole('region', { name: '预览模式' })).toHaveCount(0);
    expect(await context.cookies()).toEqual([]);
    expect(await page.getByRole('link', { name: DRAFT_TITLE }).count()).toBe(0);
    expect(await draftVisible(page, '/')).toBe(0);
    expect((await page.goto(DRAFT))?.status()).toBe(404);
  });
});
