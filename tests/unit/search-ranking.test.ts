import { describe, expect, test } from 'vitest';
import { findHits } from '@/lib/search/find-hits';
import { createSearchIndex, searchDocument, type SearchIndex } from '@/lib/search/search-index';
import { queryTerms } from '@/lib/search/tokenize';

type Doc = { title: string; body?: string; tags?: string[]; categories?: string[][] };

/** An index of `docs`, given newest first as the content index lists them. */
function indexOf(docs: Doc[]): SearchIndex {
  const index = createSearchIndex();
  docs.forEach((d, i) =>
    index.add(
      searchDocument(i, { categories: d.categories ?? [], tags: d.tags ?? [], excerpt: '', ...d }, d.body ?? ''),
    ),
  );
  return index;
}

const ids = (index: SearchIndex, query: string) => findHits([index], queryTerms(query))[0]!.map((h) => h.id);

describe('search ranking', () => {
  test('finds 人才 inside 英才大会人才政策, and not in an article without it', () => {
    const index = indexOf([{ title: '天气预报', body: '明天多云。' }, { title: '重庆英才大会人才政策' }]);
    expect(ids(index, '人才')).toEqual([1]);
  });

  test('a one-character query finds the character anywhere in a run', () => {
    const index = indexOf([{ title: '人才' }, { title: '才能' }, { title: '天才少年' }, { title: '天气' }]);
    expect(ids(index, '才').sort()).toEqual([0, 1, 2]);
  });

  test('a title match ranks above a body match', () => {
    const index = indexOf([
      { title: '天气预报', body: '今年的人才政策有了新变化。' },
      { title: '人才政策发布', body: '今年有了新变化。' },
    ]);
    expect(ids(index, '人才政策')).toEqual([1, 0]);
  });

  test('the newer of two equal matches comes first', () => {
    const index = indexOf([{ title: '人才政策' }, { title: '人才政策' }, { title: '人才政策' }]);
    expect(ids(index, '人才政策')).toEqual([0, 1, 2]);
  });

  test('AND: an article with the whole phrase, not one sharing a bigram', () => {
    const index = indexOf([{ title: '重庆大会' }, { title: '英才大会' }, { title: '英才培养' }]);
    expect(ids(index, '英才大会')).toEqual([1]);
  });

  test('when no article has every term, those with most of them are found, best first', () => {
    const index = indexOf([{ title: '英才大会' }, { title: '才大会论坛' }, { title: '英才论坛' }]);
    // 英才大会论坛 is nowhere. Of its 5 bigrams, 才大会论坛 has 4 and 英才大会 3; 英才论坛 has 2, too few.
    expect(ids(index, '英才大会论坛')).toEqual([1, 0]);
  });

  test('English words match case-insensitively, whole words only', () => {
    const index = indexOf([{ title: 'Next.js Conference' }, { title: 'nextjs' }, { title: 'The NEXT step' }]);
    expect(ids(index, 'NEXT').sort()).toEqual([0, 2]);
    expect(ids(index, 'conference')).toEqual([0]);
  });

  test('tags and categories are searched', () => {
    const index = indexOf([
      { title: '甲', tags: ['火锅'] },
      { title: '乙', categories: [['生活', '美食']] },
    ]);
    expect(ids(index, '火锅')).toEqual([0]);
    expect(ids(index, '美食')).toEqual([1]);
  });

  test('no terms, no hits; merged indexes stay apart', () => {
    const a = indexOf([{ title: '人才' }]);
    const b = indexOf([{ title: '人才政策' }, { title: '天气' }]);
    expect(findHits([a, b], [])).toEqual([[], []]);
    expect(findHits([a, b], queryTerms('人才')).map((hits) => hits.map((h) => h.id))).toEqual([[0], [0]]);
  });
});
