import { PAGE_SIZE } from '../config';
import type { Page } from './types';

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** One page of a list; null when the page does not exist (page 1 of an empty list does). */
export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> | null {
  const totalPages = pageCount(items.length, size);
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null;
  return { items: items.slice((page - 1) * size, page * size), page, totalPages, total: items.length };
}

/** A page number from a URL segment: digits only, no leading zero; anything else is null. */
export function parsePageParam(segment: string | undefined): number | null {
  if (segment === undefined || !/^[1-9]\d{0,8}$/.test(segment)) return null;
  return Number(segment);
}
