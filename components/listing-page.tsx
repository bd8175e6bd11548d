import type { ReactNode } from 'react';
import type { ArticleSummary, Page } from '@/lib/content';
import { ArticleList } from './article-list';
import { Pagination } from './pagination';

/** The shape every listing shares: heading, articles, page links. */
export function ListingPage({
  heading,
  intro,
  page,
  href,
}: {
  heading: ReactNode;
  intro?: ReactNode;
  page: Page<ArticleSummary>;
  href: (page: number) => string;
}) {
  return (
    <>
      <header className="border-b border-zinc-200 pb-4 dark:border-zinc-800">
        {heading}
        {intro}
      </header>
      <ArticleList articles={page.items} />
      <Pagination page={page.page} totalPages={page.totalPages} href={href} />
    </>
  );
}
