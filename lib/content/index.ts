/** The content module: the only way pages reach articles. */
export { getArticle } from './article';
export { isPreview } from './current-index';
export type { ContentIndex } from './build-index';
export { getNewestArticles, getPublishedIndex, type NewestArticles } from './published';
export {
  getCategoryPage,
  getAllCategories,
  getCategoryTree,
  findPreviewArticle,
  getFeedPage,
  getNeighbours,
  getNewestSlugs,
  getSummary,
  getTagPage,
  getTags,
  type CategoryListing,
  type Neighbours,
  type TagCount,
} from './queries';
export { parsePageParam, pageCount } from './paginate';
export { resolveCategoryRoute, resolveSlug, resolveTag, type CategoryRoute } from './resolve-params';
export { slugToPath } from './slugs';
export type { Article, ArticleSummary, CategoryNode, Page, Problem } from './types';
