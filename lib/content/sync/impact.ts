import { FEED_SIZE, PAGE_SIZE } from '../../config';
import { FRONT_PAGE_LISTING, listingCategory, parentListing, type ListingId } from '../listings';
import type { Placement } from './placement';

/**
 * What a batch of changes changed on the site, kept in the change log so every server process can
 * refresh exactly those pages: the articles' own pages and the pages that show them, the listing
 * pages from the first one an article entered, left or moved on, the feeds they are in, and the
 * summaries (category, tag and archive indexes, the sitemap). `all` when a batch is too large to
 * be worth listing (a `git pull` of thousands of files): everything is refreshed.
 */
export type Impact = {
  all: boolean;
  articles: string[];
  /** Listing, first page, last page. */
  listings: [ListingId, number, number][];
  siteFeed: boolean;
  categoryFeeds: string[][];
  /** Old Hexo addresses claimed or given up. */
  claims: string[];
  summaries: boolean;
  /** The header's categories changed: every page. */
  layout: boolean;
};

export const emptyImpact = (): Impact => ({
  all: false,
  articles: [],
  listings: [],
  siteFeed: false,
  categoryFeeds: [],
  claims: [],
  summaries: false,
  layout: false,
});

const pageOf = (position: number) => Math.floor(position / PAGE_SIZE) + 1;
const pagesOf = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

export type ListingTotals = { before(id: ListingId): number; after(id: ListingId): number };

/**
 * Adds one article's change to `impact`: `before` and `after` are its placements (null where it
 * was or is not published), `listed` whether what listings show of it changed (not only its body).
 */
export function addChange(
  impact: Impact,
  before: Placement | null,
  after: Placement | null,
  listed: boolean,
  totals: ListingTotals,
): void {
  for (const placement of [before, after]) {
    if (!placement) continue;
    impact.articles.push(placement.slug, ...placement.shownBy);
    impact.claims.push(...placement.claims);
  }
  const listings = new Set([...(before?.positions.keys() ?? []), ...(after?.positions.keys() ?? [])]);
  // Listings the article joined or left: their parents show their counts (a category its
  // sub-categories', a year its months'), so every page of the parent changes too.
  const moved = [...listings].filter((id) => before?.positions.has(id) !== after?.positions.has(id));
  const parentsOfMoved = new Set(moved.map(parentListing).filter((id) => id !== null));
  for (const id of listings) {
    const old = before?.positions.get(id);
    const now = after?.positions.get(id);
    if (Math.min(old ?? Infinity, now ?? Infinity) < FEED_SIZE) {
      const category = listingCategory(id);
      if (category) impact.categoryFeeds.push(category);
      else if (id === FRONT_PAGE_LISTING) impact.siteFeed = true;
    }
    if (!listed && old === now) continue;
    if (old !== undefined && now !== undefined && !parentsOfMoved.has(id)) {
      // Same listing, same count: only the pages between its old and new places change.
      impact.listings.push([id, pageOf(Math.min(old, now)), pageOf(Math.max(old, now))]);
      continue;
    }
    // Joined or left: every page of a listing that shows its count or its number of pages changes.
    const pagesBefore = pagesOf(totals.before(id));
    const pagesAfter = pagesOf(totals.after(id));
    const showsCount = id !== FRONT_PAGE_LISTING;
    const from = showsCount || pagesBefore !== pagesAfter ? 1 : pageOf(Math.min(old ?? Infinity, now ?? Infinity));
    impact.listings.push([id, from, Math.max(pagesBefore, pagesAfter)]);
  }
  if (listed && (before || after)) impact.summaries = true;
}

/** Both impacts in one, without repeats. */
export function mergeImpacts(a: Impact, b: Impact): Impact {
  const ranges = new Map<ListingId, [number, number]>();
  for (const [id, from, to] of [...a.listings, ...b.listings]) {
    const seen = ranges.get(id);
    ranges.set(id, seen ? [Math.min(seen[0], from), Math.max(seen[1], to)] : [from, to]);
  }
  const categories = new Map([...a.categoryFeeds, ...b.categoryFeeds].map((path) => [path.join('\u0000'), path]));
  return {
    all: a.all || b.all,
    articles: [...new Set([...a.articles, ...b.articles])],
    listings: [...ranges].map(([id, [from, to]]) => [id, from, to]),
    siteFeed: a.siteFeed || b.siteFeed,
    categoryFeeds: [...categories.values()],
    claims: [...new Set([...a.claims, ...b.claims])],
    summaries: a.summaries || b.summaries,
    layout: a.layout || b.layout,
  };
}
