import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { loadConfig } from '@/lib/config';
import { expandPermalink, type PermalinkPost } from '@/lib/permalink-pattern';
import { makeTempDir, writeTree } from './temp-tree';

// 16 November 2021, 09:12:02 UTC: 18:12 in Tokyo, 17:12 in Shanghai.
const post: PermalinkPost = { slug: 'news/seed', title: 'Seed', date: '2021-11-16T09:12:02.000Z', categories: [] };

const FULL = `# Hexo Configuration
title: 山城新闻
subtitle: 每日要闻
description: 重庆本地新闻的存档
author: 编辑部
language: zh-Hans
timezone: Asia/Tokyo

url: https://news.example.org
permalink: :year/:month/:name.html

per_page: 10
pagination_dir: page
theme: landscape
`;

/** A Hexo site (source/_posts/ and, unless null, _config.yml) in a new folder; returns its folder. */
async function hexoSite(config: string | Buffer | null, extra: Record<string, string> = {}): Promise<string> {
  const site = await makeTempDir('hexo-site-');
  await writeTree(site, { 'source/_posts/a.md': '---\ntitle: A\n---\nA\n', ...extra });
  if (config !== null) await writeTree(site, { '_config.yml': config });
  return site;
}

const load = (site: string, env: Record<string, string> = {}) =>
  loadConfig({ CONTENT_DIR: path.join(site, 'source'), ...env });

const failure = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

describe("a Hexo site's _config.yml", () => {
  test('gives every setting it has: title, subtitle, url, permalink, timezone, language, per_page', async () => {
    const site = await hexoSite(FULL);
    const config = load(site);
    expect(config.site).toEqual({
      name: '山城新闻',
      description: '每日要闻',
      url: 'https://news.example.org',
      locale: 'zh-Hans',
      timeZone: 'Asia/Tokyo',
      contentDir: path.join(site, 'source'),
    });
    expect(config.pageSize).toBe(10);
    expect(expandPermalink(config.permalinkPattern, post, config.site.timeZone)).toBe('2021/11/seed.html');
    expect(config.log).toEqual([
      `[config] settings read from ${path.join(site, '_config.yml')}: title, subtitle, language, timezone, url, permalink, per_page (environment variables override them)`,
    ]);
  });

  test('is named relative to the working directory when CONTENT_DIR is', async () => {
    const site = await hexoSite('title: 相对路径\n');
    const config = loadConfig({ CONTENT_DIR: `${path.basename(site)}/source` }, path.dirname(site));
    expect(config.site.name).toBe('相对路径');
    expect(config.log[0]).toBe(
      `[config] settings read from ${path.basename(site)}/_config.yml: title (environment variables override them)`,
    );
  });

  test('is read when CONTENT_DIR is the _posts folder itself', async () => {
    const site = await hexoSite('title: 只读文章目录\n');
    expect(loadConfig({ CONTENT_DIR: path.join(site, 'source', '_posts') }).site.name).toBe('只读文章目录');
  });

  test('is not looked for beside a folder that is not a Hexo source folder', async () => {
    const project = await makeTempDir('not-hexo-');
    await writeTree(project, { '_config.yml': 'title: 不该读到\n', 'content/a.md': '---\ntitle: A\n---\n' });
    const config = loadConfig({ CONTENT_DIR: path.join(project, 'content') });
    expect(config.site.name).toBe('新闻速览');
    expect(config.log).toEqual([]);
  });

  test('missing is not an error: the defaults apply', async () => {
    const config = load(await hexoSite(null));
    expect(config.site).toMatchObject({
      name: '新闻速览',
      url: 'http://localhost:3000',
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    expect(config.pageSize).toBe(20);
    expect(config.log).toEqual([]);
  });

  test('empty is not an error either', async () => {
    const config = load(await hexoSite('# nothing yet\n'));
    expect(config.site.name).toBe('新闻速览');
    expect(config.log[0]).toMatch(/settings read from .*_config\.yml: none used/);
  });

  test('is overridden by every environment variable, even where its value is invalid', async () => {
    const site = await hexoSite(`${FULL}\n`.replace('Asia/Tokyo', 'Mars/Olympus_Mons'));
    const config = load(site, {
      SITE_NAME: '环境变量的名字',
      SITE_DESCRIPTION: '环境变量的描述',
      SITE_URL: 'https://env.example.net/',
      PERMALINK: ':title/',
      SITE_TIMEZONE: 'Europe/Berlin',
      SITE_LOCALE: 'en',
      PAGE_SIZE: '15',
    });
    expect(config.site).toMatchObject({
      name: '环境变量的名字',
      description: '环境变量的描述',
      url: 'https://env.example.net',
      locale: 'en',
      timeZone: 'Europe/Berlin',
    });
    expect(config.pageSize).toBe(15);
    expect(expandPermalink(config.permalinkPattern, post, 'UTC')).toBe('news/seed');
    expect(config.log).toEqual([expect.stringMatching(/settings read from .*: none used/)]);
  });

  test('an empty environment variable does not override it', async () => {
    const config = load(await hexoSite(FULL), { SITE_NAME: '', PAGE_SIZE: '' });
    expect(config.site.name).toBe('山城新闻');
    expect(config.pageSize).toBe(10);
  });

  test('subtitle is the line under the name, else description; both empty means no line', async () => {
    expect(load(await hexoSite('subtitle: 副标题\ndescription: 描述\n')).site.description).toBe('副标题');
    expect(load(await hexoSite("subtitle: ''\ndescription: 描述\n")).site.description).toBe('描述');
    expect(load(await hexoSite("subtitle: ''\ndescription: ''\n")).site.description).toBe('');
    expect(load(await hexoSite('title: 没有副标题\n')).site.description).toBe('来自 Markdown 文章的新闻');
  });

  test.each([
    ['zh-cn', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-Hans', 'zh-Hans'],
    ['en', 'en'],
    ['[zh-CN, en]', 'zh-CN'],
    ['\n  - default\n  - zh-tw\n  - en', 'zh-TW'],
    ['default', 'zh-CN'],
  ])('language %j is the locale %s', async (language, locale) => {
    expect(load(await hexoSite(`language: ${language}\n`)).site.locale).toBe(locale);
  });

  test("an empty timezone is Hexo's machine zone, which a server cannot know: the default, said at start", async () => {
    const config = load(await hexoSite("title: T\ntimezone: ''\n"));
    expect(config.site.timeZone).toBe('Asia/Shanghai');
    expect(config.log[1]).toMatch(
      /_config\.yml: no timezone, .* dates without a zone are read in Asia\/Shanghai \(set SITE_TIMEZONE/,
    );
    expect(load(await hexoSite('timezone: Japan\n')).site.timeZone).toBe('Japan');
    expect(load(await hexoSite('timezone:\n'), { SITE_TIMEZONE: 'UTC' }).log).toHaveLength(1);
  });

  test("hexo init's placeholder url is ignored, and said so", async () => {
    for (const url of ['http://example.com', 'http://yoursite.com/', 'https://www.example.com']) {
      const config = load(await hexoSite(`url: ${url}\n`));
      expect(config.site.url, url).toBe('http://localhost:3000');
      expect(config.log[1], url).toMatch(
        /_config\.yml:1: url: .* is what hexo init writes, not this site's address: ignored \(set SITE_URL\)$/,
      );
    }
    const overridden = load(await hexoSite('url: http://example.com\ntimezone: UTC\n'), { SITE_URL: 'https://a.org' });
    expect(overridden.log).toEqual([expect.stringMatching(/settings read from .*: timezone \(/)]);
  });

  test("a url in a sub-folder (or Hexo's root) gives its origin: the site is served at the origin's root", async () => {
    const config = load(await hexoSite('url: https://me.github.io/blog/\nroot: /blog/\n'));
    expect(config.site.url).toBe('https://me.github.io');
    expect(config.log[1]).toMatch(/url: the site is served at the root of https:\/\/me\.github\.io, not in \/blog\//);
    expect(load(await hexoSite('url: https://news.example.org\nroot: /news/\n')).log[1]).toMatch(/not in \/news\//);
  });

  test.each([
    ['10', 10, false],
    ["'12'", 12, false],
    ['0', 100, true],
    ['500', 100, true],
  ])('per_page %s is pages of %i', async (perPage, size, noticed) => {
    const config = load(await hexoSite(`per_page: ${perPage}\n`));
    expect(config.pageSize).toBe(size);
    expect(config.log.some((line) => /per_page: .*pages of 100 articles/.test(line))).toBe(noticed);
  });

  test('indenting tabs are read as Hexo reads them', async () => {
    expect(load(await hexoSite('title: 制表符\nhighlight:\n\tenable: true\n\tline_number: true\n')).site.name).toBe(
      '制表符',
    );
  });

  test('a BOM and CRLF line endings are fine', async () => {
    expect(load(await hexoSite('\uFEFFtitle: 带 BOM\r\nper_page: 5\r\n')).pageSize).toBe(5);
  });
});

describe('lib/config.ts, as the build and the server import it', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  test("takes the site's settings from the Hexo site CONTENT_DIR is in", async () => {
    vi.resetModules();
    vi.stubEnv('CONTENT_DIR', path.join(await hexoSite(FULL), 'source'));
    vi.stubEnv('SITE_URL', '');
    const { siteConfig, PAGE_SIZE, configLog } = await import('@/lib/config');
    expect(siteConfig).toMatchObject({ name: '山城新闻', description: '每日要闻', url: 'https://news.example.org' });
    expect(siteConfig).toMatchObject({ locale: 'zh-Hans', timeZone: 'Asia/Tokyo' });
    expect(PAGE_SIZE).toBe(10);
    expect(configLog).toHaveLength(1);
  });
});

describe('a _config.yml that cannot be used stops start-up, naming the file', () => {
  afterEach(() => vi.unstubAllEnvs());

  test('invalid YAML, with its line', async () => {
    const site = await hexoSite('title: 新闻\nurl: http://a.org\nlanguage: [zh-CN, en\nper_page: 10\n');
    const message = failure(() => load(site));
    expect(message).toMatch(/^Invalid Hexo site configuration:\n {2}/);
    expect(message).toContain(`\n  ${path.join(site, '_config.yml')}:`);
    const line = Number(message.match(/_config\.yml:(\d+): not valid YAML: /)![1]);
    expect(line).toBeGreaterThanOrEqual(3);
    expect(line).toBeLessThanOrEqual(4);
  });

  test('a code tag is refused, never run', async () => {
    const site = await hexoSite("title: !!js/function 'function () { globalThis.__hexoPwned = 1 }'\n");
    expect(failure(() => load(site))).toMatch(
      /_config\.yml:1: not valid YAML: unknown tag !<tag:yaml\.org,2002:js\/function>/,
    );
    expect((globalThis as { __hexoPwned?: number }).__hexoPwned).toBeUndefined();
  });

  test('a list or a scalar instead of settings', async () => {
    for (const text of ['- title\n- url\n', 'just words\n']) {
      const site = await hexoSite(text);
      expect(
        failure(() => load(site)),
        text,
      ).toMatch(/_config\.yml: must be a YAML mapping of settings$/);
    }
  });

  test('a file over 1 MB', async () => {
    const site = await hexoSite(`title: 大\n# ${'x'.repeat(1024 * 1024)}\n`);
    expect(failure(() => load(site))).toMatch(/_config\.yml: is 1\.0 MB; a Hexo _config\.yml is read up to 1 MB$/);
  });

  test('each bad value with its file, line and key, all at once', async () => {
    const site = await hexoSite(
      [
        'title: [一, 二]',
        'url: ftp://files.example.org',
        'permalink: :year/:id/',
        'timezone: Mars/Olympus_Mons',
        'language: 这不是语言',
        'per_page: -1',
      ].join('\n'),
    );
    const file = path.join(site, '_config.yml');
    const message = failure(() => load(site));
    expect(message.split('\n')).toEqual([
      'Invalid Hexo site configuration:',
      `  ${file}:1: title: expected text, got a list (or set SITE_NAME, which overrides it)`,
      expect.stringMatching(new RegExp(`^  ${file}:2: url: .* \\(or set SITE_URL, which overrides it\\)$`)),
      expect.stringMatching(new RegExp(`^  ${file}:3: permalink: .*:id.* \\(or set PERMALINK, which overrides it\\)$`)),
      `  ${file}:4: timezone: is not an IANA time zone (or set SITE_TIMEZONE, which overrides it)`,
      `  ${file}:5: language: is not a locale Intl knows (or set SITE_LOCALE, which overrides it)`,
      `  ${file}:6: per_page: expected a whole number, 0 or more, got -1 (or set PAGE_SIZE, which overrides it)`,
    ]);
  });

  test('an unreadable file is reported with the environment problems', async () => {
    const site = await hexoSite('title: [unclosed\n');
    expect(failure(() => load(site, { SITE_URL: 'not a url' }))).toMatch(
      /^Invalid environment configuration:\n {2}SITE_URL: .*\nInvalid Hexo site configuration:\n {2}.*_config\.yml:2: not valid YAML: /,
    );
  });

  test('with the environment problems first', async () => {
    const site = await hexoSite('timezone: Nowhere/Special\n');
    const message = failure(() => load(site, { PAGE_SIZE: '0' }));
    expect(message).toBe(
      [
        'Invalid environment configuration:',
        '  PAGE_SIZE: must be 1 or more',
        'Invalid Hexo site configuration:',
        `  ${path.join(site, '_config.yml')}:1: timezone: is not an IANA time zone (or set SITE_TIMEZONE, which overrides it)`,
      ].join('\n'),
    );
  });

  test('when lib/config.ts is first imported, as the build and the server import it', async () => {
    vi.resetModules();
    vi.stubEnv('CONTENT_DIR', path.join(await hexoSite('title: [unclosed\n'), 'source'));
    await expect(import('@/lib/config')).rejects.toThrow(/_config\.yml:\d: not valid YAML: /);
  });
});

describe('PAGE_SIZE', () => {
  // Each test imports lib/config afresh, whatever ran before it.
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllEnvs());

  test.each([
    ['abc', 'must be a whole number from 1 to 100'],
    ['2.5', 'must be a whole number from 1 to 100'],
    ['0', 'must be 1 or more'],
    ['101', 'must be at most 100'],
  ])('%j is refused: %s', (value, reason) => {
    expect(failure(() => loadConfig({ PAGE_SIZE: value }))).toBe(
      `Invalid environment configuration:\n  PAGE_SIZE: ${reason}`,
    );
  });

  test('sets the size of every paginated list, and the number of pages prerendered from it', async () => {
    vi.stubEnv('PAGE_SIZE', '7');
    const { paginate, pageCount } = await import('@/lib/content/paginate');
    expect(pageCount(15)).toBe(3);
    expect(
      paginate(
        Array.from({ length: 15 }, (_, i) => i),
        3,
      )?.items,
    ).toEqual([14]);
  });

  test("comes from the Hexo site's per_page when the variable is unset", async () => {
    vi.stubEnv('CONTENT_DIR', path.join(await hexoSite('per_page: 4\n'), 'source'));
    const { pageCount } = await import('@/lib/content/paginate');
    expect(pageCount(9)).toBe(3);
  });
});
