import type { Metadata } from 'next';
import { ArticleFooter } from '@/components/article-footer';
import { ArticleMeta } from '@/components/article-meta';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { LeadImage } from '@/components/lead-image';
import { ArticleBody } from '@/components/article-body';
import { SanitizeReportPanel } from '@/components/sanitize-report-panel';
import { TagLinks } from '@/components/tag-links';
import { PRERENDER_NEWEST } from '@/lib/config';
import { getArticle, getNeighbours, getNewestSlugs, getSummary, resolveSlug } from '@/lib/content';
import { NOT_FOUND_METADATA, articleMetadata } from '@/lib/metadata/page-metadata';
import { newsArticleJsonLd } from '@/lib/metadata/news-article-json-ld';
import { articleUrl, categoryUrl } from '@/lib/urls';
import { JsonLd } from '@/components/json-ld';
import { NotFoundPage } from '@/components/not-found-page';

type Props = { params: Promise<{ slug: string[] }> };

export async function generateStaticParams() {
  return (await getNewestSlugs(PRERENDER_NEWEST)).map((slug) => ({ slug: slug.split('/') }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = await resolveSlug((await params).slug);
  const article = slug && (await getSummary(slug));
  if (!article) return NOT_FOUND_METADATA;
  return articleMetadata(article, articleUrl(article.slug));
}

export default async function ArticlePage({ params }: Props) {
  const slug = await resolveSlug((await params).slug);
  const article = slug && (await getArticle(slug));
  if (!article) return <NotFoundPage />;
  const neighbours = await getNeighbours(article.slug);
  const primary = article.categories[0];
  // Aggregated news often repeats its lead image as the body's first picture: show it once.
  const leadImage =
    article.image && !article.html.includes(`src="${article.image.replaceAll('&', '&amp;')}"`)
      ? article.image
      : undefined;

  return (
    <article className="mx-auto max-w-3xl">
      <JsonLd data={newsArticleJsonLd(article, articleUrl(article.slug))} />
      <header className="space-y-4">
        {primary && (
          <Breadcrumbs
            items={[
              { name: '首页', href: '/' },
              ...primary.map((name, i) => ({ name, href: categoryUrl(primary.slice(0, i + 1)) })),
            ]}
          />
        )}
        <h1 className="text-2xl leading-snug font-bold sm:text-3xl">{article.title}</h1>
        <ArticleMeta article={article} withTime />
        <TagLinks tags={article.tags} />
      </header>
      {leadImage && (
        <LeadImage src={leadImage} eager className="mt-6 max-h-[28rem] w-full rounded-lg" width={1200} height={800} />
      )}
      {article.bodyError ? (
        <p
          role="alert"
          className="mt-8 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          正文无法显示：{article.bodyError}
        </p>
      ) : (
        <ArticleBody html={article.html} className="mt-8" />
      )}
      {article.sanitizeReport && <SanitizeReportPanel report={article.sanitizeReport} />}
      <ArticleFooter neighbours={neighbours} />
    </article>
  );
}
