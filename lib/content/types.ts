/** One problem found in an article file: reported with its path and reason, never fatal to the site. */
export type Problem = {
  file: string;
  severity: 'error' | 'warning';
  reason: string;
};

export type BodyFormat = 'html' | 'markdown';

/** What listings need of an article: everything but its body. */
export type ArticleSummary = {
  slug: string;
  title: string;
  /** ISO 8601 instant. */
  date: string;
  updated?: string;
  author?: string;
  /** Each category is a hierarchy, parent first. */
  categories: string[][];
  tags: string[];
  /** Lead image URL (thumbnail, headimg, cover…), already checked. */
  image?: string;
  excerpt: string;
  draft: boolean;
  /** Path of the source file relative to the content folder, with `/` separators. */
  file: string;
  format: BodyFormat;
};

export type Article = ArticleSummary & {
  /** Sanitized HTML, safe to insert as is. */
  html: string;
  /** Set when the body was refused (too large or too deeply nested); `html` is then empty. */
  bodyError?: string;
};

export type CategoryNode = {
  name: string;
  path: string[];
  /** Number of distinct articles in this category and its descendants. */
  count: number;
  children: CategoryNode[];
};

export type Page<T> = {
  items: T[];
  page: number;
  totalPages: number;
  total: number;
};
