import { zonedYearMonth } from '../dates';

export type ArchiveMonth = { year: number; month: number; count: number };
export type ArchiveYear = { year: number; count: number; months: ArchiveMonth[] };

export type Archive = {
  /** Years newest first, each with its months newest first; only those with articles. */
  years: ArchiveYear[];
  /** `archiveKey(year)` or `archiveKey(year, month)` → positions in the article list, in its order. */
  members: Map<string, number[]>;
};

export const archiveKey = (year: number, month?: number) =>
  month === undefined ? String(year) : `${year}-${String(month).padStart(2, '0')}`;

/** Groups articles by the year and month their date has in `timeZone`, the site's clocks. */
export function buildArchive(articles: readonly { date: string }[], timeZone: string): Archive {
  const members = new Map<string, number[]>();
  const add = (key: string, position: number) => {
    const list = members.get(key);
    if (list) list.push(position);
    else members.set(key, [position]);
  };
  const months = new Map<number, Set<number>>();
  articles.forEach((article, position) => {
    const { year, month } = zonedYearMonth(new Date(article.date), timeZone);
    add(archiveKey(year), position);
    add(archiveKey(year, month), position);
    const seen = months.get(year);
    if (seen) seen.add(month);
    else months.set(year, new Set([month]));
  });

  const newestFirst = (a: number, b: number) => b - a;
  const years = [...months.keys()].sort(newestFirst).map((year) => ({
    year,
    count: members.get(archiveKey(year))!.length,
    months: [...months.get(year)!]
      .sort(newestFirst)
      .map((month) => ({ year, month, count: members.get(archiveKey(year, month))!.length })),
  }));
  return { years, members };
}
