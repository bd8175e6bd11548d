import { parsePageParam } from './content/paginate';

export type ArchiveRoute = {
  year: number;
  /** 1–12; undefined for the whole year. */
  month?: number;
  page: number;
};

const YEAR = /^\d{4}$/;
// Months are written with two digits, as Hexo's archives do: `/archives/2021/1` is not an address.
const MONTH = /^(?:0[1-9]|1[0-2])$/;

/**
 * `/archives/YYYY`, `/archives/YYYY/MM` and either with `/page/N`; null for anything else. Whether
 * the year or month has articles is the content module's question.
 */
export function parseArchiveRoute(parts: readonly string[]): ArchiveRoute | null {
  const [yearPart, ...rest] = parts;
  if (yearPart === undefined || !YEAR.test(yearPart)) return null;
  const year = Number(yearPart);
  let month: number | undefined;
  if (rest[0] !== undefined && rest[0] !== 'page') {
    if (!MONTH.test(rest[0])) return null;
    month = Number(rest.shift());
  }
  if (rest.length === 0) return { year, month, page: 1 };
  const page = rest.length === 2 && rest[0] === 'page' ? parsePageParam(rest[1]) : null;
  return page === null ? null : { year, month, page };
}
