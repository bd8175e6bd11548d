import type { Metadata } from 'next';
import { TagListing } from '@/components/tag-listing';
import { notFound } from 'next/navigation';
import { resolveTag } from '@/lib/content';
import { siteConfig } from '@/lib/config';
import { pageMetadata } from '@/lib/metadata/page-metadata';
import { tagStaticParams } from '@/lib/tag-params';
import { tagUrl } from '@/lib/urls';

type Props = { params: Promise<{ tag: string }> };

export const generateStaticParams = () => tagStaticParams('first');

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await resolveTag((await params).tag);
  if (!tag) notFound();
  return pageMetadata({ title: `#${tag}`, description: `${siteConfig.name}标签「${tag}」下的新闻`, path: tagUrl(tag) });
}

export default async function TagPage({ params }: Props) {
  const tag = await resolveTag((await params).tag);
  if (!tag) notFound();
  return <TagListing tag={tag} page={1} />;
}
