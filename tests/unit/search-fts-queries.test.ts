import { describe, expect, test } from 'vitest';
import { MAX_QUERY_CHARS } from '@/lib/search/parse-query';
import { ids, search, searchDbOf } from './search-db';

const db = searchDbOf([
  { title: '人才政策', text: 'Terms AND conditions, near the title: NOT a column.' },
  { title: '天气预报', text: 'near(人才 天气) and or not' },
  { title: '重庆火锅' },
]);

describe('FTS5 search: what readers type is never FTS5 syntax', () => {
  const queries = [
    '"',
    '"人才',
    '人才"',
    '""人才""',
    '*',
    '人才*',
    '才*',
    'AND',
    'OR',
    'NOT',
    '人才 AND 天气',
    '人才 OR 天气',
    '人才 NOT 天气',
    'NEAR(',
    'NEAR(人才 天气)',
    'NEAR(人才 天气, 2)',
    '-人才',
    'title:人才',
    '{title}:人才',
    'body : 人才',
    '^人才',
    '人才 + 天气',
    '(人才',
    ')',
    "'",
    '\\',
    '%_',
    ';DROP TABLE search_index;--',
    '\u0000人才',
  ];

  test.each(queries)('%j runs without error', (q) => {
    expect(() => search(db, q)).not.toThrow();
  });

  test('operators are words: AND, NOT and NEAR find the articles that say them', () => {
    expect(ids(db, 'AND')?.sort()).toEqual([0, 1]);
    expect(ids(db, 'not')?.sort()).toEqual([0, 1]);
    expect(ids(db, 'NEAR(')?.sort()).toEqual([0, 1]);
  });

  test('an OR in a query is a word every match must have, not a union', () => {
    expect(ids(db, '人才 OR 天气')).toEqual([1]);
  });

  test('a minus, a caret and a colon are separators, not exclusion, anchoring or a column filter', () => {
    expect(ids(db, '-人才')?.sort()).toEqual([0, 1]);
    expect(ids(db, '^人才')?.sort()).toEqual([0, 1]);
    expect(ids(db, 'title:人才')).toEqual([0]);
  });

  test('quotes and stars are dropped: a quoted phrase is its terms, a star no wildcard', () => {
    expect(ids(db, '"人才政策"')).toEqual([0]);
    expect(ids(db, '火*')).toEqual([2]);
    expect(ids(db, 'ter*')).toEqual([]);
  });

  test('empty and absurd queries find nothing and have no second page', () => {
    for (const q of [
      '',
      '   ',
      '。，！',
      '.*+?^${}()|[]\\',
      '😀🎉',
      'x'.repeat(10_000),
      '人'.repeat(MAX_QUERY_CHARS * 2),
    ]) {
      expect(search(db, q)).toEqual({ total: 0, atLeast: false, hits: [] });
      expect(search(db, q, { page: 2 })).toBeNull();
    }
  });

  test('a query of many terms is searched whole, and fast', () => {
    const many = '的 一 是 在 不 了 有 和 人 这 中 大 为 上 个 国 人才 天气 重庆 火锅';
    expect(search(db, many)).toEqual({ total: 0, atLeast: false, hits: [] });
  });
});
