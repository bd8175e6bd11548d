import { expect, test } from './fixtures';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { CONTENT_DIR } from './hexo-site.mjs';

// Old Hexo links as clients other than browsers see them: Node's fetch, and the header lines on
// the wire (Node's fetch, Python's requests and many crawlers join two Location headers into one
// broken address). Each server is started here, on the suite's build (start-server.sh builds it
// standalone too), so that the first request to every address is checked, not only cached answers.
const root = path.resolve(__dirname, '../..');
// Next to the suite's own server (E2E_PORT), and not dev-live-editing.spec.ts's 3101.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
const ORIGIN = `http://127.0.0.1:${PORT}`;

const SERVERS = {
  'next start': { args: ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'] },
  'the standalone server': { args: ['.next/standalone/server.js'] },
};

const encodePath = (text: string) => text.split('/').map(encodeURIComponent).join('/');
const SEED = '/2021/11/16/chongqing-talent-conference-2021';
const HOTPOT = '/2021/12/27/重庆火锅节开幕';
const CHINESE = '/旧闻/中文地址';
const QUERY = '?utm_source=feed&q=%E9%87%8D%E5%BA%86';

/** Each address in the forms old links take: raw Chinese, percent-encoded in upper and lower case, with and without the trailing slash, with `index.html`. */
function forms(address: string, target: string): [string, string][] {
  const spellings = [...new Set([address, encodePath(address), encodePath(address).toLowerCase()])];
  return spellings.flatMap((spelling) =>
    [spelling, `${spelling}/`, `${spelling}/index.html`].map((form): [string, string] => [form, target]),
  );
}

/** Old address as sent → the one Location it must answer with. */
const OLD_LINKS: [string, string][] = [
  // PERMALINK (Hexo's default, `:year/:month/:day/:title/`), the seed and a Chinese slug.
  ...forms(SEED, '/posts/chongqing-talent-conference-2021'),
  [`${SEED}/${QUERY}`, `/posts/chongqing-talent-conference-2021${QUERY}`],
  ...forms(HOTPOT, `/posts/${encodePath('重庆火锅节开幕')}`),
  // Front-matter `permalink:` addresses (tests/e2e/legacy-files.mjs).
  ['/2003/03/old-name.html', '/posts/legacy/moved'],
  [`/2003/03/old-name.html${QUERY}`, `/posts/legacy/moved${QUERY}`],
  ...forms(CHINESE, `/posts/legacy/${encodePath('中文地址')}`),
];

/** Hexo's listing addresses and unknown ones with a trailing slash: one hop to the address without it. */
const SLASHED: [string, string][] = [
  // Also legacy/taken.md's `permalink:`; the tag listing keeps its address.
  ['/tags/重庆/', `/tags/${encodePath('重庆')}`],
  [`/tags/${encodePath('重庆')}/`, `/tags/${encodePath('重庆')}`],
  ['/categories/科技/人工智能/', `/categories/${encodePath('科技/人工智能')}`],
  [`/categories/${encodePath('科技/人工智能')}/${QUERY}`, `/categories/${encodePath('科技/人工智能')}${QUERY}`],
  ['/2021/11/16/no-such-article/', '/2021/11/16/no-such-article'],
];

/**
 * The status and every Location header line of one GET, read off the socket: nothing in between
 * joins or drops repeated headers. Raw Chinese is sent percent-encoded as every client sends it
 * (Node's HTTP parser answers 400 to UTF-8 bytes in a request line before Next.js sees them).
 */
function rawHead(address: string): Promise<{ status: number; locations: string[] }> {
  const { pathname, search } = new URL(address, ORIGIN);
  return new Promise((resolve, reject) => {
    const socket = net.connect(PORT, '127.0.0.1');
    let received = Buffer.alloc(0);
    socket.setTimeout(30_000, () => socket.destroy(new Error(`no answer to ${address}`)));
    socket.on('error', reject);
    socket.on('connect', () =>
      socket.write(
        Buffer.from(`GET ${pathname}${search} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nConnection: close\r\n\r\n`),
      ),
    );
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.destroy();
      const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      resolve({
        status: Number(statusLine!.split(' ')[1]),
        locations: lines.filter((line) => /^location:/i.test(line)).map((line) => line.replace(/^location:\s*/i, '')),
      });
    });
  });
}

let server: ChildProcess | undefined;
let output = '';

/** Resolves once the server accepts connections, without sending it a request. */
async function listening(deadline: number) {
  while (Date.now() < deadline) {
    if (server?.exitCode !== null || server?.signalCode) throw new Error(`the server exited:\n${output}`);
    const connected = await new Promise<boolean>((resolve) => {
      const socket = net.connect(PORT, '127.0.0.1', () => resolve(true)).on('error', () => resolve(false));
      socket.unref();
      setTimeout(() => socket.destroy(), 1_000);
    });
    if (connected) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing listens on ${ORIGIN}:\n${output}`);
}

async function stop() {
  if (!server || server.exitCode !== null || server.signalCode) return;
  const exited = new Promise((resolve) => server!.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (server.exitCode === null && !server.signalCode) server.kill('SIGKILL');
}

for (const [name, { args }] of Object.entries(SERVERS)) {
  test.describe(`old links on ${name}`, () => {
    test.describe.configure({ mode: 'serial' });

    test.beforeAll(async () => {
      test.setTimeout(90_000);
      output = '';
      server = spawn(process.execPath, args, {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          CONTENT_DIR: path.join(root, CONTENT_DIR),
          SITE_URL: ORIGIN,
          NEXT_TELEMETRY_DISABLED: '1',
          PORT: String(PORT),
          HOSTNAME: '127.0.0.1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      server.stdout!.on('data', (chunk) => (output += chunk));
      server.stderr!.on('data', (chunk) => (output += chunk));
      await listening(Date.now() + 60_000);
    });

    test.afterAll(stop);

    test('every old address form answers one 308 with one Location, straight to the article, first time and after', async () => {
      for (const pass of ['first request', 'second request']) {
        for (const [address, target] of OLD_LINKS) {
          expect(await rawHead(address), `${pass} for ${address}`).toEqual({ status: 308, locations: [target] });
        }
      }
    });

    test("Node's fetch follows every old address to the article", async () => {
      for (const [address, target] of OLD_LINKS) {
        const response = await fetch(`${ORIGIN}${address}`);
        expect(response.status, address).toBe(200);
        expect(response.redirected, address).toBe(true);
        const { pathname, search } = new URL(response.url);
        expect(pathname + search, address).toBe(target);
      }
    });

    test('a trailing slash elsewhere is one hop to the address without it; unknown addresses stay 404 pages', async () => {
      for (const [address, target] of SLASHED) {
        expect(await rawHead(address), address).toEqual({ status: 308, locations: [target] });
      }
      const listing = await fetch(`${ORIGIN}/tags/重庆/`);
      expect(listing.status).toBe(200);
      expect(await listing.text()).toContain('#重庆');
      for (const address of ['/2021/11/16/no-such-article', '/2021/11/16/no-such-article/']) {
        const response = await fetch(`${ORIGIN}${address}`);
        expect(response.status, address).toBe(404);
        expect(await response.text(), address).toContain('页面不存在');
      }
    });
  });
}
