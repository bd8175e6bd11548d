import { describe, expect, test } from 'vitest';
import { archiveKey, buildArchive } from '@/lib/content/archives';
import { parseDate } from '@/lib/dates';

const SHANGHAI = 'Asia/Shanghai';

/** An article dated as its front matter would write it, read as the site reads it. */
function dated(value: string) {
  const parsed = parseDate(value, SHANGHAI);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { date: parsed.date.toISOString() };
}

describe('buildArchive groups articles by year and month in the site time zone', () => {
  // Newest first, as the index lists them.
  const articles = [
    dated('2022-01-01 00:00:00'),
    dated('Fri, 31 Dec 2021 16:30:00 GMT'), // 1 January 2022, 00:30 in Shanghai
    dated('Fri, 31 Dec 2021 15:59:59 GMT'), // 31 December 2021, 23:59:59 in Shanghai
    dated('Tue, 30 Nov 2021 17:00:00 GMT'), // 1 December 2021, 01:00 in Shanghai
    dated('2021-11-30 23:30'), // Shanghai wall time: still November
    dated('2021-11-01 00:00:00'),
    dated('2020-06-15 12:00:00'),
  ];
  const archive = buildArchive(articles, SHANGHAI);

  test('years and months newest first, with their counts', () => {
    expect(archive.years).toEqual([
      { year: 2022, count: 2, months: [{ year: 2022, month: 1, count: 2 }] },
      {
        year: 2021,
        count: 4,
        months: [
          { year: 2021, month: 12, count: 2 },
          { year: 2021, month: 11, count: 2 },
        ],
      },
      { year: 2020, count: 1, months: [{ year: 2020, month: 6, count: 1 }] },
    ]);
  });

  test('an instant late on 30 November in GMT is in December; a zone-less 23:30 stays in November', () => {
    expect(archive.members.get(archiveKey(2021, 12))).toEqual([2, 3]);
    expect(archive.members.get(archiveKey(2021, 11))).toEqual([4, 5]);
  });

  test('the year boundary is midnight in Shanghai, not in GMT', () => {
    expect(archive.members.get(archiveKey(2022))).toEqual([0, 1]);
    expect(archive.members.get(archiveKey(2022, 1))).toEqual([0, 1]);
    expect(archive.members.get(archiveKey(2021))).toEqual([2, 3, 4, 5]);
  });

  test('the same instants fall elsewhere in another time zone', () => {
    const utc = buildArchive(articles, 'UTC');
    expect(utc.years.map((y) => [y.year, y.months.map((m) => [m.month, m.count])])).toEqual([
      // 1 November 00:00 in Shanghai is still 31 October in UTC.
      [
        2021,
        [
          [12, 3],
          [11, 2],
          [10, 1],
        ],
      ],
      [2020, [[6, 1]]],
    ]);
  });

  test('no articles: no years', () => {
    expect(buildArchive([], SHANGHAI)).toEqual({ years: [], members: new Map() });
  });

  test('keys are a year, or a year and a two-digit month', () => {
    expect([archiveKey(2021), archiveKey(2021, 1), archiveKey(2021, 12)]).toEqual(['2021', '2021-01', '2021-12']);
  });
});
