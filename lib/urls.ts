import { slugToPath } from './content/slugs';

const segments = (parts: readonly string[]) => parts.map(encodeURIComponent).join('/');
const withPage = (base: string, page = 1) => (page > 1 ? `${base === '/' ? '' : base}/page/${page}` : base);

export const frontPageUrl = (page = 1) => withPage('/', page);
export const articleUrl = (slug: string) => `/posts/${slugToPath(slug)}`;
export const categoryUrl = (path: readonly string[], page = 1) => withPage(`/categories/${segments(path)}`, page);
export const tagUrl = (tag: string, page = 1) => withPage(`/tags/${encodeURIComponent(tag)}`, page);
export const archiveUrl = (year?: number, month?: number, page = 1) =>
  withPage(
    ['/archives', year, month && String(month).padStart(2, '0')].filter((part) => part !== undefined).join('/'),
    page,
  );
export const searchUrl = (query: string, page = 1) =>
  `/search?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}`;
