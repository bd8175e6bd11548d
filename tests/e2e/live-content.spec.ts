import { expect, test } from './fixtures';
import { mkdtemp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startNextServer, type NextServer } from './next-server';

// The production server (`next start`, the suite's build) on a content folder of its own, changed
// while it runs: every change must show on every page it touches, with no restart or rebuild.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SECRET = 'e2e-revalidate-secret-0123456789';
/** Bounded polling: a change must show within the 10 seconds (plus a margin for a loaded CI machine). */
const SOON = { timeout: 20_000, intervals: [200, 300, 500] };

const article = (fields: string, body: string) => `---\n${fields}\n---\n${body}\n`;
/** A body long enough that its middle is far from anything an excerpt or a capped index holds. */
const longBody = (word: string) =>
  `<p>${'前文铺垫，'.repeat(400)}</p><p>正文中间提到${word}这个词。</p><p>${'后文收尾。'.repeat(200)}</p>`;

async function text(server: NextServer, url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${server.origin}${encodeURI(url)}`, { redirect: 'manual' });
  return { status: response.status, body: await response.text() };
}

test.describe('a running production server follows its content folder', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let dir: string;
  let server: NextServer;
  const write = async (file: string, content: string) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  };
  const shows = (url: string, what: string) =>
    expect
      .poll(async () => (await text(server, url)).body.includes(what), { ...SOON, message: `${url} shows ${what}` })
      .toBe(true);
  const status = (url: string) =>
    expect.poll(async () => (await text(server, url)).status, { ...SOON, message: `status of ${url}` });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = await mkdtemp(path.join(os.tmpdir(), 'news-live-'));
    await write(
      'tech/alpha.md',
      article(
        'title: 阿尔法报道\ndate: 2026-11-01 10:00:00\ncategories: [科技, 人工智能]\ntags: [实时]',
        '<p>阿尔法正文。</p>',
      ),
    );
    server = await startNextServer(PORT + 4, {
      CONTENT_DIR: dir,
      CONTENT_INDEX: path.join(dir, '.index', 'index.db'),
      // File events alone: no periodic scan to fall back on (the standalone test below has scans alone).
      CONTENT_SCAN_INTERVAL: '0',
      SITE_URL: `http://127.0.0.1:${PORT + 4}`,
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the server shows its own folder, not what the build was made from', async () => {
    await shows('/', '阿尔法报道');
    await status('/posts/chongqing-talent-conference-2021').toBe(404);
  });

  const BETA = article(
    'title: 贝塔新闻\ndate: 2026-11-20 09:00:00\ncategories: [体育, 足球]\ntags: [新标签]',
    longBody('蓝鲸计划'),
  );

  test('a new article shows on its page, the feed, its categories and tags, the archive, the feeds, the sitemap and search', async () => {
    await write('live/beta.md', BETA);
    await shows('/posts/live/beta', '贝塔新闻');
    for (const url of [
      '/',
      '/categories/体育',
      '/categories/体育/足球',
      '/tags/新标签',
      '/archives/2026/11',
      '/archives/2026',
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      '/categories/体育/feed.xml',
      '/categories/体育/足球/atom.xml',
    ]) {
      await shows(url, '贝塔新闻');
    }
    await shows('/sitemap.xml', '/posts/live/beta');
    await shows('/categories', '体育');
    // A word from the middle of a long body.
    await shows('/search?q=蓝鲸计划', '贝塔新闻');
  });

  test('an edit shows everywhere the article is', async () => {
    await write('live/beta.md', BETA.replace('贝塔新闻', '贝塔新闻（更正）'));
    for (const url of [
      '/posts/live/beta',
      '/',
      '/categories/体育/足球',
      '/tags/新标签',
      '/feed.xml',
      '/archives/2026/11',
    ]) {
      await shows(url, '贝塔新闻（更正）');
    }
  });

  test('a file broken while the server runs keeps its last good version, and the error is logged once', async () => {
    await write('live/beta.md', BETA.replace('title: 贝塔新闻', 'title: [贝塔新闻（坏了）'));
    await expect
      .poll(
        () =>
          server.output().match(/\[content\] error: live\/beta\.md:\d+: front matter is not valid YAML/g)?.length ?? 0,
        SOON,
      )
      .toBe(1);
    for (const url of ['/posts/live/beta', '/']) {
      const { status: code, body } = await text(server, url);
      expect(code, url).toBe(200);
      expect(body, url).toContain('贝塔新闻（更正）');
      expect(body, url).not.toContain('坏了');
    }
    // Fixed, it is read again.
    await write('live/beta.md', BETA.replace('贝塔新闻', '贝塔新闻（修好）'));
    await shows('/posts/live/beta', '贝塔新闻（修好）');
    await shows('/', '贝塔新闻（修好）');
  });

  test('a renamed file moves to its new address; the old one is 404', async () => {
    await rename(path.join(dir, 'live/beta.md'), path.join(dir, 'live/gamma.md'));
    await shows('/posts/live/gamma', '贝塔新闻（修好）');
    await status('/posts/live/beta').toBe(404);
    await shows('/', '/posts/live/gamma');
    await expect.poll(async () => (await text(server, '/')).body.includes('/posts/live/beta"'), SOON).toBe(false);
  });

  test('an article made a draft is gone from every page, and its address is 404', async () => {
    await write(
      'tech/alpha.md',
      article(
        'title: 阿尔法报道\ndate: 2026-11-01 10:00:00\ncategories: [科技, 人工智能]\ntags: [实时]\ndraft: true',
        '<p>阿尔法正文。</p>',
      ),
    );
    await status('/posts/tech/alpha').toBe(404);
    for (const url of ['/categories/科技', '/categories/科技/人工智能', '/tags/实时']) await status(url).toBe(404);
    for (const url of ['/', '/feed.xml', '/sitemap.xml', '/archives/2026/11']) {
      await expect
        .poll(async () => (await text(server, url)).body.includes('阿尔法报道'), { ...SOON, message: url })
        .toBe(false);
    }
  });

  test('a deleted article is gone from every page, and its address is 404', async () => {
    await rm(path.join(dir, 'live/gamma.md'));
    await status('/posts/live/gamma').toBe(404);
    for (const url of ['/categories/体育', '/tags/新标签', '/archives/2026/11']) await status(url).toBe(404);
    for (const url of ['/', '/feed.xml', '/sitemap.xml', '/search?q=蓝鲸计划']) {
      await expect
        .poll(async () => (await text(server, url)).body.includes('贝塔新闻'), { ...SOON, message: url })
        .toBe(false);
    }
  });
});

test.describe('POST /api/revalidate', () => {
  test.describe.configure({ mode: 'serial', timeout: 60_000 });
  let dir: string;
  let server: NextServer;
  const post = (authorization?: string) =>
    fetch(`${server.origin}/api/revalidate`, { method: 'POST', headers: authorization ? { authorization } : {} });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = await mkdtemp(path.join(os.tmpdir(), 'news-hook-'));
    await writeFile(path.join(dir, 'first.md'), article('title: 第一篇\ndate: 2026-10-01 10:00:00', '<p>正文。</p>'));
    // Only the hook refreshes this server: no periodic scan, no file events.
    server = await startNextServer(PORT + 5, {
      CONTENT_DIR: dir,
      CONTENT_INDEX: path.join(dir, '.index', 'index.db'),
      CONTENT_SCAN_INTERVAL: '0',
      CONTENT_WATCH: 'off',
      REVALIDATE_SECRET: SECRET,
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('answers 401 to a missing or wrong secret, and nothing but 405 to GET', async () => {
    expect((await post()).status).toBe(401);
    expect((await post('Bearer wrong-secret-wrong-secret')).status).toBe(401);
    expect((await post(SECRET)).status).toBe(401);
    const get = await fetch(`${server.origin}/api/revalidate?secret=${SECRET}`);
    expect(get.status).toBe(405);
  });

  test('refreshes at once and answers with what changed', async () => {
    await writeFile(path.join(dir, 'second.md'), article('title: 第二篇\ndate: 2026-10-02 10:00:00', '<p>正文。</p>'));
    await rm(path.join(dir, 'first.md'));
    const response = await post(`Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      added: [{ file: 'second.md', slug: 'second' }],
      changed: [],
      removed: [{ file: 'first.md', slug: 'first' }],
    });
    const home = await text(server, '/');
    expect(home.body).toContain('第二篇');
    expect(home.body).not.toContain('第一篇');
    expect((await text(server, '/posts/first')).status).toBe(404);
  });

  test('checks only the paths a hook names, and refuses paths outside the folder', async () => {
    await writeFile(
      path.join(dir, 'named.md'),
      article('title: 点名的一篇\ndate: 2026-10-06 10:00:00', '<p>正文。</p>'),
    );
    await writeFile(
      path.join(dir, 'unnamed.md'),
      article('title: 没点名的一篇\ndate: 2026-10-07 10:00:00', '<p>正文。</p>'),
    );
    const named = await fetch(`${server.origin}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ paths: ['named.md'] }),
    });
    expect(named.status).toBe(200);
    expect(await named.json()).toMatchObject({
      added: [{ file: 'named.md', slug: 'named' }],
      changed: [],
      removed: [],
    });
    expect((await text(server, '/posts/named')).status).toBe(200);
    expect((await text(server, '/posts/unnamed')).status).toBe(404);
    const outside = await fetch(`${server.origin}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}` },
      body: JSON.stringify({ paths: ['../secret.md'] }),
    });
    expect(outside.status).toBe(400);
    expect((await outside.json()).error).toContain('leaves the content folder');
    // The whole folder, when no paths are named.
    expect(await (await post(`Bearer ${SECRET}`)).json()).toMatchObject({ added: [{ file: 'unnamed.md' }] });
  });

  test('a burst of calls is one refresh', async () => {
    for (const n of [3, 4, 5]) {
      await writeFile(
        path.join(dir, `burst-${n}.md`),
        article(`title: 第${n}篇\ndate: 2026-10-0${n} 10:00:00`, '<p>正文。</p>'),
      );
    }
    const before = server.output().length;
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(`Bearer ${SECRET}`).then((r) => r.json())));
    const added = answers.flatMap((a: { added: { slug: string }[] }) => a.added.map((x) => x.slug));
    expect(added.sort()).toEqual(expect.arrayContaining(['burst-3', 'burst-4', 'burst-5']));
    expect(new Set(added).size).toBe(3);
    expect(
      server
        .output()
        .slice(before)
        .match(/\[content\] \d+ added/g),
    ).toEqual(['[content] 3 added']);
  });
});

test.describe('the standalone server follows its content folder too', () => {
  test('a new article, an edit and a deletion, by its periodic scan when it has no file events', async () => {
    test.setTimeout(120_000);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'news-standalone-'));
    await writeFile(
      path.join(dir, 'first.md'),
      article('title: 独立服务器第一篇\ndate: 2026-10-01 10:00:00', '<p>正文。</p>'),
    );
    const server = await startNextServer(
      PORT + 6,
      {
        CONTENT_DIR: dir,
        CONTENT_INDEX: path.join(dir, '.index', 'index.db'),
        SITE_URL: `http://127.0.0.1:${PORT + 6}`,
        // As on a network file system, which drops events: the scan alone must find every change.
        CONTENT_WATCH: 'off',
        CONTENT_SCAN_INTERVAL: '1',
      },
      { standalone: true },
    );
    try {
      const shows = (url: string, what: string, yes = true) =>
        expect
          .poll(async () => (await text(server, url)).body.includes(what), { ...SOON, message: `${url} shows ${what}` })
          .toBe(yes);
      await shows('/', '独立服务器第一篇');
      await writeFile(
        path.join(dir, 'second.md'),
        article('title: 独立服务器第二篇\ndate: 2026-10-02 10:00:00', '<p>新来的。</p>'),
      );
      await shows('/', '独立服务器第二篇');
      await shows('/posts/second', '新来的');
      await writeFile(
        path.join(dir, 'second.md'),
        article('title: 独立服务器第二篇（改）\ndate: 2026-10-02 10:00:00', '<p>新来的。</p>'),
      );
      await shows('/posts/second', '独立服务器第二篇（改）');
      await rm(path.join(dir, 'first.md'));
      await shows('/', '独立服务器第一篇', false);
      await expect.poll(async () => (await text(server, '/posts/first')).status, SOON).toBe(404);
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
