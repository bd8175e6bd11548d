import { expect, test } from './fixtures';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { nginxProxyConfig } from '../../scripts/nginx-proxy.mjs';
import { CONTENT_DIR } from './hexo-site.mjs';
import { startNextServer, type NextServer } from './next-server';
import { PREVIEW_SECRET } from './preview-secret.mjs';

// deploy/nginx.conf, as shipped, in front of two instances of one build: the suite's server and a
// second `next start` of the same build and content folder.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SECOND = PORT + 7;
const NGINX = PORT + 8;
const ORIGIN = `http://127.0.0.1:${NGINX}`;
const SEED = '/posts/chongqing-talent-conference-2021';
const DRAFT = '/posts/drafts/winter-health-tips';
const DRAFT_TITLE = '冬季养生指南';
// Debian's, found also when /usr/sbin is not on PATH (scripts/ensure-servers.sh installs it).
const NGINX_BINARY = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request, with nothing added: no cookie jar, no compression unless asked, redirects not followed. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${ORIGIN}${url}`, { headers, agent: false, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer in 20 s`)));
    req.on('error', reject);
  });
}

/** Requests `url` until nginx answers from its cache (bounded): the first answer may be a miss or an update. */
async function untilCached(url: string): Promise<Answer> {
  for (let i = 0; i < 20; i++) {
    const answer = await get(url);
    if (answer.headers['x-cache-status'] === 'HIT') return answer;
  }
  throw new Error(`${url} was never answered from nginx's cache`);
}

test.describe('nginx in front of two instances (deploy/nginx.conf)', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let dir: string;
  let second: NextServer | undefined;
  let nginx: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = mkdtempSync(path.join(os.tmpdir(), 'news-nginx-'));
    // Run as root, nginx's workers are `nobody`: they write its cache.
    chmodSync(dir, 0o777);
    second = await startNextServer(SECOND, {
      CONTENT_DIR,
      CONTENT_INDEX: path.join(dir, 'index', 'index.db'),
      PREVIEW_SECRET,
      ...Object.fromEntries(
        ['SITE_NAME', 'SITE_DESCRIPTION', 'SITE_URL', 'SITE_LOCALE', 'SITE_TIMEZONE', 'PERMALINK', 'PAGE_SIZE'].map(
          (name) => [name, ''],
        ),
      ),
    });
    const prefix = path.join(dir, 'nginx');
    mkdirSync(prefix, { mode: 0o777 });
    const conf = path.join(prefix, 'nginx.conf');
    writeFileSync(conf, nginxProxyConfig(prefix, { listen: NGINX, upstreams: [PORT, SECOND] }));
    nginx = spawn(
      NGINX_BINARY,
      ['-p', `${prefix}/`, '-c', conf, '-e', path.join(prefix, 'error.log'), '-g', 'daemon off;'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    nginx.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      if ((await get('/').catch(() => null))?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`nginx did not answer in 10 s: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  test.afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await second?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a page is cached for readers without cookies, and compressed when asked', async () => {
    const first = await get(SEED);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toContain('text/html');
    const cached = await untilCached(SEED);
    expect(cached.body).toBe(first.body);
    const gzipped = await get(SEED, { 'Accept-Encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['vary']).toContain('Accept-Encoding');
  });

  test("the client router's requests (RSC payloads, prefetches) are never cached, nor served to a page load", async () => {
    await untilCached(SEED);
    const routerHeaders: Record<string, string>[] = [
      { RSC: '1' },
      { RSC: '1', 'Next-Router-Prefetch': '1' },
      { RSC: '1' },
    ];
    for (const headers of routerHeaders) {
      // Next.js sends a router request without its cache-busting `_rsc` parameter to the address with it.
      const first = await get(SEED, headers);
      expect(first.status).toBe(307);
      expect(first.headers.location).toMatch(/[?&]_rsc(?:[=&]|$)/);
      for (let i = 0; i < 2; i++) {
        const rsc = await get(first.headers.location!, headers);
        expect(rsc.status).toBe(200);
        expect(rsc.headers['content-type']).toContain('text/x-component');
        expect(rsc.headers['x-cache-status']).toBe('BYPASS');
      }
    }
    // The app asks a proxy not to buffer router payloads, and only them (nginx takes the header off).
    const app = `http://127.0.0.1:${PORT}${SEED}`;
    const rscFromApp = await fetch(`${app}?_rsc`, { headers: { RSC: '1' }, redirect: 'manual' });
    expect(rscFromApp.headers.get('x-accel-buffering')).toBe('no');
    expect((await fetch(app)).headers.get('x-accel-buffering')).toBeNull();
    // The parameter alone, with or without a value, is enough to pass by the cache.
    for (const url of [`${SEED}?_rsc`, `${SEED}?x=1&_rsc=abc`])
      expect((await get(url)).headers['x-cache-status'], url).toBe('BYPASS');
    // The page itself is still the HTML page.
    const page = await get(SEED);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<!DOCTYPE html>');
  });

  test('preview is never cached: a draft is seen with the preview cookie only, and never leaks', async () => {
    const enter = await get(`/api/draft?secret=${encodeURIComponent(PREVIEW_SECRET)}&slug=drafts/winter-health-tips`);
    expect(enter.status).toBe(307);
    const cookie = (enter.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    expect(cookie).toContain('__prerender_bypass=');
    for (let i = 0; i < 3; i++) {
      const draft = await get(DRAFT, { Cookie: cookie });
      expect(draft.status).toBe(200);
      expect(draft.body.includes(DRAFT_TITLE), 'the draft in preview').toBe(true);
      expect(draft.headers['x-cache-status']).toBe('BYPASS');
    }
    // Its category's listing in preview lists it; a reader's, before and after, does not.
    const listing = `/categories/${encodeURIComponent('生活')}/${encodeURIComponent('健康')}`;
    expect((await get(listing)).body.includes(DRAFT_TITLE), 'a draft listed for a reader').toBe(false);
    const inPreview = await get(listing, { Cookie: cookie });
    expect(inPreview.body.includes(DRAFT_TITLE), 'the draft listed in preview').toBe(true);
    expect(inPreview.headers['x-cache-status']).toBe('BYPASS');
    for (let i = 0; i < 3; i++) {
      expect((await get(DRAFT)).status).toBe(404);
      expect((await get(listing)).body.includes(DRAFT_TITLE), 'a draft listed for a reader').toBe(false);
    }
  });

  test('an instance killed under load loses no request beyond those it was answering', async () => {
    const answers: (number | string)[] = [];
    let inFlight = 0;
    let inFlightAtKill = -1;
    let next = 0;
    const total = 240;
    // Distinct query strings: nginx's cache key, so every request goes to an instance.
    const worker = async () => {
      while (next < total) {
        const n = next++;
        if (n === 80) {
          inFlightAtKill = inFlight;
          second!.kill();
        }
        inFlight++;
        answers.push(
          await get(`${SEED}?load=${n}`).then(
            (a) => a.status,
            (e: Error) => e.message,
          ),
        );
        inFlight--;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const failed = answers.filter((a) => a !== 200);
    expect(answers).toHaveLength(total);
    expect(inFlightAtKill).toBeGreaterThanOrEqual(0);
    expect(failed.length, `failed: ${failed.join(', ')}`).toBeLessThanOrEqual(inFlightAtKill);
    // And every request after the kill was answered by the instance still running.
    expect(answers.slice(-80).every((a) => a === 200)).toBe(true);
    const errors = readFileSync(path.join(dir, 'nginx', 'error.log'), 'utf8');
    expect(errors).toMatch(
      /upstream server temporarily disabled|connect\(\) failed|Connection re(?:fused|set)|prematurely closed/,
    );
  });
});
