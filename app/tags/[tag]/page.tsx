import type { Metadata } from 'next';
import { TagListing } from '@/components/tag-listing';
import { resolveTag } from '@/lib/content';
import { siteConfig } from '@/lib/config';
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/metadata/page-metadata';
import { tagStaticParams } from '@/lib/tag-params';
import { tagUrl } from '@/lib/urls';
import { NotFoundPage } from '@/components/not-found-page';

type Props = { params: Promise<{ tag: string }> };

export const generateStaticParams = () => tagStaticParams('first');

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await resolveTag((await params).tag);
  if (!tag) return NOT_FOUND_METADATA;
  return pageMetadata({ title: `#${tag}`, description: `${siteConfig.name}标签「${tag}」下的新闻`, path: tagUrl(tag) });
}

export default async function TagPage({ params }: Props) {
  const tag = await resolveTag((await params).tag);
  if (!tag) return <NotFoundPage />;
  return <TagListing tag={tag} page={1} />;
}
