import { expect, test } from './fixtures';
import http from 'node:http';
import {
  ASSET_ARTICLE,
  DRAFT_ASSET_ARTICLE,
  JPEG,
  MP3,
  PDF,
  PNG,
  postsSitePath,
  SCRIPT_SVG,
  SECRET,
} from './asset-files.mjs';
import { PREVIEW_SECRET } from './preview-secret.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PUBLISHED_CACHE = 'public, max-age=604800';
const DRAFT_CACHE = 'private, no-cache, no-store, max-age=0, must-revalidate';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A request with the path exactly as written: fetch and browsers would resolve `..` and `%2e` first. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: PORT, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

/** The answer at the end of at most three redirects (Next.js turns `\` into `/` with a 308). */
async function final(path: string, headers: Record<string, string> = {}): Promise<Answer & { path: string }> {
  let answer = await raw(path, headers);
  for (let hops = 0; hops < 3 && [307, 308].includes(answer.status); hops++) {
    path = answer.headers.location!;
    answer = await raw(path, headers);
  }
  return { ...answer, path };
}

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');
const postAsset = (name: string) => `/posts/${ASSET_ARTICLE.slug}/${encodePath(name)}`;

/** Every file the content folder serves, with its bytes and type. */
const SERVED: [string, Buffer, string][] = [
  ['/images/e2e-assets/site.png', PNG, 'image/png'],
  ['/images/e2e-assets/photo.jpg', JPEG, 'image/jpeg'],
  ['/images/e2e-assets/linked.png', PNG, 'image/png'],
  ['/files/e2e-assets/doc.pdf', PDF, 'application/pdf'],
  ['/media/e2e-assets/tone.mp3', MP3, 'audio/mpeg'],
  ...Object.entries(ASSET_ARTICLE.assets).map(
    ([name, [bytes, type]]) => [postAsset(name), bytes, type] as [string, Buffer, string],
  ),
];

/** Paths that must never answer with a file: traversal in every spelling, hidden and private files, sources. */
const REFUSED = [
  // Out of the content folder, to .e2e/outside-secret.png.
  '/../outside-secret.png',
  '/%2e%2e/outside-secret.png',
  '/.%2e/outside-secret.png',
  '/images/%2e%2e/%2e%2e/outside-secret.png',
  '/images%2f..%2f..%2foutside-secret.png',
  '/images/..%2f..%2foutside-secret.png',
  '/images/..%5c..%5coutside-secret.png',
  '/images\\..\\..\\outside-secret.png',
  '/images/%252e%252e/%252e%252e/outside-secret.png',
  `/posts/${ASSET_ARTICLE.slug}/%2e%2e/%2e%2e/outside-secret.png`,
  `/posts/${ASSET_ARTICLE.slug}/..%2f..%2f..%2foutside-secret.png`,
  '/api/asset/..%2f..%2foutside-secret.png',
  // Symbolic links out of the folder, and to a draft's asset.
  '/images/e2e-assets/escape.png',
  '/images/e2e-assets/passwd.png',
  '/images/e2e-assets/draft-link.png',
  // NUL, dot-files and dot-folders, _-folders.
  '/images/e2e-assets/site.png%00.png',
  '/images/e2e-assets/.secret.png',
  '/images/e2e-assets/%2esecret.png',
  '/.hidden/e2e-secret.png',
  '/%2ehidden/e2e-secret.png',
  '/_private/e2e-secret.png',
  `/posts/${ASSET_ARTICLE.slug}/.hidden.png`,
  `/posts/${ASSET_ARTICLE.slug}/_private.png`,
  `/posts/${ASSET_ARTICLE.slug}/..%2f.hidden%2fe2e-secret.png`,
  // Articles and other files beside the assets.
  `/posts/${ASSET_ARTICLE.slug}/data.yml`,
  `/posts/${ASSET_ARTICLE.slug}/page.html`,
  `/posts/${ASSET_ARTICLE.slug}/notes.md`,
  `${postsSitePath(ASSET_ARTICLE.slug)}/notes.md`,
  `${postsSitePath(ASSET_ARTICLE.slug)}.md`,
  // An article's asset folder at its plain site path: its files are served at the article's address only.
  `${postsSitePath(ASSET_ARTICLE.slug)}/photo.png`,
  // A draft's assets, outside preview.
  `/posts/${DRAFT_ASSET_ARTICLE.slug}/secret.png`,
  `${postsSitePath(DRAFT_ASSET_ARTICLE.slug)}/secret.png`,
  // The route's own address is not a way in.
  '/api/asset/images/e2e-assets/site.png',
];

async function previewCookie(): Promise<string> {
  const answer = await raw(
    `/api/draft?secret=${encodeURIComponent(PREVIEW_SECRET)}&slug=${encodeURIComponent(DRAFT_ASSET_ARTICLE.slug)}`,
  );
  expect(answer.status).toBe(307);
  const cookie = [answer.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('__prerender_bypass='));
  expect(cookie).toBeTruthy();
  return cookie!.split(';')[0]!;
}

test.describe('files of the content folder (a non-browser client)', () => {
  test('each is served with its type, never sniffed, cached long, with validators', async () => {
    for (const [path, bytes, type] of SERVED) {
      const answer = await raw(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type'], path).toBe(type);
      expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
      expect(answer.headers['cache-control'], path).toBe(PUBLISHED_CACHE);
      expect(answer.headers.etag, path).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
      expect(Date.parse(answer.headers['last-modified']!), path).not.toBeNaN();
      expect(answer.body.equals(bytes), path).toBe(true);
      expect((await raw(path, {}, 'HEAD')).body.length, path).toBe(0);
    }
  });

  test('304 for a client that has the file, by entity tag or by date', async () => {
    const path = postAsset('photo.png');
    const { headers } = await raw(path);
    const conditionals: Record<string, string>[] = [
      { 'if-none-match': headers.etag! },
      { 'if-modified-since': headers['last-modified']! },
    ];
    for (const conditional of conditionals) {
      const answer = await raw(path, conditional);
      expect(answer.status, JSON.stringify(conditional)).toBe(304);
      expect(answer.body.length).toBe(0);
      expect(answer.headers.etag).toBe(headers.etag);
    }
    expect((await raw(path, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  test('206 for a byte range of sound, 416 past its end, so that a player can seek', async () => {
    for (const path of ['/media/e2e-assets/tone.mp3', postAsset('clip.mp3')]) {
      const first = await raw(path, { range: 'bytes=0-99' });
      expect(first.status, path).toBe(206);
      expect(first.headers['content-range']).toBe(`bytes 0-99/${MP3.length}`);
      expect(first.headers['accept-ranges']).toBe('bytes');
      expect(first.body.equals(MP3.subarray(0, 100))).toBe(true);
      const middle = await raw(path, { range: 'bytes=1000-1999' });
      expect(middle.body.equals(MP3.subarray(1000, 2000))).toBe(true);
      const tail = await raw(path, { range: 'bytes=-16' });
      expect(tail.headers['content-range']).toBe(`bytes ${MP3.length - 16}-${MP3.length - 1}/${MP3.length}`);
      expect(tail.body.equals(MP3.subarray(-16))).toBe(true);
      const past = await raw(path, { range: `bytes=${MP3.length}-` });
      expect(past.status).toBe(416);
      expect(past.headers['content-range']).toBe(`bytes */${MP3.length}`);
    }
  });

  test('SVG is served with a policy that lets it run no script when opened', async () => {
    const answer = await raw('/images/e2e-assets/script.svg');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/svg+xml');
    expect(answer.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(answer.body.toString()).toBe(SCRIPT_SVG);
  });

  test('traversal in every spelling, links out, hidden, private and source files, drafts: never a file', async () => {
    // Their neighbours are served: what is refused is refused by the rules, not for want of serving.
    for (const path of ['/images/e2e-assets/site.png', postAsset('photo.png')]) {
      expect((await raw(path)).status, path).toBe(200);
    }
    for (const path of REFUSED) {
      const answer = await final(path);
      expect(answer.status, `${path} → ${answer.path}`).toBe(404);
      expect(answer.body.includes(SECRET), path).toBe(false);
      expect(answer.body.includes(PNG), path).toBe(false);
      expect(answer.body.includes('root:x:0:0'), path).toBe(false);
    }
  });

  test("a draft's assets in preview only, cached by no one; never as plain files", async () => {
    const cookie = await previewCookie();
    const answer = await raw(`/posts/${DRAFT_ASSET_ARTICLE.slug}/secret.png`, { cookie });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe(DRAFT_CACHE);
    expect(answer.body.equals(PNG)).toBe(true);
    for (const path of [`${postsSitePath(DRAFT_ASSET_ARTICLE.slug)}/secret.png`, '/images/e2e-assets/draft-link.png']) {
      expect((await raw(path, { cookie })).status, path).toBe(404);
    }
    expect((await raw(`/posts/${DRAFT_ASSET_ARTICLE.slug}/secret.png`)).status).toBe(404);
  });

  test("an asset at its article's old Hexo address moves to the new one", async () => {
    const answer = await raw(`/2003/05/01/${ASSET_ARTICLE.slug}/photo.png`);
    expect(answer.status).toBe(308);
    expect(answer.headers.location).toBe(postAsset('photo.png'));
  });

  test("the site's own routes win over the content folder (app/icon.svg over its icon.svg)", async () => {
    const icon = await raw('/icon.svg');
    expect(icon.status).toBe(200);
    expect(icon.body.includes(SECRET)).toBe(false);
    expect((await raw('/images/e2e-assets/script.svg')).status).toBe(200);
  });

  test('feeds carry absolute URLs of the images, and they load', async ({ baseURL }) => {
    const feed = (await (await fetch(`${baseURL}/feed.json`)).json()) as {
      items: { url: string; content_html: string }[];
    };
    const item = feed.items.find((i) => i.url === `${baseURL}/posts/${ASSET_ARTICLE.slug}`);
    expect(item).toBeTruthy();
    const sources = [...item!.content_html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toContain(`${baseURL}${postAsset('photo.png')}`);
    expect(sources).toContain(`${baseURL}${postAsset('sub/图片.jpg')}`);
    for (const src of sources) {
      expect(src, src).toMatch(new RegExp(`^${baseURL}/`));
      const response = await fetch(src);
      expect(response.status, src).toBe(200);
      expect(response.headers.get('content-type'), src).toMatch(/^image\//);
    }
    for (const name of ['feed.xml', 'atom.xml']) {
      const xml = await (await fetch(`${baseURL}/${name}`)).text();
      expect(xml, name).toContain(`${baseURL}${postAsset('photo.png')}`);
    }
  });
});

test.describe('an article with an asset folder, in Chromium', () => {
  test("its pictures load: the asset tags', the relative paths' and the site's", async ({ page }) => {
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`/posts/${ASSET_ARTICLE.slug}`);
    const images = page.locator('.article-body img');
    await expect(images).toHaveCount(8);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
          message: (await image.getAttribute('src')) ?? '',
        })
        .toBeGreaterThan(0);
    }
    const sources = await images.evaluateAll((imgs) =>
      imgs.map((img) => new URL((img as HTMLImageElement).src).pathname),
    );
    expect(new Set(sources)).toEqual(
      new Set([
        postAsset('photo.png'),
        postAsset('sub/图片.jpg'),
        '/images/e2e-assets/site.png',
        '/images/e2e-assets/photo.jpg',
      ]),
    );
    // Hexo's title and alt, and a tag in code shown as written; a missing asset shows nothing.
    await expect(page.locator('.article-body img[title="图片标题"][alt="图片说明"]')).toHaveCount(1);
    await expect(page.locator('.article-body pre')).toHaveText('{% asset_img photo.png 代码里的标签 %}');
    await expect(page.locator('.article-body')).not.toContainText('asset_img missing');
    await expect(page.locator(`.article-body img[src*="missing"]`)).toHaveCount(0);
    // The asset links lead to the files.
    const links = page.locator('.article-body a');
    await expect(links).toHaveText(['年度报告', 'clip.mp3', '加粗']);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      expect((await page.request.get(href)).status(), href).toBe(200);
    }
    expect(failed).toEqual([]);
  });

  test('an SVG opened directly runs no script; the same file without the policy would', async ({ page, baseURL }) => {
    const response = await page.goto('/images/e2e-assets/script.svg');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('image/svg+xml');
    const marks = () =>
      page.evaluate(() => [
        document.documentElement.getAttribute('data-script'),
        document.documentElement.getAttribute('data-onload'),
      ]);
    expect(await marks()).toEqual([null, null]);
    // The control: served without the policy header, the same SVG does run, so the check above can fail.
    await page.route(`${baseURL}/control.svg`, (route) =>
      route.fulfill({ status: 200, contentType: 'image/svg+xml', body: SCRIPT_SVG }),
    );
    await page.goto('/control.svg');
    await expect.poll(marks).toEqual(['ran', 'ran']);
  });
});
