import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

// The proxy reads the process-wide index, built from CONTENT_DIR: point it at a folder of our own.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxy-'));
const publicFiles = new Set<string>();
vi.mock('@/lib/public-file', () => ({ isPublicFile: async (pathname: string) => publicFiles.has(pathname) }));
let proxy: typeof import('@/proxy').proxy;

function article(file: string, frontMatter: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), `---\n${frontMatter}\n---\n正文\n`);
}

beforeAll(async () => {
  article('seed.md', 'title: 种子\ndate: 2021-11-16 17:12:02');
  article('重庆火锅节开幕.md', 'title: 火锅\ndate: 2021-12-27 17:00:00');
  article('legacy/moved.md', 'title: 搬家\ndate: 2003-03-01 10:00:00\npermalink: /2003/03/old-name.html');
  article('legacy/taken.md', 'title: 占用\ndate: 2003-03-02 10:00:00\npermalink: /tags/重庆/');
  process.env.CONTENT_DIR = dir;
  ({ proxy } = await import('@/proxy'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Where the proxy sends a request (path and query), or null when it lets the request through. */
async function answer(pathname: string): Promise<{ status: number; location: string } | null> {
  const response = await proxy(new NextRequest(new URL(pathname, 'http://localhost')));
  if (response.headers.get('x-middleware-next') === '1') return null;
  const location = new URL(response.headers.get('location')!);
  return { status: response.status, location: location.pathname + location.search };
}

const HOTPOT = `/2021/12/27/${encodeURIComponent('重庆火锅节开幕')}`;
const HOTPOT_POST = `/posts/${encodeURIComponent('重庆火锅节开幕')}`;

describe('proxy', () => {
  test('an old address goes straight to its article, in every form, with its query', async () => {
    for (const [pathname, location] of [
      ['/2021/11/16/seed', '/posts/seed'],
      ['/2021/11/16/seed/', '/posts/seed'],
      ['/2021/11/16/seed/index.html', '/posts/seed'],
      ['/2021/11/16/seed/?utm_source=rss&q=%E9%87%8D', '/posts/seed?utm_source=rss&q=%E9%87%8D'],
      [HOTPOT, HOTPOT_POST],
      [`${HOTPOT.toLowerCase()}/`, HOTPOT_POST],
      ['/2021/12/27/重庆火锅节开幕/index.html', HOTPOT_POST],
      ['/2003/03/old-name.html', '/posts/legacy/moved'],
    ]) {
      expect(await answer(pathname!), pathname).toEqual({ status: 308, location });
    }
  });

  test('any other address with a trailing slash goes to itself without it, once', async () => {
    for (const [pathname, location] of [
      ['/2021/11/15/seed/', '/2021/11/15/seed'],
      ['/tags/重庆/', `/tags/${encodeURIComponent('重庆')}`],
      ['/categories/a/b//?page=2', '/categories/a/b?page=2'],
      ['/posts/seed/', '/posts/seed'],
    ]) {
      expect(await answer(pathname!), pathname).toEqual({ status: 308, location });
    }
  });

  test('the feed’s first page is the front page', async () => {
    expect(await answer('/page/1')).toEqual({ status: 308, location: '/' });
    expect(await answer('/page/1?utm_source=rss')).toEqual({ status: 308, location: '/?utm_source=rss' });
  });

  test('lets everything else through: unknown addresses, and a file in public/ at an old address', async () => {
    expect(await answer('/2021/11/15/seed')).toBeNull();
    expect(await answer('/no/such/page.html')).toBeNull();
    publicFiles.add('/2003/03/old-name.html');
    expect(await answer('/2003/03/old-name.html')).toBeNull();
    publicFiles.clear();
  });
});
