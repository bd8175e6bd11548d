import { describe, expect, test } from 'vitest';
import {
  assignUniqueSlugs,
  normalizeSlug,
  safeDecode,
  paramCandidates,
  slugFromPath,
  slugToPath,
} from '@/lib/content/slugs';

describe('slugFromPath', () => {
  test('Chinese file name', () => {
    expect(slugFromPath('重庆英才大会.md')).toBe('重庆英才大会');
  });

  test('nested folders are kept', () => {
    expect(slugFromPath('2021/11/chongqing.md')).toBe('2021/11/chongqing');
  });

  test('.markdown and upper-case extensions', () => {
    expect(slugFromPath('news/hello.markdown')).toBe('news/hello');
    expect(slugFromPath('news/HELLO.MD')).toBe('news/HELLO');
  });

  test('only the final extension is removed', () => {
    expect(slugFromPath('v1.2.md')).toBe('v1.2');
    expect(slugFromPath('notes.md.txt')).toBe('notes.md.txt');
  });

  test('Windows separators', () => {
    expect(slugFromPath('2021\\11\\重庆.md')).toBe('2021/11/重庆');
  });

  test('NFD names become NFC', () => {
    expect(slugFromPath('Cafe\u0301.md')).toBe('Caf\u00e9');
  });
});

describe('normalizeSlug', () => {
  test('empty, . and .. segments are dropped and segments trimmed', () => {
    expect(normalizeSlug('/a//./../ b /c/')).toBe('a/b/c');
  });
});

describe('slugToPath', () => {
  test('Chinese is percent-encoded per segment, / kept', () => {
    expect(slugToPath('2021/重庆')).toBe('2021/%E9%87%8D%E5%BA%86');
  });

  test('# ? % and spaces are encoded', () => {
    expect(slugToPath('C# is 100% ok?')).toBe('C%23%20is%20100%25%20ok%3F');
  });
});

describe('paramCandidates', () => {
  const joined = (segments: string[]) => paramCandidates(segments).map((c) => c.join('/'));

  test('percent-encoded segments (as Next.js route params arrive at request time): as given, then decoded', () => {
    expect(joined(['2021', '%E9%87%8D%E5%BA%86'])).toEqual(['2021/%E9%87%8D%E5%BA%86', '2021/重庆']);
  });

  test('raw segments (as prerendering passes them) give one candidate', () => {
    expect(joined(['2021', '重庆'])).toEqual(['2021/重庆']);
  });

  test('round trip through slugToPath', () => {
    const slug = '新闻/C# is 100% ok?';
    expect(joined(slugToPath(slug).split('/'))).toContain(slug);
  });

  test('a name that itself contains an escape is found as written first', () => {
    expect(joined(['a%41'])).toEqual(['a%41', 'aA']);
  });

  test('a malformed escape is kept as it is instead of throwing', () => {
    expect(joined(['%E0%A4%A'])).toEqual(['%E0%A4%A']);
    expect(safeDecode('100%')).toBe('100%');
  });

  test('decoded NFD segments become NFC', () => {
    expect(joined(['Cafe%CC%81'])).toEqual(['Cafe%CC%81', 'Caf\u00e9']);
  });
});

describe('assignUniqueSlugs', () => {
  const claims = () => [
    { slug: 'same', file: 'b.md' },
    { slug: 'same', file: 'c.md' },
    { slug: 'same', file: 'a.md' },
    { slug: 'other', file: 'd.md' },
  ];
  const bySlug = (items: { slug: string; file: string }[]) => Object.fromEntries(items.map((i) => [i.file, i.slug]));

  test('the first file in path order keeps the slug, the others get -2, -3', () => {
    expect(bySlug(assignUniqueSlugs(claims()).items)).toEqual({
      'a.md': 'same',
      'b.md': 'same-2',
      'c.md': 'same-3',
      'd.md': 'other',
    });
  });

  test('the suffixes do not depend on the input order', () => {
    const forwards = bySlug(assignUniqueSlugs(claims()).items);
    const backwards = bySlug(assignUniqueSlugs(claims().reverse()).items);
    expect(backwards).toEqual(forwards);
  });

  test('each warning names both files and the new slug', () => {
    expect(assignUniqueSlugs(claims()).warnings).toEqual([
      { file: 'b.md', reason: 'slug "same" is already used by a.md; this article is at "same-2"' },
      { file: 'c.md', reason: 'slug "same" is already used by a.md; this article is at "same-3"' },
    ]);
  });

  test('slugs differing only in case clash', () => {
    const { items, warnings } = assignUniqueSlugs([
      { slug: 'News', file: 'a.md' },
      { slug: 'news', file: 'b.md' },
    ]);
    expect(items.map((i) => i.slug)).toEqual(['News', 'news-2']);
    expect(warnings).toHaveLength(1);
  });

  test('a suffix already taken by another file is skipped', () => {
    const { items } = assignUniqueSlugs([
      { slug: 'x', file: 'a.md' },
      { slug: 'x-2', file: 'b.md' },
      { slug: 'x', file: 'c.md' },
    ]);
    expect(bySlug(items)).toEqual({ 'a.md': 'x', 'b.md': 'x-2', 'c.md': 'x-3' });
  });

  test('no clash, no warning', () => {
    expect(
      assignUniqueSlugs([
        { slug: 'a', file: 'a.md' },
        { slug: 'b', file: 'b.md' },
      ]).warnings,
    ).toEqual([]);
  });
});

describe('assignUniqueSlugs with drafts', () => {
  test("a draft never takes a published article's slug, whatever the paths", () => {
    const { items, warnings } = assignUniqueSlugs([
      { slug: 'foo', file: '_drafts/foo.md', draft: true },
      { slug: 'foo', file: '_posts/foo.md', draft: false },
    ]);
    expect(items.map((i) => [i.file, i.slug])).toEqual([
      ['_posts/foo.md', 'foo'],
      ['_drafts/foo.md', 'foo-2'],
    ]);
    expect(warnings).toEqual([
      { file: '_drafts/foo.md', reason: 'slug "foo" is already used by _posts/foo.md; this article is at "foo-2"' },
    ]);
  });
});
