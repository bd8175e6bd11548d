import type { Metadata } from 'next';
import { siteConfig } from '../config';
import type { ArticleSummary } from '../content/types';
import { feedAlternates } from '../feeds/feed-formats';

/**
 * Open Graph wants language_TERRITORY: `zh_CN` where HTML has `zh-CN`, and also where a Hexo site's
 * `language` has the script (`zh-Hans`) or nothing more (`zh`), as Intl's likely subtags complete it.
 */
export function openGraphLocale(locale: string): string {
  const full = new Intl.Locale(locale).maximize();
  return full.region ? `${full.language}_${full.region}` : full.language;
}

const ogLocale = openGraphLocale(siteConfig.locale);

/** The head of a 404 (Next.js adds its own noindex as well, from the status). */
export const NOT_FOUND_METADATA: Metadata = { title: '页面不存在', robots: { index: false } };

type PageFacts = {
  /** Without the site name: the layout's title template adds it. */
  title?: string;
  description?: string;
  /** The page's path: its canonical URL, made absolute with SITE_URL. */
  path: string;
  image?: string;
  /** A category, whose own feeds are advertised beside the site's. */
  feedsOf?: readonly string[];
};

/**
 * Title, description, canonical URL, feeds, Open Graph and Twitter card of a page. Next.js merges
 * page metadata over the layout's shallowly, so every page gets all of them from here.
 */
export function pageMetadata({
  title,
  description = siteConfig.description,
  path,
  image,
  feedsOf,
}: PageFacts): Metadata {
  const images = image ? [{ url: image }] : undefined;
  return {
    ...(title !== undefined && { title }),
    description,
    alternates: { canonical: path, types: feedAlternates(siteConfig.name, feedsOf) },
    openGraph: {
      type: 'website',
      siteName: siteConfig.name,
      locale: ogLocale,
      url: path,
      title: title ?? siteConfig.name,
      description,
      images,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title: title ?? siteConfig.name, description, images },
  };
}

/** A page's metadata, as an article: Open Graph `article` with its times, author, section and tags. */
export function articleMetadata(article: ArticleSummary, path: string): Metadata {
  const base = pageMetadata({
    title: article.title,
    description: article.excerpt || undefined,
    path,
    image: article.image,
  });
  return {
    ...base,
    ...(article.author && { authors: [{ name: article.author }] }),
    openGraph: {
      ...base.openGraph,
      type: 'article',
      publishedTime: article.date,
      modifiedTime: article.updated ?? article.date,
      authors: article.author ? [article.author] : undefined,
      section: article.categories[0]?.at(-1),
      tags: article.tags,
    },
  };
}
