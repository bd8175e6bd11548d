import { expandPermalink, normalizePermalinkPath, type PermalinkPattern } from '../permalink-pattern';
import { isSiteRoute } from '../site-routes';
import type { ArticleSummary } from './types';

export type PermalinkMap = {
  /** Normalized old address (see `normalizePermalinkPath`) → slug of the article now there. */
  paths: Map<string, string>;
  warnings: { file: string; reason: string }[];
};

type Claim = { path: string; article: ArticleSummary; override: boolean };

/**
 * Old Hexo addresses of the articles: a front-matter `permalink:` replaces the pattern's, as in
 * Hexo. When two articles claim one address the first keeps it: published before drafts (a draft
 * in preview never takes a live article's old link), then front-matter addresses, then path order.
 * An address under one of the site's own routes (`/tags/…`, `/posts/…`) stays the site's.
 */
export function buildPermalinks(
  articles: readonly ArticleSummary[],
  pattern: PermalinkPattern,
  timeZone: string,
): PermalinkMap {
  const claims: Claim[] = articles.map((article) =>
    article.permalink
      ? { path: normalizePermalinkPath(article.permalink), article, override: true }
      : { path: expandPermalink(pattern, article, timeZone), article, override: false },
  );
  claims.sort(
    (a, b) =>
      Number(a.article.draft) - Number(b.article.draft) ||
      Number(b.override) - Number(a.override) ||
      (a.article.file < b.article.file ? -1 : a.article.file > b.article.file ? 1 : 0),
  );

  const paths = new Map<string, string>();
  const owners = new Map<string, string>();
  const warnings: PermalinkMap['warnings'] = [];
  for (const { path, article } of claims) {
    if (path === '') {
      warnings.push({ file: article.file, reason: 'permalink is the home page; ignored' });
      continue;
    }
    if (isSiteRoute(path)) {
      // `posts/:title/` was the old address of every article, and still is.
      if (path === normalizePermalinkPath(`posts/${article.slug}`)) continue;
      warnings.push({ file: article.file, reason: `permalink "/${path}" is the site's own address; not redirected` });
      continue;
    }
    const owner = owners.get(path);
    if (owner !== undefined) {
      warnings.push({ file: article.file, reason: `permalink "/${path}" is already ${owner}'s; not redirected here` });
      continue;
    }
    paths.set(path, article.slug);
    owners.set(path, article.file);
  }
  return { paths, warnings };
}
