import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { ListingPage } from '@/components/listing-page';
import { PRERENDER_PAGES, siteConfig } from '@/lib/config';
import { getAllCategories, getCategoryPage, pageCount, resolveCategoryRoute } from '@/lib/content';
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/metadata/page-metadata';
import { categoryUrl } from '@/lib/urls';
import { NotFoundPage } from '@/components/not-found-page';
import { withPage } from '@/lib/page-title';
import { PillLink } from '@/components/pill-link';

type Props = { params: Promise<{ path: string[] }> };

export async function generateStaticParams() {
  return (await getAllCategories()).flatMap(({ path, count }) =>
    Array.from({ length: Math.min(pageCount(count), PRERENDER_PAGES) }, (_, i) => ({
      path: i === 0 ? path : [...path, 'page', String(i + 1)],
    })),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const route = await resolveCategoryRoute((await params).path);
  if (!route) return NOT_FOUND_METADATA;
  const name = route.path.join(' › ');
  return pageMetadata({
    title: withPage(name, route.page),
    description: `${siteConfig.name}「${name}」栏目的新闻`,
    path: categoryUrl(route.path, route.page),
    feedsOf: route.path,
  });
}

export default async function CategoryPage({ params }: Props) {
  const route = await resolveCategoryRoute((await params).path);
  if (!route) return <NotFoundPage />;
  if (route.redirectToFirstPage) permanentRedirect(categoryUrl(route.path));
  const listing = await getCategoryPage(route.path, route.page);
  if (!listing) return <NotFoundPage />;
  const { category, page } = listing;

  const crumbs = [
    { name: '全部分类', href: '/categories' },
    ...category.path.map((name, i) => ({
      name,
      href: i < category.path.length - 1 || route.page > 1 ? categoryUrl(category.path.slice(0, i + 1)) : undefined,
    })),
  ];

  return (
    <ListingPage
      heading={
        <>
          <Breadcrumbs items={crumbs} />
          <h1 className="mt-3 text-2xl font-semibold">
            {category.name}
            <span className="ml-2 text-base font-normal text-zinc-500 dark:text-zinc-400">{category.count} 篇</span>
          </h1>
        </>
      }
      intro={
        category.children.length > 0 && (
          <nav aria-label="子分类" className="mt-3">
            <ul className="flex flex-wrap gap-2 text-sm">
              {category.children.map((child) => (
                <li key={child.name}>
                  <PillLink href={categoryUrl(child.path)} count={child.count} outlined>
                    {child.name}
                  </PillLink>
                </li>
              ))}
            </ul>
          </nav>
        )
      }
      page={page}
      href={(p) => categoryUrl(category.path, p)}
    />
  );
}
