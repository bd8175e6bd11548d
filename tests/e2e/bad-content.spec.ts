import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const log = () => readFileSync(path.join(root, '.e2e/server.log'), 'utf8');

test.describe('bad files in the content folder', () => {
  test('are reported in the build log with their path and reason', () => {
    const text = log();
    expect(text).toMatch(/bad\/broken-yaml\.md: front matter is not valid YAML/);
    expect(text).toMatch(/bad\/js-front-matter\.md: "---js" front matter is not allowed/);
    expect(text).toMatch(/bad\/empty\.md: file is empty/);
    expect(text).toMatch(/bad\/binary\.md: file contains NUL bytes/);
    expect(text).toMatch(/bad\/invalid-date\.md: date month 13 does not exist/);
  });

  test('never have their front matter evaluated', () => {
    expect(existsSync(path.join(root, '.e2e/pwned'))).toBe(false);
  });

  test('break nothing else: the feed and good articles render, bad ones are 404', async ({ page, request }) => {
    await page.goto('/');
    await expect(page.locator('main article')).toHaveCount(20);
    expect((await request.get('/posts/chongqing-talent-conference-2021')).status()).toBe(200);
    for (const slug of ['bad/broken-yaml', 'bad/js-front-matter', 'bad/empty', 'bad/binary', 'bad/invalid-date']) {
      expect((await request.get(`/posts/${slug}`)).status(), slug).toBe(404);
    }
  });
});
