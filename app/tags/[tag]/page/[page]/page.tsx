import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { TagListing } from '@/components/tag-listing';
import { getTagPage, parsePageParam, resolveTag } from '@/lib/content';
import { siteConfig } from '@/lib/config';
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/metadata/page-metadata';
import { tagStaticParams } from '@/lib/tag-params';
import { tagUrl } from '@/lib/urls';
import { NotFoundPage } from '@/components/not-found-page';
import { withPage } from '@/lib/page-title';

type Props = { params: Promise<{ tag: string; page: string }> };

export const generateStaticParams = () => tagStaticParams('later');

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag: raw, page: rawPage } = await params;
  const tag = await resolveTag(raw);
  const page = parsePageParam(rawPage);
  if (!tag || page === null || !(await getTagPage(tag, page))) return NOT_FOUND_METADATA;
  return pageMetadata({
    title: withPage(`#${tag}`, page),
    description: `${siteConfig.name}标签「${tag}」下的新闻`,
    path: tagUrl(tag, page),
  });
}

export default async function TagPagedPage({ params }: Props) {
  const { tag: raw, page: rawPage } = await params;
  const tag = await resolveTag(raw);
  const page = parsePageParam(rawPage);
  if (!tag || page === null) return <NotFoundPage />;
  if (page === 1) permanentRedirect(tagUrl(tag));
  return <TagListing tag={tag} page={page} />;
}
