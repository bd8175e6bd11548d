import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { FrontPageListing } from '@/components/front-page-listing';
import { PRERENDER_PAGES } from '@/lib/config';
import { getFrontPage, parsePageParam } from '@/lib/content';
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/metadata/page-metadata';
import { frontPageUrl } from '@/lib/urls';
import { NotFoundPage } from '@/components/not-found-page';
import { pageLabel } from '@/lib/page-title';

type Props = { params: Promise<{ page: string }> };

export async function generateStaticParams() {
  const first = await getFrontPage(1);
  const last = Math.min(first?.totalPages ?? 1, PRERENDER_PAGES);
  return Array.from({ length: Math.max(0, last - 1) }, (_, i) => ({ page: String(i + 2) }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePageParam((await params).page);
  if (page === null || !(await getFrontPage(page))) return NOT_FOUND_METADATA;
  return pageMetadata({ title: pageLabel(page), path: frontPageUrl(page) });
}

export default async function FeedPage({ params }: Props) {
  const page = parsePageParam((await params).page);
  if (page === null) return <NotFoundPage />;
  if (page === 1) permanentRedirect('/');
  return <FrontPageListing page={page} />;
}
