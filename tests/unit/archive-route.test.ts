import { describe, expect, test } from 'vitest';
import { parseArchiveRoute } from '@/lib/archive-route';
import { archiveUrl } from '@/lib/urls';

describe('parseArchiveRoute', () => {
  test('a year, a month, and either paginated', () => {
    expect(parseArchiveRoute(['2021'])).toEqual({ year: 2021, month: undefined, page: 1 });
    expect(parseArchiveRoute(['2021', '11'])).toEqual({ year: 2021, month: 11, page: 1 });
    expect(parseArchiveRoute(['2021', '01'])).toEqual({ year: 2021, month: 1, page: 1 });
    expect(parseArchiveRoute(['2021', 'page', '2'])).toEqual({ year: 2021, month: undefined, page: 2 });
    expect(parseArchiveRoute(['2021', '11', 'page', '3'])).toEqual({ year: 2021, month: 11, page: 3 });
    expect(parseArchiveRoute(['2021', '11', 'page', '1'])).toEqual({ year: 2021, month: 11, page: 1 });
  });

  test.each([
    [['0']],
    [['abcd']],
    [['21']],
    [['02021']],
    [['2021', '13']],
    [['2021', '00']],
    [['2021', '1']],
    [['2021', '011']],
    [['2021', 'x']],
    [['2021', '11', '30']],
    [['2021', 'page']],
    [['2021', 'page', '0']],
    [['2021', 'page', '01']],
    [['2021', '11', 'page', 'x']],
    [['2021', '11', 'page', '2', 'more']],
    [[]],
  ])('%j is not an archive address', (parts) => {
    expect(parseArchiveRoute(parts)).toBeNull();
  });
});

describe('archiveUrl', () => {
  test('follows the listings’ /page/N style, with two-digit months', () => {
    expect(archiveUrl()).toBe('/archives');
    expect(archiveUrl(2021)).toBe('/archives/2021');
    expect(archiveUrl(2021, 1)).toBe('/archives/2021/01');
    expect(archiveUrl(2021, 11, 1)).toBe('/archives/2021/11');
    expect(archiveUrl(2021, 11, 2)).toBe('/archives/2021/11/page/2');
    expect(archiveUrl(2021, undefined, 3)).toBe('/archives/2021/page/3');
  });
});
