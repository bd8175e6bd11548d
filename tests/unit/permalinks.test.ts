import { beforeAll, describe, expect, test } from 'vitest';
import { archiveOf } from '@/lib/content/queries';
import type { Problem } from '@/lib/content/types';
import { indexOf, type TestIndex } from './content-index';
import { buildPermalinks } from '@/lib/content/permalinks';
import type { ArticleSummary } from '@/lib/content/types';
import { parsePermalinkPattern, type PermalinkPattern } from '@/lib/permalink-pattern';
import { article, makeTempDir, writeTree } from './temp-tree';

const SHANGHAI = 'Asia/Shanghai';

function pattern(text: string): PermalinkPattern {
  const parsed = parsePermalinkPattern(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.pattern;
}

const summary = (fields: Partial<ArticleSummary> & Pick<ArticleSummary, 'slug' | 'file'>): ArticleSummary => ({
  title: fields.slug,
  date: '2021-11-16T09:12:02.000Z',
  categories: [],
  tags: [],
  excerpt: '',
  draft: false,
  format: 'html',
  ...fields,
});

describe('buildPermalinks', () => {
  test('each article at its pattern address, a front-matter permalink instead of it', () => {
    const { paths, warnings } = buildPermalinks(
      [
        summary({ slug: 'a', file: 'a.md' }),
        summary({ slug: 'b', file: 'b.md', permalink: '/old/b.html' }),
        summary({ slug: 'c', file: 'c.md', permalink: 'about/c/' }),
      ],
      pattern(':year/:month/:day/:title/'),
      SHANGHAI,
    );
    expect([...paths]).toEqual([
      ['old/b.html', 'b'],
      ['about/c', 'c'],
      ['2021/11/16/a', 'a'],
    ]);
    expect(warnings).toEqual([]);
  });

  test('two articles with one address: the first in path order keeps it, the other is named in a warning', () => {
    const { paths, warnings } = buildPermalinks(
      [summary({ slug: 'x/same', file: 'x/same.md' }), summary({ slug: 'y/same', file: 'y/same.md' })],
      pattern(':year/:name/'),
      SHANGHAI,
    );
    expect([...paths]).toEqual([['2021/same', 'x/same']]);
    expect(warnings).toEqual([
      { file: 'y/same.md', reason: 'permalink "/2021/same" is already x/same.md\'s; not redirected here' },
    ]);
  });

  test("a front-matter permalink wins over another article's pattern address, whatever the path order", () => {
    const { paths, warnings } = buildPermalinks(
      [summary({ slug: 'a', file: 'a.md' }), summary({ slug: 'z', file: 'z.md', permalink: '2021/11/16/a/' })],
      pattern(':year/:month/:day/:title/'),
      SHANGHAI,
    );
    expect([...paths]).toEqual([['2021/11/16/a', 'z']]);
    expect(warnings).toEqual([
      { file: 'a.md', reason: 'permalink "/2021/11/16/a" is already z.md\'s; not redirected here' },
    ]);
  });

  test('a draft (listed in preview) never takes a published article’s address', () => {
    const { paths, warnings } = buildPermalinks(
      [
        summary({ slug: 'draft', file: 'a-draft.md', draft: true, permalink: 'old/' }),
        summary({ slug: 'live', file: 'z-live.md', permalink: 'old/' }),
      ],
      pattern(':title/'),
      SHANGHAI,
    );
    expect([...paths]).toEqual([['old', 'live']]);
    expect(warnings.map((w) => w.file)).toEqual(['a-draft.md']);
  });

  test("an address under one of the site's own routes stays the site's, with a warning", () => {
    const { paths, warnings } = buildPermalinks(
      [
        summary({ slug: 'taken', file: 'taken.md', permalink: '/tags/重庆/' }),
        summary({ slug: 'feed', file: 'feed.md', permalink: '/feed.xml' }),
        summary({ slug: 'near', file: 'near.md', permalink: '/tagsx/重庆/' }),
      ],
      pattern(':title/'),
      SHANGHAI,
    );
    expect([...paths]).toEqual([['tagsx/重庆', 'near']]);
    expect(warnings).toEqual([
      { file: 'feed.md', reason: 'permalink "/feed.xml" is the site\'s own address; not redirected' },
      { file: 'taken.md', reason: 'permalink "/tags/重庆" is the site\'s own address; not redirected' },
    ]);
  });

  test('a PERMALINK of `posts/:title/` is where the articles already are: nothing to redirect or report', () => {
    const { paths, warnings } = buildPermalinks(
      [summary({ slug: 'a', file: 'a.md' }), summary({ slug: '2021/重庆', file: '2021/重庆.md' })],
      pattern('posts/:title/'),
      SHANGHAI,
    );
    expect(paths.size).toBe(0);
    expect(warnings).toEqual([]);
  });

  test('a front-matter permalink of the home page is ignored with a warning', () => {
    const { paths, warnings } = buildPermalinks(
      [summary({ slug: 'home', file: 'home.md', permalink: '/index.html' })],
      pattern(':title/'),
      SHANGHAI,
    );
    expect(paths.size).toBe(0);
    expect(warnings).toEqual([{ file: 'home.md', reason: 'permalink is the home page; ignored' }]);
  });
});

describe('the index carries permalinks and the archive (default PERMALINK, Asia/Shanghai)', () => {
  let index: TestIndex;

  beforeAll(async () => {
    const root = await makeTempDir('news-permalinks-');
    await writeTree(root, {
      '_posts/2021/talent.md': article('title: 英才\ndate: Tue, 30 Nov 2021 17:00:00 GMT'),
      '_posts/重庆火锅节开幕.md': article('title: 火锅\ndate: 2021-11-30 23:30'),
      '_posts/moved.md': article('title: Moved\ndate: 2021-06-01 10:00:00\npermalink: /old/moved.html'),
      '_posts/clash.md': article('title: Clash\ndate: 2021-06-02 10:00:00\npermalink: old/moved.html'),
      '_drafts/wip.md': article('title: WIP\ndate: 2021-06-03 10:00:00\npermalink: /wip/'),
    });
    index = await indexOf(root);
    await index.sync({ logChanges: false });
  });

  /** Each old address and the article it leads to: the best claim, drafts only in preview. */
  const addresses = (withDrafts: boolean) =>
    (
      index.db
        .prepare(
          `SELECT c.path, (SELECT a.slug FROM permalink_claims d JOIN articles a ON a.id = d.article_id
             WHERE d.path = c.path ${withDrafts ? '' : 'AND d.draft = 0'} ORDER BY d.draft, d.override DESC, d.file LIMIT 1) AS slug
           FROM permalink_claims c ${withDrafts ? '' : 'WHERE c.draft = 0'} GROUP BY c.path ORDER BY c.path`,
        )
        .all() as { path: string; slug: string }[]
    ).map((r) => [r.path, r.slug]);

  test('pattern addresses use the date in Shanghai; front-matter ones are carried from the file', () => {
    expect(addresses(false)).toEqual([
      ['2021/11/30/重庆火锅节开幕', '重庆火锅节开幕'],
      ['2021/12/01/2021/talent', '2021/talent'],
      ['old/moved.html', 'clash'],
    ]);
    expect(index.db.prepare("SELECT permalink FROM articles WHERE slug = 'moved'").get()).toEqual({
      permalink: '/old/moved.html',
    });
  });

  test('the clash is reported as a warning on the file that lost', () => {
    expect(
      index.db.prepare("SELECT file, severity, kind, reason FROM problems WHERE kind = 'permalink'").all() as Problem[],
    ).toEqual([
      {
        file: '_posts/moved.md',
        severity: 'warning',
        kind: 'permalink',
        reason: 'permalink "/old/moved.html" is already _posts/clash.md\'s; not redirected here',
      },
    ]);
  });

  test('drafts have old addresses and archive months in preview only', () => {
    expect(addresses(false).find(([path]) => path === 'wip')).toBeUndefined();
    expect(addresses(true).find(([path]) => path === 'wip')).toEqual(['wip', 'wip']);
    expect(archiveOf(index.view())).toEqual([
      {
        year: 2021,
        count: 4,
        months: [
          { year: 2021, month: 12, count: 1 },
          { year: 2021, month: 11, count: 1 },
          { year: 2021, month: 6, count: 2 },
        ],
      },
    ]);
    expect(archiveOf(index.view(true))[0]!.months.at(-1)).toEqual({ year: 2021, month: 6, count: 3 });
  });
});
