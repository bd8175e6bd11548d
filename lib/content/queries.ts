import 'server-only';
import { archiveKey, type ArchiveMonth, type ArchiveYear } from './archives';
import type { ContentIndex } from './build-index';
import { categoryKey } from './categories';
import { paginate } from './paginate';
import { currentIndex } from './current-index';
import { normalizeSlug, paramCandidates } from './slugs';
import { getPreviewIndex } from './store';
import type { ArticleSummary, CategoryNode, Page } from './types';

export async function getFeedPage(page: number): Promise<Page<ArticleSummary> | null> {
  return paginate((await currentIndex()).articles, page);
}

export async function getCategoryTree(): Promise<CategoryNode[]> {
  return (await currentIndex()).categories;
}

function findNode(roots: CategoryNode[], path: readonly string[]): CategoryNode | null {
  let level = roots;
  let node: CategoryNode | null = null;
  for (const name of path) {
    node = level.find((n) => n.name === name) ?? null;
    if (!node) return null;
    level = node.children;
  }
  return node;
}

export type CategoryListing = { category: CategoryNode; page: Page<ArticleSummary> };

/** One page of the articles at `positions` in the index's list; null when there is no such page. */
function pageOf(index: ContentIndex, positions: readonly number[], page: number): Page<ArticleSummary> | null {
  const listing = paginate(positions, page);
  return listing && { ...listing, items: listing.items.map((i) => index.articles[i]!) };
}

export async function getCategoryPage(path: readonly string[], page: number): Promise<CategoryListing | null> {
  const index = await currentIndex();
  const category = findNode(index.categories, path);
  if (!category) return null;
  const listing = pageOf(index, index.categoryMembers.get(categoryKey(path)) ?? [], page);
  return listing && { category, page: listing };
}

export async function getTagPage(tag: string, page: number): Promise<Page<ArticleSummary> | null> {
  const index = await currentIndex();
  const positions = index.tagMembers.get(tag);
  return positions ? pageOf(index, positions, page) : null;
}

/** Every year with articles, newest first, each with its months and their counts. */
export async function getArchive(): Promise<ArchiveYear[]> {
  return (await currentIndex()).archive.years;
}

export type ArchiveListing = { year: ArchiveYear; month?: ArchiveMonth; page: Page<ArticleSummary> };

/** One page of a year's articles, or of a month's (1–12); null for a year, month or page without articles. */
export async function getArchivePage(year: number, month: number | undefined, page: number): Promise<ArchiveListing | null> {
  const index = await currentIndex();
  const found = index.archive.years.find((y) => y.year === year);
  const foundMonth = month === undefined ? undefined : found?.months.find((m) => m.month === month);
  if (!found || (month !== undefined && !foundMonth)) return null;
  const listing = pageOf(index, index.archive.members.get(archiveKey(year, month))!, page);
  return listing && { year: found, ...(foundMonth && { month: foundMonth }), page: listing };
}

export type TagCount = { name: string; count: number };

export async function getTags(): Promise<TagCount[]> {
  const index = await currentIndex();
  return [...index.tagMembers]
    .map(([name, positions]) => ({ name, count: positions.length }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
}

export async function getSummary(slug: string): Promise<ArticleSummary | null> {
  return (await currentIndex()).bySlug.get(slug)?.article ?? null;
}

export type Neighbours = { newer?: ArticleSummary; older?: ArticleSummary; related: ArticleSummary[] };

const RELATED_COUNT = 5;

/** Newer and older articles in the feed, and the newest others from the article's deepest category. */
export async function getNeighbours(slug: string): Promise<Neighbours> {
  const index = await currentIndex();
  const entry = index.bySlug.get(slug);
  if (!entry) return { related: [] };
  const { article, position } = entry;
  const related: ArticleSummary[] = [];
  const seen = new Set([position]);
  for (const hierarchy of article.categories) {
    for (let depth = hierarchy.length; depth >= 1 && related.length < RELATED_COUNT; depth--) {
      for (const p of index.categoryMembers.get(categoryKey(hierarchy.slice(0, depth))) ?? []) {
        if (related.length >= RELATED_COUNT) break;
        if (!seen.has(p)) {
          seen.add(p);
          related.push(index.articles[p]!);
        }
      }
    }
  }
  return { newer: index.articles[position - 1], older: index.articles[position + 1], related };
}

/** Slugs to prerender at build time: the newest articles. */
export async function getNewestSlugs(count: number): Promise<string[]> {
  return (await currentIndex()).articles.slice(0, count).map((a) => a.slug);
}

/** Every category, parents before children. */
export async function getAllCategories(): Promise<CategoryNode[]> {
  const all: CategoryNode[] = [];
  const visit = (nodes: CategoryNode[]) => nodes.forEach((n) => (all.push(n), visit(n.children)));
  visit((await currentIndex()).categories);
  return all;
}


/** The article or draft an editor asks to preview, by its slug as written or percent-encoded. */
export async function findPreviewArticle(slug: string): Promise<ArticleSummary | null> {
  const index = await getPreviewIndex();
  for (const candidate of paramCandidates(slug.split('/'))) {
    const entry = index.bySlug.get(normalizeSlug(candidate.join('/')));
    if (entry) return entry.article;
  }
  return null;
}
