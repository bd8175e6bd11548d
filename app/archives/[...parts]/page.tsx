import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { ListingPage } from '@/components/listing-page';
import { MonthLinks } from '@/components/month-links';
import { parseArchiveRoute } from '@/lib/archive-route';
import { PRERENDER_ARCHIVE_MONTHS, PRERENDER_PAGES, siteConfig } from '@/lib/config';
import { getArchive, getArchivePage, pageCount } from '@/lib/content';
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/metadata/page-metadata';
import { archiveUrl } from '@/lib/urls';
import { NotFoundPage } from '@/components/not-found-page';
import { withPage } from '@/lib/page-title';

type Props = { params: Promise<{ parts: string[] }> };

const pageParams = (base: string[], count: number) =>
  Array.from({ length: Math.min(pageCount(count), PRERENDER_PAGES) }, (_, i) => ({
    parts: i === 0 ? base : [...base, 'page', String(i + 1)],
  }));

/** The newest months, and the years they are in. */
export async function generateStaticParams() {
  const months = (await getArchive()).flatMap((y) => y.months.map((m) => ({ ...m, yearCount: y.count })));
  return months.slice(0, PRERENDER_ARCHIVE_MONTHS).flatMap((m, i) => {
    const monthPages = pageParams([String(m.year), String(m.month).padStart(2, '0')], m.count);
    const isYearsNewest = i === 0 || months[i - 1]!.year !== m.year;
    return isYearsNewest ? [...pageParams([String(m.year)], m.yearCount), ...monthPages] : monthPages;
  });
}

async function listingFor(parts: string[]) {
  const route = parseArchiveRoute(parts);
  const listing = route && (await getArchivePage(route.year, route.month, route.page));
  return route && listing ? listing : null;
}

const nameOf = (year: number, month?: number) => (month ? `${year} 年 ${month} 月` : `${year} 年`);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = await listingFor((await params).parts);
  if (!listing) return NOT_FOUND_METADATA;
  const { year, month, page } = listing;
  const name = nameOf(year.year, month?.month);
  return pageMetadata({
    title: withPage(name, page.page),
    description: `${siteConfig.name} ${name}的新闻`,
    path: archiveUrl(year.year, month?.month, page.page),
  });
}

export default async function ArchivePage({ params }: Props) {
  const { parts } = await params;
  const listing = await listingFor(parts);
  if (!listing) return <NotFoundPage />;
  const { year, month, page } = listing;
  if (parts.at(-2) === 'page' && page.page === 1) permanentRedirect(archiveUrl(year.year, month?.month));

  const crumbs = [
    { name: '归档', href: '/archives' },
    { name: `${year.year} 年`, href: month || page.page > 1 ? archiveUrl(year.year) : undefined },
    ...(month
      ? [{ name: `${month.month} 月`, href: page.page > 1 ? archiveUrl(year.year, month.month) : undefined }]
      : []),
  ];
  return (
    <ListingPage
      heading={
        <>
          <Breadcrumbs items={crumbs} />
          <h1 className="mt-3 text-2xl font-semibold">
            {nameOf(year.year, month?.month)}
            <span className="ml-2 text-base font-normal text-zinc-500 dark:text-zinc-400">{page.total} 篇</span>
          </h1>
        </>
      }
      intro={
        !month && (
          <div className="mt-3">
            <MonthLinks months={year.months} label="月份" />
          </div>
        )
      }
      page={page}
      href={(p) => archiveUrl(year.year, month?.month, p)}
    />
  );
}
