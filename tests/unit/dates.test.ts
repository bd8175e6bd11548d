import { describe, expect, test } from 'vitest';
import { parseDate, wallTimeToInstant, zonedYearMonth } from '@/lib/dates';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

/** The instant as an ISO string, failing the test with the reason when the value is refused. */
function instant(value: unknown, timeZone = SHANGHAI): string {
  const result = parseDate(value, timeZone);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(value)} to parse, got: ${result.reason}`);
  return result.date.toISOString();
}

function reason(value: unknown, timeZone = SHANGHAI): string {
  const result = parseDate(value, timeZone);
  if (result.ok) throw new Error(`expected ${JSON.stringify(value)} to be refused, got ${result.date.toISOString()}`);
  return result.reason;
}

describe('parseDate: zoned forms are instants whatever the site time zone', () => {
  test('RFC 2822 with GMT, as in the seed article', () => {
    expect(instant('Tue, 16 Nov 2021 09:12:02 GMT')).toBe('2021-11-16T09:12:02.000Z');
    expect(instant('Tue, 16 Nov 2021 09:12:02 GMT', NEW_YORK)).toBe('2021-11-16T09:12:02.000Z');
  });

  test('RFC 2822 with a numeric offset', () => {
    expect(instant('Tue, 16 Nov 2021 17:12:02 +0800')).toBe('2021-11-16T09:12:02.000Z');
  });

  test('ISO 8601 with an offset', () => {
    expect(instant('2021-11-16T09:12:02+08:00')).toBe('2021-11-16T01:12:02.000Z');
    expect(instant('2021-11-16T09:12:02-05:00', SHANGHAI)).toBe('2021-11-16T14:12:02.000Z');
  });

  test('ISO 8601 ending in Z, with milliseconds', () => {
    expect(instant('2021-11-16T09:12:02Z')).toBe('2021-11-16T09:12:02.000Z');
    expect(instant('2021-11-16T09:12:02.345Z', NEW_YORK)).toBe('2021-11-16T09:12:02.345Z');
  });

  test('a Date object (what a YAML timestamp would be) and a number of milliseconds', () => {
    expect(instant(new Date('2021-11-16T09:12:02Z'))).toBe('2021-11-16T09:12:02.000Z');
    expect(instant(Date.UTC(2021, 10, 16, 9, 12, 2))).toBe('2021-11-16T09:12:02.000Z');
  });
});

describe('parseDate: dates without a zone are wall time in the site time zone', () => {
  test('ISO 8601 without an offset is Shanghai wall time: 8 hours before UTC', () => {
    expect(instant('2021-11-16T09:12:02')).toBe('2021-11-16T01:12:02.000Z');
  });

  test('Hexo `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai', () => {
    expect(instant('2021-10-28 14:08:07')).toBe('2021-10-28T06:08:07.000Z');
  });

  test('the same Hexo date in America/New_York is another instant (EDT, UTC−4)', () => {
    expect(instant('2021-10-28 14:08:07', NEW_YORK)).toBe('2021-10-28T18:08:07.000Z');
  });

  test('New York winter time (EST, UTC−5) after the DST change of 7 Nov 2021', () => {
    expect(instant('2021-12-01 14:08:07', NEW_YORK)).toBe('2021-12-01T19:08:07.000Z');
  });

  test('the repeated hour when New York clocks go back is read as its first occurrence (EDT)', () => {
    expect(instant('2021-11-07 01:30:00', NEW_YORK)).toBe('2021-11-07T05:30:00.000Z');
  });

  test('date only is midnight in the site time zone', () => {
    expect(instant('2021-10-28')).toBe('2021-10-27T16:00:00.000Z');
    expect(instant('2021-10-28', NEW_YORK)).toBe('2021-10-28T04:00:00.000Z');
  });

  test('single-digit month, day and hour', () => {
    expect(instant('2021-3-5 9:05')).toBe('2021-03-05T01:05:00.000Z');
    expect(instant('2021-3-5')).toBe('2021-03-04T16:00:00.000Z');
  });

  test('surrounding whitespace is ignored', () => {
    expect(instant('  2021-10-28 14:08:07 \n')).toBe('2021-10-28T06:08:07.000Z');
  });
});

describe('parseDate: the zoned flag', () => {
  test.each([
    ['Tue, 16 Nov 2021 09:12:02 GMT', true],
    ['2021-11-16T09:12:02+08:00', true],
    ['2021-11-16T09:12:02Z', true],
    ['2021-11-16T09:12:02', false],
    ['2021-10-28 14:08:07', false],
    ['2021-10-28', false],
  ])('%s → zoned %s', (value, zoned) => {
    const result = parseDate(value, SHANGHAI);
    expect(result.ok && result.zoned).toBe(zoned);
  });

  test('a Date object is zoned', () => {
    const result = parseDate(new Date('2021-11-16T09:12:02Z'), SHANGHAI);
    expect(result.ok && result.zoned).toBe(true);
  });
});

describe('parseDate: invalid values are refused with a reason', () => {
  test('month 13', () => {
    expect(reason('2021-13-45')).toBe('month 13 does not exist');
  });

  test('30 February', () => {
    expect(reason('2021-02-30')).toBe('day 30 does not exist in 2021-02');
  });

  test('29 February outside a leap year, but not in one', () => {
    expect(reason('2021-02-29')).toBe('day 29 does not exist in 2021-02');
    expect(instant('2020-02-29')).toBe('2020-02-28T16:00:00.000Z');
  });

  test('time of day out of range', () => {
    expect(reason('2021-10-28 24:00')).toBe('time of day is out of range');
    expect(reason('2021-10-28 12:60')).toBe('time of day is out of range');
  });

  test('words', () => {
    expect(reason('yesterday')).toBe(
      '"yesterday" is not a recognised date format (use 2021-10-28 14:08:07, ISO 8601 or RFC 2822)',
    );
  });

  test('year 0 is refused in Asia/Shanghai', () => {
    expect(parseDate('0000-01-01', SHANGHAI).ok).toBe(false);
  });

  // Date.UTC reads years 0–99 as 1900–1999, so these pass the 1900–2100 range check as 19xx.
  test('year 0 is refused whatever the site time zone (UTC, New York)', () => {
    expect(parseDate('0000-01-01', 'UTC')).toMatchObject({ ok: false });
    expect(parseDate('0000-01-01', NEW_YORK)).toMatchObject({ ok: false });
  });

  test('a two-digit year written as 0050 is not read as 1950', () => {
    expect(parseDate('0050-06-01', SHANGHAI)).toMatchObject({ ok: false });
  });

  test('year 9999', () => {
    expect(reason('9999-01-01', 'UTC')).toBe('year 9999 is outside 1900–2100');
    expect(reason('9999-12-31T00:00:00Z')).toBe('"9999-12-31T00:00:00Z": year 9999 is outside 1900–2100');
  });

  test('an ISO date with a zone and a month that does not exist', () => {
    expect(reason('2021-13-01T00:00:00Z')).toBe('"2021-13-01T00:00:00Z": month 13 does not exist');
  });

  // Zoned values are handed to `new Date`, which rolls 30 February over to 2 March.
  test('30 February with a zone is refused like 30 February without one', () => {
    expect(parseDate('2021-02-30T00:00:00Z', SHANGHAI)).toMatchObject({ ok: false });
    expect(parseDate('2021-02-30T08:00:00+08:00', SHANGHAI)).toMatchObject({ ok: false });
  });

  test('31 November in RFC 2822 is refused, not rolled over to 1 December', () => {
    expect(parseDate('Wed, 31 Nov 2021 09:12:02 GMT', SHANGHAI)).toMatchObject({ ok: false });
  });

  test('empty and blank strings', () => {
    expect(reason('')).toBe('is empty');
    expect(reason('   ')).toBe('is empty');
  });

  test.each([
    [null, 'expected a date, got null'],
    [undefined, 'expected a date, got undefined'],
    [{ year: 2021 }, 'expected a date, got an object'],
    [['2021-10-28'], 'expected a date, got a list'],
    [true, 'expected a date, got boolean'],
    [Number.NaN, 'expected a date, got number'],
  ])('%j → %s', (value, expected) => {
    expect(reason(value)).toBe(expected);
  });

  test('an invalid Date object', () => {
    expect(reason(new Date('nope'))).toBe('is not a date');
  });

  test('a long unrecognised value is cut in the reason', () => {
    const text = 'x'.repeat(100);
    expect(reason(text)).toBe(
      `"${'x'.repeat(60)}…" is not a recognised date format (use 2021-10-28 14:08:07, ISO 8601 or RFC 2822)`,
    );
  });
});

describe('wallTimeToInstant', () => {
  test('Shanghai wall time is UTC+8 all year', () => {
    expect(wallTimeToInstant([2021, 10, 28, 14, 8, 7], SHANGHAI).toISOString()).toBe('2021-10-28T06:08:07.000Z');
    expect(wallTimeToInstant([2021, 7, 1], SHANGHAI).toISOString()).toBe('2021-06-30T16:00:00.000Z');
  });

  test('New York wall time follows DST, milliseconds included', () => {
    expect(wallTimeToInstant([2021, 7, 1, 12, 0, 0, 250], NEW_YORK).toISOString()).toBe('2021-07-01T16:00:00.250Z');
    expect(wallTimeToInstant([2021, 1, 1, 12], NEW_YORK).toISOString()).toBe('2021-01-01T17:00:00.000Z');
  });
});

describe('zonedYearMonth', () => {
  test('17:00 GMT on 30 November is already December in Shanghai', () => {
    expect(zonedYearMonth(new Date('Tue, 30 Nov 2021 17:00:00 GMT'), SHANGHAI)).toEqual({ year: 2021, month: 12 });
  });

  test('the same instant is still November in UTC and in New York', () => {
    const date = new Date('Tue, 30 Nov 2021 17:00:00 GMT');
    expect(zonedYearMonth(date, 'UTC')).toEqual({ year: 2021, month: 11 });
    expect(zonedYearMonth(date, NEW_YORK)).toEqual({ year: 2021, month: 11 });
  });

  test('New Year in Shanghai comes 8 hours before New Year in UTC', () => {
    expect(zonedYearMonth(new Date('2021-12-31T16:00:00Z'), SHANGHAI)).toEqual({ year: 2022, month: 1 });
    expect(zonedYearMonth(new Date('2021-12-31T15:59:59Z'), SHANGHAI)).toEqual({ year: 2021, month: 12 });
  });
});
