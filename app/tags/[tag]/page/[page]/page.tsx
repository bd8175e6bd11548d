import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { TagListing } from '@/components/tag-listing';
import { parsePageParam, resolveTag } from '@/lib/content';
import { tagStaticParams } from '@/lib/tag-params';
import { tagUrl } from '@/lib/urls';

type Props = { params: Promise<{ tag: string; page: string }> };

export const generateStaticParams = () => tagStaticParams('later');

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag: raw, page: rawPage } = await params;
  const tag = await resolveTag(raw);
  const page = parsePageParam(rawPage);
  if (!tag || page === null) notFound();
  return { title: `#${tag} · 第 ${page} 页` };
}

export default async function TagPagedPage({ params }: Props) {
  const { tag: raw, page: rawPage } = await params;
  const tag = await resolveTag(raw);
  const page = parsePageParam(rawPage);
  if (!tag || page === null) notFound();
  if (page === 1) permanentRedirect(tagUrl(tag));
  return <TagListing tag={tag} page={page} />;
}
