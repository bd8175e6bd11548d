import { expect, test } from './fixtures';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BAD_FILES, BAD_LINKS } from './bad-files.mjs';
import { watchCanary } from './guard';
import { CONTENT_DIR, POSTS, SETTINGS_FILE, SITE } from './hexo-site.mjs';

const root = path.resolve(__dirname, '../..');
const log = () => readFileSync(path.join(root, '.e2e/server.log'), 'utf8');
const contentLines = () =>
  log()
    .split('\n')
    .filter((line) => line.startsWith('[content] '));
const articleUrl = (slug: string) => `/posts/${slug.split('/').map(encodeURIComponent).join('/')}`;

/** Readable bad files: each still has a page (title shown), with what the reader sees of its body. */
const SERVED: { slug: string; title: string | RegExp; body?: string | RegExp }[] = [
  { slug: 'bad/no-front-matter', title: 'no-front-matter', body: '只有正文，没有标题和日期。' },
  { slug: 'bad/front-matter-only', title: '只有前言没有正文' },
  { slug: 'bad/bom', title: '带字节序标记的文章', body: 'BOM 正文。' },
  { slug: 'bad/crlf', title: 'Windows 换行的文章', body: 'CRLF 正文。' },
  { slug: 'bad/huge-body', title: '十兆字节的正文', body: /正文无法显示：file is 11\.\d MiB/ },
  { slug: 'bad/deep-nesting', title: '嵌套十万层', body: /正文无法显示：HTML is nested more than 256 elements deep/ },
  { slug: 'bad/long-title', title: /^长{300}$/, body: '标题两千字。' },
  {
    slug: 'bad/html-fields',
    title: '<b>粗体</b></script><script>window.__canaryRan=1</script>',
    body: '字段里的 HTML。',
  },
  { slug: 'bad/categories-number', title: '数字栏目', body: '数字。' },
  { slug: 'bad/categories-object', title: '对象栏目', body: '对象。' },
  { slug: 'bad/categories-null', title: '空栏目', body: '空。' },
  { slug: 'dup-slug', title: '重复一', body: '一。' },
  { slug: 'dup-slug-2', title: '重复二', body: '二。' },
  { slug: 'bad/带 空格 #?% 的文件', title: '文件名带空格和符号', body: '奇怪的文件名。' },
  // Unreadable dates: dated by the file instead, as Hexo does.
  { slug: 'bad/invalid-date', title: '日期错误', body: '正文' },
  { slug: 'bad/date-invalid-date', title: '生成器写的日期', body: '日期不明的新闻。' },
  { slug: 'bad/date-yesterday', title: '昨天', body: '正文' },
  { slug: 'bad/date-year-0', title: '公元零年', body: '正文' },
  { slug: 'bad/date-year-9999', title: '九九九九年', body: '正文' },
];

const REFUSED = [
  'bad/broken-yaml',
  'bad/empty',
  'bad/binary',
  'bad/js-front-matter',
  'bad/coffee-front-matter',
  'bad/self-loop',
  'bad/unreadable',
];

/** Every bad file with something to report is named, with its reason, in exactly one of `lines`. */
function expectEachReportedOnce(lines: string[]) {
  const expected = [...Object.entries(BAD_FILES), ...Object.entries(BAD_LINKS)].filter(([, f]) => f.reported);
  for (const [name, { reported }] of expected) {
    expect(
      lines.filter((line) => reported!.test(line)),
      name,
    ).toHaveLength(1);
  }
}

test.describe('bad files in the content folder', () => {
  test('each is reported once in the build and server log, with its path and reason', () => {
    const lines = contentLines();
    expectEachReportedOnce(lines);
    // Nothing is logged twice, though the build and the server each read the content.
    const repeated = lines.filter((line, i) => lines.indexOf(line) !== i);
    expect(repeated).toEqual([]);
  });

  test('npm run check:content reports each of them too, and fails', () => {
    const run = spawnSync('npm', ['run', '-s', 'check:content', '--', CONTENT_DIR, '--json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(run.status, run.stderr).toBe(1);
    // With the Hexo site's time zone and permalink pattern, as the server.
    expect(run.stderr).toContain(`[config] settings read from ${SETTINGS_FILE}: `);
    const report = JSON.parse(run.stdout) as { problems: { file: string; line?: number; reason: string }[] };
    const lines = report.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`);
    expectEachReportedOnce(lines);
  });

  test('files with nothing wrong enough to report are not reported', () => {
    const lines = contentLines();
    // Lines name files as this test looks for them: a broken neighbour is found so.
    expect(lines.filter((line) => line.split(': ')[1]?.startsWith(`${POSTS}/bad/broken-yaml.md`))).toHaveLength(1);
    for (const name of ['bom', 'crlf', 'html-fields', 'categories-number', 'categories-null', 'dup-slug-a']) {
      expect(
        lines.filter((line) => line.split(': ')[1]?.startsWith(`${POSTS}/bad/${name}.md`)),
        name,
      ).toEqual([]);
    }
  });

  test('never have their front matter evaluated', () => {
    expect(existsSync(path.join(root, '.e2e/pwned'))).toBe(false);
  });

  test('the feed and every good article still render', async ({ page, request }) => {
    await page.goto('/');
    await expect(page.locator('main article')).toHaveCount(SITE.perPage);
    expect((await request.get('/posts/chongqing-talent-conference-2021')).status()).toBe(200);
  });

  test('readable bad files have a page, with what could be shown of them', async ({ page }) => {
    for (const { slug, title, body } of SERVED) {
      const response = await page.goto(articleUrl(slug));
      expect(response?.status(), slug).toBe(200);
      await expect(page.locator('h1'), slug).toHaveText(title);
      if (body) await expect(page.locator('main article'), slug).toContainText(body);
    }
  });

  test('a title, category and tag made of HTML are text, and their script never runs', async ({ page }) => {
    const fired = await watchCanary(page);
    await page.goto(articleUrl('bad/html-fields'));
    await expect(page.locator('main article a[href^="/categories/"]').first()).toHaveText(
      // A slash in a name would be a path separator in its URL: it becomes its full-width form.
      '<i>栏目<／i><／script><script>window.__canaryRan=1<／script>',
    );
    await expect(page.locator('main article a[href^="/tags/"]')).toHaveText(
      '#<／script><script>window.__canaryRan=1<／script>',
    );
    expect(await page.locator('main b, main i').count()).toBe(0);
    expect(fired).toEqual([]);
  });

  test('numbers are names: the category 2021 and the tags 42 and 3.5 have listings', async ({ request }) => {
    for (const url of ['/categories/2021', '/tags/42', '/tags/3.5']) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(await response.text(), url).toContain('数字栏目');
    }
  });

  test('a file name with spaces, Chinese and #?% is reached from the feed', async ({ page }) => {
    const link = page.getByRole('link', { name: '文件名带空格和符号' });
    for (let n = 1; n <= 10 && !(await link.count()); n++) await page.goto(n === 1 ? '/' : `/page/${n}`);
    await link.click();
    await expect(page.locator('h1')).toHaveText('文件名带空格和符号');
    expect(new URL(page.url()).pathname).toBe(
      '/posts/bad/%E5%B8%A6%20%E7%A9%BA%E6%A0%BC%20%23%3F%25%20%E7%9A%84%E6%96%87%E4%BB%B6',
    );
  });

  test('an article with an unreadable date is listed, dated by its file, in the category and tag only it has', async ({
    page,
  }) => {
    const created = statSync(path.join(root, CONTENT_DIR, POSTS, 'bad/date-invalid-date.md')).birthtime;
    for (const url of ['/', '/categories/日期不明', '/tags/无日期']) {
      await page.goto(url);
      const item = page.locator('main article').filter({ hasText: '生成器写的日期' });
      await expect(item, url).toHaveCount(1);
      await expect(item.locator('time'), url).toHaveAttribute('datetime', created.toISOString());
    }
  });

  test('unreadable, empty, binary and code files have no page', async ({ request }) => {
    for (const slug of REFUSED) {
      expect((await request.get(articleUrl(slug))).status(), slug).toBe(404);
    }
  });
});
