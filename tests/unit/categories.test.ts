import { describe, expect, test } from 'vitest';
import { buildCategoryTree, categoryKey, normalizeCategories, normalizeTags } from '@/lib/content/categories';

describe('normalizeCategories (Hexo rules)', () => {
  test('a string is one category', () => {
    const result = normalizeCategories('新闻');
    expect(result.value).toEqual([['新闻']]);
    expect(result.problem).toBeUndefined();
  });

  test('control characters are dropped from names: they are invisible and not allowed in XML feeds', () => {
    expect(normalizeCategories('\u0001新\u007f闻\u0085').value).toEqual([['新闻']]);
    expect(normalizeTags(['a\u0000b', '\u0003']).value).toEqual(['ab']);
  });

  test('a list is one hierarchy, parent first', () => {
    expect(normalizeCategories(['新媒体', '趣头条', '分类']).value).toEqual([['新媒体', '趣头条', '分类']]);
  });

  test('a list of lists is several hierarchies', () => {
    expect(normalizeCategories([['科技', 'AI'], ['财经'], ['科技', '芯片']]).value).toEqual([
      ['科技', 'AI'],
      ['财经'],
      ['科技', '芯片'],
    ]);
  });

  test('in a list with lists, a plain string stands alone', () => {
    expect(normalizeCategories(['体育', ['科技', 'AI']]).value).toEqual([['体育'], ['科技', 'AI']]);
  });

  test('numbers become names (YAML reads 2021 as a number)', () => {
    expect(normalizeCategories(2021).value).toEqual([['2021']]);
    expect(normalizeCategories([2021, 11]).value).toEqual([['2021', '11']]);
  });

  test('null and undefined are no categories, without a problem', () => {
    expect(normalizeCategories(null)).toEqual({ value: [] });
    expect(normalizeCategories(undefined)).toEqual({ value: [] });
    expect(normalizeCategories(null).problem).toBeUndefined();
  });

  test('an object is reported', () => {
    expect(normalizeCategories({ name: '科技' })).toEqual({
      value: [],
      problem: 'categories: expected a name or a list, got an object',
    });
  });

  test('entries that are not names are skipped and reported', () => {
    expect(normalizeCategories(['A', { x: 1 }, null, true, 'B'])).toEqual({
      value: [['A', 'B']],
      problem: 'categories: ignored entries that are not names (an object, null, boolean)',
    });
  });

  test('a list nested two levels deep is reported', () => {
    expect(normalizeCategories([['A', ['B']]])).toEqual({
      value: [['A']],
      problem: 'categories: ignored entries that are not names (a list)',
    });
  });

  test('duplicate hierarchies are removed, keeping the first', () => {
    expect(normalizeCategories([['A', 'B'], ['C'], ['A', 'B'], 'C']).value).toEqual([['A', 'B'], ['C']]);
  });

  test('whitespace is collapsed and trimmed; blank entries dropped', () => {
    expect(normalizeCategories(['  科技 \n 新闻 ', '   ', 'AI']).value).toEqual([['科技 新闻', 'AI']]);
  });

  test('names are NFC-normalised and cut at 100 characters', () => {
    expect(normalizeCategories('Cafe\u0301').value).toEqual([['Café']]);
    expect(normalizeCategories('x'.repeat(150)).value).toEqual([['x'.repeat(100)]]);
  });
});

describe('normalizeTags', () => {
  test('a string is one tag', () => {
    expect(normalizeTags('AI').value).toEqual(['AI']);
  });

  test('a list of tags, duplicates removed in first-seen order', () => {
    expect(normalizeTags(['b', 'a', 'b', ' a ']).value).toEqual(['b', 'a']);
  });

  test('numbers become tags', () => {
    expect(normalizeTags([2021, 'x']).value).toEqual(['2021', 'x']);
  });

  test('null is no tags, without a problem', () => {
    expect(normalizeTags(null)).toEqual({ value: [] });
  });

  test('an object is reported', () => {
    expect(normalizeTags({ a: 1 })).toEqual({ value: [], problem: 'tags: expected a name or a list, got an object' });
  });

  test('nested lists and objects inside the list are reported', () => {
    expect(normalizeTags(['x', ['y'], { z: 1 }])).toEqual({
      value: ['x'],
      problem: 'tags: ignored entries that are not names (a list, an object)',
    });
  });

  test('whitespace is collapsed and trimmed', () => {
    expect(normalizeTags(['  machine \t learning  ']).value).toEqual(['machine learning']);
  });
});

describe('buildCategoryTree', () => {
  const articles = [
    {
      categories: [
        ['A', 'B'],
        ['A', 'C'],
      ],
    }, // 0
    { categories: [['A', 'B']] }, // 1
    { categories: [['D']] }, // 2
    { categories: [['A', 'C', 'E']] }, // 3
    { categories: [] }, // 4
  ];

  test('counts distinct articles, ancestors included: an article in A/B and A/C counts once in A', () => {
    const { roots } = buildCategoryTree(articles);
    expect(roots).toEqual([
      {
        name: 'A',
        path: ['A'],
        count: 3,
        children: [
          { name: 'B', path: ['A', 'B'], count: 2, children: [] },
          {
            name: 'C',
            path: ['A', 'C'],
            count: 2,
            children: [{ name: 'E', path: ['A', 'C', 'E'], count: 1, children: [] }],
          },
        ],
      },
      { name: 'D', path: ['D'], count: 1, children: [] },
    ]);
  });

  test('members are the sorted positions of the articles in each category or below it', () => {
    const { members } = buildCategoryTree(articles);
    expect(Object.fromEntries(members)).toEqual({
      [categoryKey(['A'])]: [0, 1, 3],
      [categoryKey(['A', 'B'])]: [0, 1],
      [categoryKey(['A', 'C'])]: [0, 3],
      [categoryKey(['A', 'C', 'E'])]: [3],
      [categoryKey(['D'])]: [2],
    });
  });

  test('children are sorted by count, most first, whatever order they were met in', () => {
    const { roots } = buildCategoryTree([
      { categories: [['X', 'Rare']] },
      { categories: [['X', 'Common']] },
      { categories: [['X', 'Common']] },
    ]);
    expect(roots[0]!.children.map((c) => c.name)).toEqual(['Common', 'Rare']);
  });

  test('equal counts are sorted by Chinese collation (pinyin): 北京 before 上海', () => {
    const { roots } = buildCategoryTree([{ categories: [['上海']] }, { categories: [['北京']] }]);
    expect(roots.map((r) => r.name)).toEqual(['北京', '上海']);
  });

  test('no articles, no tree', () => {
    const { roots, members } = buildCategoryTree([]);
    expect(roots).toEqual([]);
    expect(members.size).toBe(0);
  });

  test('categoryKey joins with NUL so names with / do not collide', () => {
    expect(categoryKey(['A/B'])).not.toBe(categoryKey(['A', 'B']));
    expect(categoryKey(['A', 'B'])).toBe('A\u0000B');
  });
});

describe('names that cannot be URL path segments', () => {
  test('slashes become full-width, so a name stays one segment', () => {
    expect(normalizeCategories(['新闻/时事', 'a\\b']).value).toEqual([['新闻／时事', 'a＼b']]);
    expect(normalizeTags('</script>').value).toEqual(['<／script>']);
  });

  test('. and .. are not names', () => {
    expect(normalizeCategories(['.', '..', 'ok']).value).toEqual([['ok']]);
    expect(normalizeTags(['..']).value).toEqual([]);
  });
});

describe('names stay encodable in URLs', () => {
  test('a name cut at 100 characters never keeps half an emoji', () => {
    const [name] = normalizeTags(`${'标'.repeat(99)}😀尾`).value;
    expect(name).toBe(`${'标'.repeat(99)}😀`);
    expect(() => encodeURIComponent(name!)).not.toThrow();
  });

  test('a lone surrogate written in YAML becomes U+FFFD', () => {
    const [name] = normalizeTags('a\uD800b').value;
    expect(name).toBe('a\uFFFDb');
    expect(encodeURIComponent(name!)).toBe('a%EF%BF%BDb');
  });
});
