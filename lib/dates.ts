import { describeValue } from './describe-value';

/**
 * Dates as Hexo writes them. A value with a zone (RFC 2822, ISO 8601 with an offset, a YAML
 * timestamp ending in Z) is an instant; one without (`2021-10-28 14:08:07`, `2021-10-28`,
 * `2021-10-28T14:08:07`) is wall time in the site's time zone, as Hexo reads it.
 */

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export type DateParseResult = { ok: true; date: Date; zoned: boolean } | { ok: false; reason: string };

const WALL_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?|\b(?:GMT|UTC|UT|[ECMP][SD]T))$/i;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMs(instant: number, timeZone: string): number {
  let fmt = offsetFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the clocks of `timeZone` show the given wall time. */
export function wallTimeToInstant(
  [year, month, day, hour = 0, minute = 0, second = 0, ms = 0]: number[],
  timeZone: string,
): Date {
  const utcGuess = Date.UTC(year!, month! - 1, day!, hour, minute, second, ms);
  const firstOffset = zoneOffsetMs(utcGuess, timeZone);
  const candidate = utcGuess - firstOffset;
  // Across a DST change the offset at the candidate differs from the guess's; one more step settles it.
  const secondOffset = zoneOffsetMs(candidate, timeZone);
  return new Date(secondOffset === firstOffset ? candidate : utcGuess - secondOffset);
}

function checkRange(date: Date): DateParseResult {
  if (Number.isNaN(date.getTime())) return { ok: false, reason: 'is not a date' };
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, reason: `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}` };
  }
  return { ok: true, date, zoned: true };
}

function daysInMonth(year: number, month: number): number {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, 0);
  return probe.getUTCDate();
}

/** Checks a calendar date before any conversion: `Date` silently rolls 30 February into March. */
function checkCalendarDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (day < 1 || day > daysInMonth(year, month))
    return `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}`;
  return null;
}

function parseWallTime(match: RegExpMatchArray, timeZone: string): DateParseResult {
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((v) => (v === undefined ? undefined : Number(v)));
  const ms = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  const calendarProblem = checkCalendarDate(year!, month!, day!);
  if (calendarProblem) return { ok: false, reason: calendarProblem };
  if (hour! > 23 || minute! > 59 || second! > 59) return { ok: false, reason: 'time of day is out of range' };
  const result = checkRange(wallTimeToInstant([year!, month!, day!, hour!, minute!, second!, ms], timeZone));
  return result.ok ? { ...result, zoned: false } : result;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const RFC_2822_DATE = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})/;

/** The calendar date written in a zoned value, so impossible days are refused, not rolled over. */
function writtenCalendarDate(text: string): [number, number, number] | null {
  const iso = text.match(ISO_DATE);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const rfc = text.match(RFC_2822_DATE);
  if (rfc) return [Number(rfc[3]), MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1, Number(rfc[1])];
  return null;
}

/** Parses a front-matter date value (string, number of ms, or Date) into an instant. */
export function parseDate(value: unknown, timeZone: string): DateParseResult {
  if (value instanceof Date) return checkRange(value);
  if (typeof value === 'number' && Number.isFinite(value)) return checkRange(new Date(value));
  if (typeof value !== 'string') return { ok: false, reason: `expected a date, got ${describeValue(value)}` };
  const text = value.trim();
  if (text === '') return { ok: false, reason: 'is empty' };

  const wall = text.match(WALL_TIME);
  if (wall) return parseWallTime(wall, timeZone);

  // ISO 8601 with an offset, RFC 2822 and other zoned forms that V8 parses unambiguously.
  const written = HAS_ZONE.test(text) ? writtenCalendarDate(text) : null;
  if (written) {
    const calendarProblem = checkCalendarDate(...written);
    if (calendarProblem) return { ok: false, reason: `"${truncate(text)}": ${calendarProblem}` };
    // V8 wants `+08:00` where ISO 8601 also allows `+08` and `+0800`.
    const parsed = checkRange(
      new Date(text.replace(/([T\d:.]\s*[+-]\d{2})(\d{2})?$/, (_, h: string, m?: string) => `${h}:${m ?? '00'}`)),
    );
    return parsed.ok ? parsed : { ok: false, reason: `"${text}" ${parsed.reason}` };
  }
  return {
    ok: false,
    reason: `"${truncate(text)}" is not a recognised date format (use 2021-10-28 14:08:07, ISO 8601 or RFC 2822)`,
  };
}

function truncate(text: string) {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** Calendar date and time of day of an instant as the clocks of `timeZone` show it. */
export function zonedWallTime(date: Date, timeZone: string): WallTime {
  const shifted = new Date(date.getTime() + zoneOffsetMs(date.getTime(), timeZone));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** Year and month (1–12) of an instant as the site's clocks show it. */
export function zonedYearMonth(date: Date, timeZone: string): { year: number; month: number } {
  const { year, month } = zonedWallTime(date, timeZone);
  return { year, month };
}

/** An instant as ISO 8601 with the site's offset (`2021-11-16T17:12:02+08:00`), as structured data wants it. */
export function toZonedIso(date: Date, timeZone: string): string {
  const offset = zoneOffsetMs(date.getTime(), timeZone);
  const local = new Date(Math.floor(date.getTime() / 1000) * 1000 + offset).toISOString().slice(0, 19);
  const minutes = Math.round(offset / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
