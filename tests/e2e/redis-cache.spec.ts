import { expect, test } from './fixtures';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startNextServer, type NextServer } from './next-server';
import { startRedis, type RedisServer } from './redis-server';

// Two instances of the suite's build, `next start` and the standalone server, on one content folder
// and one Redis (REDIS_URL): a page one of them rendered is served by the other from Redis, a content
// change shows on both, and neither fails a reader while Redis is down or after it restarts empty.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const REDIS_PORT = Number(process.env.E2E_REDIS_PORT ?? 6390);
const SECRET = 'e2e-revalidate-secret-0123456789';
const SOON = { timeout: 20_000, intervals: [200, 300, 500] };
const root = path.resolve(__dirname, '../..');

const article = (title: string, day: number) =>
  `---\ntitle: ${title}\ndate: 2026-11-${String(day).padStart(2, '0')} 10:00:00\ncategories: [共享缓存]\ntags: [多实例]\n---\n<p>${title}的正文。</p>\n`;

type Page = { status: number; cache: string | null; body: string };
async function get(server: NextServer, url: string): Promise<Page> {
  const response = await fetch(`${server.origin}${encodeURI(url)}`, { redirect: 'manual' });
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), body: await response.text() };
}

const USING = /\[cache\] pages are shared through Redis at redis:\/\/127\.0\.0\.1:\d+/g;
const UNREACHABLE = /\[cache\] warning: Redis at redis:\/\/127\.0\.0\.1:\d+\/? is unreachable/g;
const BACK = /\[cache\] Redis at redis:\/\/127\.0\.0\.1:\d+\/? is back/g;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

test.describe('several instances share their pages through Redis', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let dir: string;
  let redis: RedisServer;
  let a: NextServer;
  let b: NextServer;
  let prefix: string;
  const write = async (file: string, content: string) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  };
  const both = () => [a, b];
  /** The key Redis holds for a page, once the instance that rendered it has stored it. */
  const stored = (url: string) =>
    expect
      .poll(async () => (await redis.keys(`${prefix}*`)).filter((key) => key.endsWith(`/$${url}`)).length, {
        ...SOON,
        message: `Redis holds ${url} under ${prefix}`,
      })
      .toBe(1);
  /** A page one instance rendered is the other's cache hit, the same bytes, on its first request. */
  const sharedBetween = async (url: string, title: string) => {
    const first = await get(a, url);
    expect(first.status).toBe(200);
    expect(first.body).toContain(title);
    expect(first.cache).toBe('MISS');
    await stored(url);
    const other = await get(b, url);
    expect(other.cache).toBe('HIT');
    expect(other.body).toBe(first.body);
  };
  const shows = (server: NextServer, url: string, what: string) =>
    expect
      .poll(async () => (await get(server, url)).body.includes(what), {
        ...SOON,
        message: `${server.origin}${url} shows ${what}`,
      })
      .toBe(true);

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const buildId = (await readFile(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'), 'utf8')).trim();
    prefix = `news:${buildId}:`;
    dir = await mkdtemp(path.join(os.tmpdir(), 'news-redis-'));
    await write('shared/gamma.md', article('伽马报道', 1));
    await write('shared/delta.md', article('德尔塔报道', 2));
    await write('shared/epsilon.md', article('艾普西龙报道', 3));
    redis = await startRedis(REDIS_PORT);
    const env = (port: number) => ({
      CONTENT_DIR: dir,
      // One index for both, as two servers on one host share it.
      CONTENT_INDEX: path.join(dir, '.index', 'index.db'),
      REDIS_URL: redis.url,
      REVALIDATE_SECRET: SECRET,
      SITE_URL: `http://127.0.0.1:${port}`,
    });
    a = await startNextServer(PORT + 11, env(PORT + 11));
    b = await startNextServer(PORT + 12, env(PORT + 12), { standalone: true });
    // Each server refreshes every page once at start (its pages came from another folder's build):
    // wait for both to be done, so that it cannot land between the steps below.
    for (const server of both()) {
      await expect
        .poll(
          async () => {
            const response = await fetch(`${server.origin}/api/revalidate`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${SECRET}` },
            });
            const { revalidated } = (await response.json()) as { revalidated: { paths: number; everything: boolean } };
            return revalidated.everything || revalidated.paths > 0 ? 'refreshing' : 'settled';
          },
          { ...SOON, message: `${server.origin} has refreshed its pages` },
        )
        .toBe('settled');
    }
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('both instances use Redis, and say so once', async () => {
    for (const server of both()) {
      // Addresses proxy.ts handles: its bundle has a copy of the cache handler, which must neither
      // fail a request nor open a second connection.
      expect((await get(server, '/no/such/route')).status).toBe(404);
      expect((await get(server, '/posts/shared/gamma/')).status).toBe(308);
      expect(count(server.output(), USING)).toBe(1);
    }
    expect(await redis.keys(`${prefix}*`)).not.toHaveLength(0);
  });

  test('a page rendered by one instance is served by the other from Redis, without rendering it', async () => {
    await sharedBetween('/posts/shared/gamma', '伽马报道');
  });

  test('an article edited in the content folder shows on both instances', async () => {
    await write('shared/gamma.md', article('伽马报道（更新）', 1));
    for (const server of both()) {
      await shows(server, '/posts/shared/gamma', '伽马报道（更新）');
      await shows(server, '/', '伽马报道（更新）');
    }
  });

  test('with Redis down, both keep serving, say so once, and still follow the content', async () => {
    await redis.stop();
    for (const url of ['/', '/posts/shared/gamma', '/posts/shared/delta', '/tags/多实例', '/categories/共享缓存']) {
      for (const server of both()) {
        const page = await get(server, url);
        expect(page.status, `${server.origin}${url}`).toBe(200);
      }
    }
    for (const server of both()) expect((await get(server, '/no/such/route')).status).toBe(404);
    for (const server of both())
      await expect
        .poll(() => count(server.output(), UNREACHABLE), { ...SOON, message: 'Redis down is logged' })
        .toBe(1);
    await write('shared/delta.md', article('德尔塔报道（停机时更新）', 2));
    for (const server of both()) {
      await shows(server, '/posts/shared/delta', '德尔塔报道（停机时更新）');
      await shows(server, '/', '德尔塔报道（停机时更新）');
      // The client kept trying to reconnect all along: still one line.
      expect(count(server.output(), UNREACHABLE)).toBe(1);
    }
  });

  test('once Redis is back (empty), pages are shared through it again, and none is out of date', async () => {
    redis = await startRedis(REDIS_PORT);
    for (const server of both())
      await expect.poll(() => count(server.output(), BACK), { ...SOON, message: 'Redis back is logged' }).toBe(1);
    await sharedBetween('/posts/shared/epsilon', '艾普西龙报道');
    for (const server of both()) {
      await shows(server, '/posts/shared/delta', '德尔塔报道（停机时更新）');
      await shows(server, '/posts/shared/gamma', '伽马报道（更新）');
      expect(server.output()).not.toMatch(/unhandled|uncaught/i);
      expect(count(server.output(), UNREACHABLE)).toBe(1);
    }
  });
});
