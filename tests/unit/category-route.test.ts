import { describe, expect, test } from 'vitest';
import { parseCategoryRoute } from '@/lib/category-route';

describe('parseCategoryRoute', () => {
  test('a category path without a page is page 1, not explicit', () => {
    expect(parseCategoryRoute(['A', 'B'])).toEqual({ path: ['A', 'B'], page: 1, explicitPage: false });
  });

  test('a trailing page/N is pagination', () => {
    expect(parseCategoryRoute(['A', 'page', '2'])).toEqual({ path: ['A'], page: 2, explicitPage: true });
    expect(parseCategoryRoute(['A', 'B', 'page', '10'])).toEqual({ path: ['A', 'B'], page: 10, explicitPage: true });
  });

  test('page/1 written out is marked explicit (so the page can redirect to the canonical URL)', () => {
    expect(parseCategoryRoute(['A', 'page', '1'])).toEqual({ path: ['A'], page: 1, explicitPage: true });
  });

  test('percent-encoded segments are decoded', () => {
    expect(parseCategoryRoute(['%E6%96%B0%E5%AA%92%E4%BD%93', '%E8%B6%A3%E5%A4%B4%E6%9D%A1', 'page', '2'])).toEqual({
      path: ['新媒体', '趣头条'],
      page: 2,
      explicitPage: true,
    });
  });

  test('decoded names are NFC; a malformed escape is kept as written', () => {
    expect(parseCategoryRoute(['Cafe%CC%81', '%E0%A4%A'])).toEqual({
      path: ['Caf\u00e9', '%E0%A4%A'],
      page: 1,
      explicitPage: false,
    });
  });

  test.each([['x'], ['0'], ['01'], ['']])('page/%j is not a page: null', (page) => {
    expect(parseCategoryRoute(['A', 'page', page])).toBeNull();
  });

  test('no segments: null', () => {
    expect(parseCategoryRoute([])).toBeNull();
  });

  test('a category named "page" needs three segments to be read as pagination', () => {
    expect(parseCategoryRoute(['page', '2'])).toEqual({ path: ['page', '2'], page: 1, explicitPage: false });
  });
});
