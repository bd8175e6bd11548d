import { describe, expect, test } from 'vitest';
import { pageCount, paginate, parsePageParam } from '@/lib/content/paginate';

const items = Array.from({ length: 45 }, (_, i) => i);

describe('paginate', () => {
  test('page 1 of an empty list exists', () => {
    expect(paginate([], 1)).toEqual({ items: [], page: 1, totalPages: 1, total: 0 });
  });

  test('page 2 of an empty list does not', () => {
    expect(paginate([], 2)).toBeNull();
  });

  test('first, middle and last pages', () => {
    expect(paginate(items, 1)).toEqual({ items: items.slice(0, 20), page: 1, totalPages: 3, total: 45 });
    expect(paginate(items, 2)?.items).toEqual(items.slice(20, 40));
    expect(paginate(items, 3)).toEqual({ items: [40, 41, 42, 43, 44], page: 3, totalPages: 3, total: 45 });
  });

  test.each([0, -1, 1.5, 4, Number.NaN, Number.POSITIVE_INFINITY])('page %s does not exist', (page) => {
    expect(paginate(items, page)).toBeNull();
  });

  test('a custom page size', () => {
    expect(paginate(['a', 'b', 'c'], 2, 2)).toEqual({ items: ['c'], page: 2, totalPages: 2, total: 3 });
  });

  test('pageCount is at least 1', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });
});

describe('parsePageParam', () => {
  test.each([
    ['1', 1],
    ['20', 20],
    ['999999999', 999999999],
    ['0', null],
    ['01', null],
    ['x', null],
    ['1e3', null],
    ['', null],
    ['-1', null],
    ['1.5', null],
    [' 2', null],
    ['1234567890', null],
    [undefined, null],
  ])('%j → %s', (segment, expected) => {
    expect(parsePageParam(segment)).toBe(expected);
  });
});
