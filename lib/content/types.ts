import type { SanitizeChange } from '../sanitize/sanitize-report';

/**
 * How bad a problem is. error: the file, or its body, is not served. warning: something in it was
 * ignored or changed. notice: worth knowing (a date read in SITE_TIMEZONE); never logged by the server.
 */
export type Severity = 'error' | 'warning' | 'notice';

/** What a problem is about, for summaries and for tools that filter (`npm run check:content -- --json`). */
export type ProblemKind =
  | 'unreadable'
  | 'symlink'
  | 'binary'
  | 'empty'
  | 'front-matter'
  | 'yaml'
  | 'code-front-matter'
  | 'title'
  | 'date'
  | 'date-zone'
  | 'categories'
  | 'tags'
  | 'image'
  | 'image-missing'
  | 'field'
  | 'duplicate-slug'
  | 'permalink'
  | 'body'
  | 'hexo-tag'
  | 'asset-missing'
  | 'sanitized';

/** One problem found in an article file: reported with its path and reason, never fatal to the site. */
export type Problem = {
  file: string;
  severity: Severity;
  kind: ProblemKind;
  reason: string;
  /** 1-based line in the file, where known. */
  line?: number;
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
  /** Front-matter `permalink:`, the article's old Hexo address, as written. */
  permalink?: string;
};

export type Article = ArticleSummary & {
  /** Sanitized HTML, safe to insert as is. */
  html: string;
  /** Set when the body was refused (too large or too deeply nested); `html` is then empty. */
  bodyError?: string;
  /** What sanitizing removed or changed, and why: made in preview only. */
  sanitizeReport?: { changes: SanitizeChange[]; unlisted: number };
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
