import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  expandPermalink,
  hexoCategorySlug,
  normalizePermalinkPath,
  parsePermalinkPattern,
  type PermalinkPost,
} from '@/lib/permalink-pattern';

const SHANGHAI = 'Asia/Shanghai';

// 16 November 2021, 17:12:02 in Shanghai; 5 March 2021, 08:04:09 in Shanghai.
const seed: PermalinkPost = {
  slug: 'news/2021/chongqing-talent-conference-2021',
  title: '2021重庆英才大会将于11月20—21日举办',
  date: '2021-11-16T09:12:02.000Z',
  categories: [['新媒体', '趣头条', '分类'], ['其他']],
};
const early: PermalinkPost = {
  slug: '重庆火锅节开幕',
  title: 'Hot Pot',
  date: '2021-03-05T00:04:09.000Z',
  categories: [],
};

function expand(pattern: string, post: PermalinkPost, timeZone = SHANGHAI): string {
  const parsed = parsePermalinkPattern(pattern);
  if (!parsed.ok) throw new Error(parsed.reason);
  return expandPermalink(parsed.pattern, post, timeZone);
}

describe('parsePermalinkPattern and expandPermalink: every Hexo variable', () => {
  test.each([
    [':year', '2021', '2021'],
    [':month', '11', '03'],
    [':i_month', '11', '3'],
    [':day', '16', '05'],
    [':i_day', '16', '5'],
    [':hour', '17', '08'],
    [':minute', '12', '04'],
    [':second', '02', '09'],
    [':title', 'news/2021/chongqing-talent-conference-2021', '重庆火锅节开幕'],
    [':name', 'chongqing-talent-conference-2021', '重庆火锅节开幕'],
    [':post_title', '2021重庆英才大会将于11月20—21日举办', 'Hot Pot'],
    [':category', '新媒体/趣头条/分类', 'uncategorized'],
  ])('%s', (pattern, ofSeed, ofEarly) => {
    expect(expand(`p/${pattern}`, seed)).toBe(`p/${ofSeed}`);
    expect(expand(`p/${pattern}`, early)).toBe(`p/${ofEarly}`);
  });

  test("Hexo's default, with the date in the site's time zone", () => {
    expect(expand(':year/:month/:day/:title/', seed)).toBe('2021/11/16/news/2021/chongqing-talent-conference-2021');
    // 17:12 in Shanghai is 04:12 in New York, still the 16th; 00:04 on 5 March in Shanghai is the 4th there.
    expect(expand(':year/:month/:day/:name/', seed, 'America/New_York')).toBe(
      '2021/11/16/chongqing-talent-conference-2021',
    );
    expect(expand(':year/:month/:day/:name/', early, 'America/New_York')).toBe('2021/03/04/重庆火锅节开幕');
  });

  test('literal text around variables, a leading slash and a .html suffix', () => {
    expect(expand('/blog/:year-:i_month/:name.html', seed)).toBe('blog/2021-11/chongqing-talent-conference-2021.html');
    expect(expand(':category/:name/index.html', seed)).toBe('新媒体/趣头条/分类/chongqing-talent-conference-2021');
  });

  test('unknown variables are refused, all of them named', () => {
    expect(parsePermalinkPattern(':year/:slug/:titel/')).toEqual({
      ok: false,
      reason:
        'unknown variables :slug, :titel (known: :year, :month, :day, :i_month, :i_day, :hour, :minute, :second, :title, :name, :post_title, :category)',
    });
    // As in Hexo, a variable is the longest run of word characters: `:year_` is not `:year`.
    expect(parsePermalinkPattern(':year_:title')).toMatchObject({ ok: false, reason: /^unknown variable :year_ / });
  });

  test(':id and :hash are refused with the reason', () => {
    expect(parsePermalinkPattern(':id/')).toEqual({
      ok: false,
      reason: ":id is Hexo's database id, which is not in the articles and changes when Hexo rebuilds its cache",
    });
    expect(parsePermalinkPattern('p/:hash')).toMatchObject({ ok: false, reason: /^:hash is Hexo's hash/ });
  });

  test('a pattern without variables is refused', () => {
    expect(parsePermalinkPattern('posts/')).toEqual({
      ok: false,
      reason: 'has no variable, so every article would have the same address',
    });
  });
});

describe("hexoCategorySlug: Hexo's slugize of each name", () => {
  test('spaces and punctuation become one dash, accents are dropped, Chinese is kept', () => {
    expect(hexoCategorySlug(['Web Dev', 'C++ & Rust'])).toBe('Web-Dev/C-Rust');
    expect(hexoCategorySlug(['Café', '  新闻 资讯 '])).toBe('Cafe/新闻-资讯');
  });
});

describe('normalizePermalinkPath', () => {
  test('one spelling: NFC, no surrounding slashes, no index.html', () => {
    expect(normalizePermalinkPath('/2021/11/16/a/')).toBe('2021/11/16/a');
    expect(normalizePermalinkPath('2021//11/a/index.html')).toBe('2021/11/a');
    expect(normalizePermalinkPath('/index.html')).toBe('');
    expect(normalizePermalinkPath('/cafe\u0301/')).toBe('café');
    expect(normalizePermalinkPath('a/index.html.bak')).toBe('a/index.html.bak');
  });
});

describe('PERMALINK in lib/config.ts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  test('an unknown variable stops start-up with a message naming it', async () => {
    vi.stubEnv('PERMALINK', ':year/:foo/:title/');
    await expect(import('@/lib/config')).rejects.toThrow(
      /Invalid environment configuration:\n {2}PERMALINK: unknown variable :foo \(known: /,
    );
  });

  test('a valid pattern is compiled; unset is Hexo default', async () => {
    vi.stubEnv('PERMALINK', ':category/:name.html');
    const custom = await import('@/lib/config');
    expect(expandPermalink(custom.permalinkPattern, seed, SHANGHAI)).toBe(
      '新媒体/趣头条/分类/chongqing-talent-conference-2021.html',
    );
    vi.resetModules();
    vi.stubEnv('PERMALINK', '');
    const standard = await import('@/lib/config');
    expect(expandPermalink(standard.permalinkPattern, early, SHANGHAI)).toBe('2021/03/05/重庆火锅节开幕');
  });
});
