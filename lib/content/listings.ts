import { archiveUrl, categoryUrl, frontPageUrl, tagUrl } from '../urls';
import { categoryKey } from './categories';

/**
 * A paginated listing an article appears in, as a string (so sets and maps can hold it): the front page's,
 * a category (any level), a tag, an archive year or month.
 */
export type ListingId = string;

const SEP = '\u0000';

export const FRONT_PAGE_LISTING: ListingId = 'front';
export const categoryListing = (path: readonly string[]): ListingId => `c${SEP}${categoryKey(path)}`;
export const tagListing = (tag: string): ListingId => `t${SEP}${tag}`;
export const yearListing = (year: number): ListingId => `y${SEP}${year}`;
export const monthListing = (year: number, month: number): ListingId => `m${SEP}${year}${SEP}${month}`;

/** The address of a page of a listing. */
export function listingUrl(id: ListingId, page: number): string {
  const [kind, ...rest] = id.split(SEP);
  switch (kind) {
    case 'front':
      return frontPageUrl(page);
    case 'c':
      return categoryUrl(rest, page);
    case 't':
      return tagUrl(rest[0]!, page);
    case 'y':
      return archiveUrl(Number(rest[0]), undefined, page);
    default:
      return archiveUrl(Number(rest[0]), Number(rest[1]), page);
  }
}

/** The category path of a category listing, or null. */
export function listingCategory(id: ListingId): string[] | null {
  const [kind, ...rest] = id.split(SEP);
  return kind === 'c' ? rest : null;
}

/** The listing whose pages show this one's count: a category's parent, a month's year; else null. */
export function parentListing(id: ListingId): ListingId | null {
  const [kind, ...rest] = id.split(SEP);
  if (kind === 'c' && rest.length > 1) return categoryListing(rest.slice(0, -1));
  if (kind === 'm') return yearListing(Number(rest[0]));
  return null;
}
