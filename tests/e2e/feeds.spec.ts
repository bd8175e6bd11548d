import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { childrenNamed, childText, parseXmlStrict, type XmlElement } from '../strict-xml';
import { SITE } from './hexo-site.mjs';
import { PREVIEW_SECRET } from './preview-secret.mjs';
import { XSS_ARTICLES } from './xss-articles.mjs';

const SEED = '/posts/chongqing-talent-conference-2021';
const DRAFT = 'drafts/winter-health-tips';
const TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

async function fetchText(request: APIRequestContext, url: string, type: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toBe(type);
  return response.text();
}

type Item = { link: string; date: string; categories: string[] };

/** Each feed of a path prefix ('' for the site's), parsed strictly, as its items. */
async function feeds(request: APIRequestContext, prefix: string): Promise<Record<keyof typeof TYPES, Item[]>> {
  const rss = parseXmlStrict(await fetchText(request, `${prefix}/feed.xml`, TYPES.rss));
  const channel = childrenNamed(rss, 'channel')[0]!;
  for (const name of ['title', 'link', 'description']) expect(childText(channel, name)).not.toBe('');
  const rssItems = childrenNamed(channel, 'item').map((item) => {
    for (const name of ['title', 'guid']) childText(item, name);
    return {
      link: childText(item, 'link'),
      date: new Date(childText(item, 'pubDate')).toISOString(),
      categories: childrenNamed(item, 'category').map((c) => c.text),
    };
  });

  const atom = parseXmlStrict(await fetchText(request, `${prefix}/atom.xml`, TYPES.atom));
  for (const name of ['id', 'title', 'updated']) expect(childText(atom, name)).not.toBe('');
  const atomItems = childrenNamed(atom, 'entry').map((entry: XmlElement) => {
    childText(entry, 'title');
    const link = childrenNamed(entry, 'link').find((l) => !l.attributes.rel)!.attributes.href!;
    expect(childText(entry, 'id')).toBe(link);
    childText(entry, 'updated');
    return {
      link,
      date: childText(entry, 'published'),
      categories: childrenNamed(entry, 'category').map((c) => c.attributes.term!),
    };
  });

  const json = JSON.parse(await fetchText(request, `${prefix}/feed.json`, TYPES.json)) as {
    version: string;
    title: string;
    items: { id: string; url: string; content_html: string; date_published: string; tags: string[] }[];
  };
  expect(json.version).toBe('https://jsonfeed.org/version/1.1');
  expect(json.title).not.toBe('');
  const jsonItems = json.items.map((item) => {
    expect(item.id).toBe(item.url);
    expect(typeof item.content_html).toBe('string');
    return { link: item.url, date: item.date_published, categories: item.tags };
  });
  return { rss: rssItems, atom: atomItems, json: jsonItems };
}

test.describe('feeds', () => {
  test('the site feeds carry the newest 50 published articles, newest first, never a draft', async ({
    request,
    baseURL,
  }) => {
    const site = await feeds(request, '');
    const links = site.rss.map((i) => i.link);
    expect(links).toHaveLength(50);
    expect(site.atom.map((i) => i.link)).toEqual(links);
    expect(site.json.map((i) => i.link)).toEqual(links);
    const dates = site.json.map((i) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
    // RFC 822 dates have whole seconds.
    expect(site.rss.map((i) => i.date)).toEqual(dates.map((d) => d.replace(/\.\d{3}Z$/, '.000Z')));
    expect(links).toContain(`${baseURL}${SEED}`);
    expect(links.filter((l) => l.includes('drafts/'))).toEqual([]);

    // The same order as the listing pages: the first page's articles are the feed's first ones.
    const home = await (await request.get('/')).text();
    const listed = [...home.matchAll(/<h2[^>]*><a[^>]*href="([^"]+)"/g)].map((m) => `${baseURL}${m[1]}`);
    expect(listed).toHaveLength(SITE.perPage);
    expect(links.slice(0, SITE.perPage)).toEqual(listed);
  });

  test('a category feed has only that category and its descendants, by raw or encoded name', async ({ request }) => {
    const tech = await feeds(request, '/categories/科技');
    expect(tech.rss.length).toBeGreaterThan(3);
    for (const item of [...tech.rss, ...tech.atom, ...tech.json]) expect(item.categories).toContain('科技');
    const encoded = await feeds(request, '/categories/%E7%A7%91%E6%8A%80/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD');
    expect(encoded.json.length).toBeGreaterThan(0);
    for (const item of encoded.json) expect(item.categories).toEqual(expect.arrayContaining(['科技', '人工智能']));
    expect(encoded.json.every((i) => tech.json.some((t) => t.link === i.link))).toBe(true);
    for (const url of ['/categories/不存在/feed.xml', '/categories/科技/不存在/atom.xml', '/feeds/xml/科技']) {
      expect((await request.get(url)).status(), url).toBe(404);
    }
    // The category's own page is still its listing.
    expect((await request.get('/categories/科技')).headers()['content-type']).toContain('text/html');
  });

  test('every category feed parses strictly, the XSS payload categories included', async ({ request }) => {
    const sitemap = parseXmlStrict(await fetchText(request, '/sitemap.xml', 'application/xml; charset=utf-8'));
    const categories = childrenNamed(sitemap, 'url')
      .map((u) => new URL(childText(u, 'loc')).pathname)
      .filter((p) => p.startsWith('/categories/'));
    // Payloads that share their first 80 characters share a category.
    expect(categories.filter((p) => p.startsWith('/categories/XSS/')).length).toBeGreaterThan(XSS_ARTICLES.length / 2);
    for (const path of categories) {
      const { rss, atom, json } = await feeds(request, path);
      expect(rss.length, path).toBeGreaterThan(0);
      expect(atom.length, path).toBe(rss.length);
      expect(json.length, path).toBe(rss.length);
    }
  });

  test('a nasty title and category come out as text', async ({ request }) => {
    // One of our canary payloads; as a category name its slashes are full-width (lib/content/categories.ts).
    const canary = '</script><script>window.__canaryRan=1</script>';
    const category = canary.replaceAll('/', '／');
    const prefix = `/categories/XSS/${encodeURIComponent(category)}`;
    const json = JSON.parse(await fetchText(request, `${prefix}/feed.json`, TYPES.json)) as {
      items: { title: string; tags: string[] }[];
    };
    expect(json.items.map((i) => [i.title.endsWith(` ${canary}`), i.tags])).toEqual([[true, ['XSS', category]]]);
    const rss = parseXmlStrict(await fetchText(request, `${prefix}/feed.xml`, TYPES.rss));
    const [item] = childrenNamed(childrenNamed(rss, 'channel')[0]!, 'item');
    expect(childText(item!, 'title')).toBe(json.items[0]!.title);
    expect(childrenNamed(item!, 'category').map((c) => c.text)).toEqual(['XSS', category]);
    const atom = parseXmlStrict(await fetchText(request, `${prefix}/atom.xml`, TYPES.atom));
    const [entry] = childrenNamed(atom, 'entry');
    const html = childText(entry!, 'title');
    expect(html).toBe(json.items[0]!.title.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
    expect(childrenNamed(entry!, 'category').map((c) => c.attributes.term)).toEqual([
      'XSS',
      category.replaceAll('<', '＜'),
    ]);
  });

  test('drafts stay out of the feeds in preview too', async ({ page }) => {
    await page.goto(`/api/draft?secret=${encodeURIComponent(PREVIEW_SECRET)}&slug=${encodeURIComponent(DRAFT)}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('冬季养生指南');
    for (const url of ['/feed.xml', '/atom.xml', '/feed.json', '/categories/生活/feed.json', '/sitemap.xml']) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      const text = await response.text();
      expect(text, url).not.toContain(DRAFT);
      expect(text, url).not.toContain('冬季养生指南');
    }
  });

  test('every page advertises the site feeds, a category page its own as well', async ({ page, baseURL }) => {
    const links = async (url: string) => {
      await page.goto(url);
      return page
        .locator('head link[rel="alternate"][type]')
        .evaluateAll((els) =>
          els.map((e) => [e.getAttribute('type'), e.getAttribute('href'), e.getAttribute('title')]),
        );
    };
    const site = [
      ['application/rss+xml', `${baseURL}/feed.xml`, `${SITE.title} (RSS)`],
      ['application/atom+xml', `${baseURL}/atom.xml`, `${SITE.title} (Atom)`],
      ['application/feed+json', `${baseURL}/feed.json`, `${SITE.title} (JSON Feed)`],
    ];
    for (const url of ['/', SEED, '/tags', '/page/2']) expect(await links(url), url).toEqual(site);
    const tech = `${baseURL}/categories/%E7%A7%91%E6%8A%80`;
    expect(await links('/categories/科技')).toEqual([
      site[0],
      ['application/rss+xml', `${tech}/feed.xml`, `科技 - ${SITE.title} (RSS)`],
      site[1],
      ['application/atom+xml', `${tech}/atom.xml`, `科技 - ${SITE.title} (Atom)`],
      site[2],
      ['application/feed+json', `${tech}/feed.json`, `科技 - ${SITE.title} (JSON Feed)`],
    ]);
  });
});

test.describe('sitemap and robots.txt', () => {
  test('the sitemap lists every published page with absolute URLs, never a draft', async ({ request, baseURL }) => {
    const text = await fetchText(request, '/sitemap.xml', 'application/xml; charset=utf-8');
    const urlset = parseXmlStrict(text);
    expect(urlset.name).toBe('urlset');
    const locs = childrenNamed(urlset, 'url').map((u) => childText(u, 'loc'));
    expect(locs.slice(0, 3)).toEqual([`${baseURL}/`, `${baseURL}/categories`, `${baseURL}/tags`]);
    expect(locs).toContain(`${baseURL}${SEED}`);
    expect(locs).toContain(`${baseURL}/categories/%E7%A7%91%E6%8A%80`);
    expect(locs).toContain(`${baseURL}/tags/xss`);
    expect(locs.every((l) => l.startsWith(`${baseURL}/`))).toBe(true);
    expect(text).not.toContain(DRAFT);
    expect(new Set(locs).size).toBe(locs.length);
    // One sitemap is enough for this site: there is no index part.
    expect((await request.get('/sitemap/0.xml')).status()).toBe(404);
  });

  test('robots.txt allows all but the API and points to the sitemap', async ({ request, baseURL }) => {
    const text = await fetchText(request, '/robots.txt', 'text/plain');
    expect(text).toBe(`User-Agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: ${baseURL}/sitemap.xml\n`);
  });
});
