import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { Feed } from '@/components/feed';
import { PRERENDER_PAGES } from '@/lib/config';
import { getFeedPage, parsePageParam } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata/page-metadata';
import { feedUrl } from '@/lib/urls';

type Props = { params: Promise<{ page: string }> };

export async function generateStaticParams() {
  const first = await getFeedPage(1);
  const last = Math.min(first?.totalPages ?? 1, PRERENDER_PAGES);
  return Array.from({ length: Math.max(0, last - 1) }, (_, i) => ({ page: String(i + 2) }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePageParam((await params).page);
  if (page === null) notFound();
  return pageMetadata({ title: `第 ${page} 页`, path: feedUrl(page) });
}

export default async function FeedPage({ params }: Props) {
  const page = parsePageParam((await params).page);
  if (page === null) notFound();
  if (page === 1) permanentRedirect('/');
  return <Feed page={page} />;
}
