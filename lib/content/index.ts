/** The content module: the only way pages reach articles. */
export { getArticle } from './article';
export { findAsset } from './assets';
export { isPreview } from './current-index';
export { getNewestArticles, type NewestArticles } from './published';
export { getSitemapSource, type SitemapSource } from './sitemap-source';
export {
  getArchive,
  getArchivePage,
  getCategoryPage,
  getAllCategories,
  getCategoryTree,
  findPreviewArticle,
  getFrontPage,
  getNeighbours,
  getNewestSlugs,
  getSummary,
  getTagPage,
  getTags,
  type ArchiveListing,
  type CategoryListing,
  type Neighbours,
  type TagCount,
} from './queries';
export { parsePageParam, pageCount } from './paginate';
export {
  resolveCategoryRoute,
  resolveLegacyPermalink,
  resolvePublishedLegacyPath,
  resolveSlug,
  resolveTag,
  type CategoryRoute,
} from './resolve-params';
export type { ArchiveMonth, ArchiveYear } from './archives';
export type { Article, ArticleSummary, CategoryNode, Page, Problem } from './types';
