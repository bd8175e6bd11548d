import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { TagListing } from '@/components/tag-listing';
import { parsePageParam } from '@/lib/content';
import { tagFromParam, tagStaticParams } from '@/lib/tag-params';
import { tagUrl } from '@/lib/urls';

type Props = { params: Promise<{ tag: string; page: string }> };

export const generateStaticParams = () => tagStaticParams('later');

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag, page } = await params;
  return { title: `#${tagFromParam(tag)} · 第 ${parsePageParam(page) ?? '?'} 页` };
}

export default async function TagPagedPage({ params }: Props) {
  const { tag: raw, page: rawPage } = await params;
  const tag = tagFromParam(raw);
  const page = parsePageParam(rawPage);
  if (page === null) notFound();
  if (page === 1) permanentRedirect(tagUrl(tag));
  return <TagListing tag={tag} page={page} />;
}
