import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { watchPolicy } from './policy-watch';

// `npm run dev` on a temporary Hexo site (source/_posts/ and a _config.yml): the rest of the suite
// runs against the production server, which serves what it was built with; this one proves the
// development server's watcher. Its port is the one after the production server's.
const root = path.resolve(__dirname, '../..');
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SITE_TITLE = '开发中的站点';
const SEEDS = ['chongqing-talent-conference-2021.md', 'tech/ai-weather-model.md', 'sports/cba-new-season.md'];
// The watcher is debounced and a re-index takes a moment: every check polls.
const LIVE = { timeout: 30_000 };

let server: ChildProcess | undefined;
let output = '';
let siteDir = '';
/** The site's source/_posts/, where articles are written. */
let postsDir = '';
let nextEnvBefore: string | undefined;

const article = (title: string, date: string, body: string) => `---\ntitle: '${title}'\ndate: ${date}\n---\n${body}\n`;
const h1 = (html: string) => html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1];

async function get(request: APIRequestContext, url: string) {
  const response = await request.get(`${ORIGIN}${url}`, { maxRedirects: 0 });
  return { status: response.status(), html: await response.text() };
}

/** The feed's articles, newest first: slug and title of each link to an article. */
async function feed(request: APIRequestContext) {
  const { status, html } = await get(request, '/');
  expect(status, 'status of /').toBe(200);
  return [...html.matchAll(/<a [^>]*href="\/posts\/([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => `${m[1]}: ${m[2]}`);
}

async function waitForServer(deadline: number) {
  while (Date.now() < deadline) {
    if (server?.exitCode !== null || server?.signalCode) {
      throw new Error(`next dev exited (${server?.exitCode ?? server?.signalCode}):\n${output}`);
    }
    try {
      if ((await fetch(`${ORIGIN}/`, { signal: AbortSignal.timeout(60_000) })).status === 200) return;
    } catch {
      // Not listening or still compiling.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next dev did not answer 200 on ${ORIGIN}/ in time:\n${output}`);
}

test.describe('npm run dev shows content changes without a restart', () => {
  test.describe.configure({ mode: 'serial', timeout: 90_000 });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const stale = await fetch(`${ORIGIN}/`, { signal: AbortSignal.timeout(5_000) }).then(
      () => true,
      () => false,
    );
    expect(stale, `something already listens on ${ORIGIN}; stop it first`).toBe(false);

    siteDir = await mkdtemp(path.join(os.tmpdir(), 'news-dev-site-'));
    postsDir = path.join(siteDir, 'source', '_posts');
    await mkdir(postsDir, { recursive: true });
    await writeFile(path.join(siteDir, '_config.yml'), `title: ${SITE_TITLE}\ntimezone: Asia/Shanghai\n`);
    for (const seed of SEEDS) {
      await copyFile(path.join(root, 'content', seed), path.join(postsDir, path.basename(seed)));
    }
    // next dev rewrites next-env.d.ts to point at its distDir's types; afterAll puts it back.
    nextEnvBefore = await readFile(path.join(root, 'next-env.d.ts'), 'utf8').catch(() => undefined);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // What next dev sets anyway; an inherited NODE_ENV=production would only make it warn.
      NODE_ENV: 'development',
      CONTENT_DIR: path.join(siteDir, 'source'),
      // Its own build folder and content index: the production server of the other tests uses .next
      // and the project's index meanwhile.
      NEXT_DIST_DIR: '.next-e2e-dev',
      CONTENT_INDEX: path.join(siteDir, '.index', 'index.db'),
      NEXT_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    };
    server = spawn(
      process.execPath,
      ['node_modules/next/dist/bin/next', 'dev', '-p', String(PORT), '-H', '127.0.0.1'],
      // Its own process group, so that afterAll stops next dev and the workers it starts.
      { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForServer(Date.now() + 170_000);
  });

  test.afterAll(async () => {
    if (server?.pid && server.exitCode === null && !server.signalCode) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(-server!.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (siteDir) await rm(siteDir, { recursive: true, force: true });
    const nextEnv = path.join(root, 'next-env.d.ts');
    const nextEnvNow = await readFile(nextEnv, 'utf8').catch(() => undefined);
    if (nextEnvBefore !== undefined && nextEnvNow?.includes('.next-e2e-dev')) await writeFile(nextEnv, nextEnvBefore);
  });

  test.afterEach(async () => {
    const info = test.info();
    if (info.status !== info.expectedStatus) await info.attach('next dev output', { body: output });
  });

  test("serves the temporary Hexo site, with its _config.yml's title, said once at start", async ({ request }) => {
    expect(await feed(request)).toEqual([
      'chongqing-talent-conference-2021: 2021重庆英才大会将于11月20—21日举办',
      'ai-weather-model: 气象部门试用大模型做短临预报，强对流预警提前量提升',
      'cba-new-season: CBA新赛季揭幕：赛会制继续，多队阵容大换血',
    ]);
    expect(h1((await get(request, '/posts/chongqing-talent-conference-2021')).html)).toBe(
      '2021重庆英才大会将于11月20—21日举办',
    );
    expect((await get(request, '/tags')).html).toContain(`<title>全部标签 - ${SITE_TITLE}</title>`);
    // Pages with generateStaticParams have each run in a worker of their own by now: none says it again.
    expect(output.split('\n').filter((line) => line.includes('[config] '))).toEqual([
      `[config] settings read from ${path.join(siteDir, '_config.yml')}: title, timezone (environment variables override them)`,
    ]);
  });

  test('runs in the browser under its development policy: no CSP violation, eval allowed', async ({ page }) => {
    const violations = await watchPolicy(page);
    const response = await page.goto(`${ORIGIN}/`);
    expect(response?.headers()['content-security-policy']).toContain("'unsafe-eval'");
    await page.waitForLoadState('networkidle');
    await page.locator('main article h2 a').first().click();
    await expect(page).toHaveURL(/\/posts\//, LIVE);
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });

  test('a new file appears in the feed and at its URL', async ({ request }) => {
    expect((await get(request, '/posts/live-new-article')).status).toBe(404);
    await writeFile(
      path.join(postsDir, 'live-new-article.md'),
      article('Live new article', '2021-12-01 10:00:00', 'Written while the server runs.'),
    );
    await expect(async () => {
      expect(await feed(request)).toContain('live-new-article: Live new article');
      const page = await get(request, '/posts/live-new-article');
      expect(page.status).toBe(200);
      expect(h1(page.html)).toBe('Live new article');
    }).toPass(LIVE);
  });

  test('a changed title shows on reload', async ({ request }) => {
    const file = path.join(postsDir, 'ai-weather-model.md');
    const text = await readFile(file, 'utf8');
    expect(h1((await get(request, '/posts/ai-weather-model')).html)).toBe(text.match(/^title: (.*)$/m)![1]);
    await writeFile(file, text.replace(/^title: .*$/m, "title: '气象大模型：标题已修改'"));
    await expect(async () => {
      expect(h1((await get(request, '/posts/ai-weather-model')).html)).toBe('气象大模型：标题已修改');
      expect(await feed(request)).toContain('ai-weather-model: 气象大模型：标题已修改');
    }).toPass(LIVE);
  });

  test('a deleted file leaves the feed and its URL is 404', async ({ request }) => {
    expect((await get(request, '/posts/cba-new-season')).status).toBe(200);
    await unlink(path.join(postsDir, 'cba-new-season.md'));
    await expect(async () => {
      expect((await feed(request)).filter((item) => item.startsWith('cba-new-season:'))).toEqual([]);
      expect((await get(request, '/posts/cba-new-season')).status).toBe(404);
    }).toPass(LIVE);
  });

  test('a broken file is reported in the terminal, the rest is served, and fixing it publishes it', async ({
    request,
  }) => {
    const file = path.join(postsDir, 'live-broken.md');
    await writeFile(file, '---\ntitle: [unclosed\ndate: 2021-01-01\n---\nbody\n');
    // js-yaml notices the unclosed list on file line 3, where it expected a comma or `]`.
    await expect(async () => {
      await feed(request);
      expect(output).toContain('[content] error: _posts/live-broken.md:3: front matter is not valid YAML');
    }).toPass(LIVE);
    // Pages with generateStaticParams run it in a new worker process each time in development.
    for (const url of [
      '/',
      '/posts/chongqing-talent-conference-2021',
      '/posts/ai-weather-model',
      '/tags',
      '/categories',
    ]) {
      expect((await get(request, url)).status, url).toBe(200);
    }
    expect((await get(request, '/posts/live-broken')).status).toBe(404);
    // Once, though the server and those workers each read the content folder.
    expect(
      output.split('\n').filter((line) => line.includes('_posts/live-broken.md:3: front matter is not valid YAML')),
    ).toHaveLength(1);

    await writeFile(file, article('Broken article, fixed', '2021-01-01', 'body'));
    await expect(async () => {
      expect(await feed(request)).toContain('live-broken: Broken article, fixed');
      const page = await get(request, '/posts/live-broken');
      expect(page.status).toBe(200);
      expect(h1(page.html)).toBe('Broken article, fixed');
    }).toPass(LIVE);
    // Every worker and reload read the configuration again; the server said where from once.
    expect(output.split('\n').filter((line) => line.includes('[config] '))).toHaveLength(1);
  });
});
