import { siteConfig } from '../config';
import type { ArticleSummary } from '../content/types';
import { toZonedIso } from '../dates';

/** An absolute URL on this site for a root-relative one; absolute ones are kept. */
const absolute = (url: string) => new URL(url, `${siteConfig.url}/`).toString();

/** schema.org NewsArticle for an article page: what search engines show as its headline, dates and image. */
export function newsArticleJsonLd(article: ArticleSummary, path: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.excerpt || undefined,
    datePublished: toZonedIso(new Date(article.date), siteConfig.timeZone),
    dateModified: toZonedIso(new Date(article.updated ?? article.date), siteConfig.timeZone),
    author: article.author ? [{ '@type': 'Person', name: article.author }] : undefined,
    image: article.image ? [absolute(article.image)] : undefined,
    articleSection: article.categories[0]?.join(' › '),
    keywords: article.tags.length > 0 ? article.tags.join(', ') : undefined,
    inLanguage: siteConfig.locale,
    mainEntityOfPage: absolute(path),
    publisher: { '@type': 'Organization', name: siteConfig.name, url: siteConfig.url },
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are escaped as JSON unicode
 * escapes, so a title holding `</script>` or `<!--` cannot end the script or open a comment, and
 * U+2028/U+2029 so the text is valid JavaScript too.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
