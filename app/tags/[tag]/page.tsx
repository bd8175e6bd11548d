import type { Metadata } from 'next';
import { TagListing } from '@/components/tag-listing';
import { notFound } from 'next/navigation';
import { resolveTag } from '@/lib/content';
import { tagStaticParams } from '@/lib/tag-params';

type Props = { params: Promise<{ tag: string }> };

export const generateStaticParams = () => tagStaticParams('first');

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await resolveTag((await params).tag);
  if (!tag) notFound();
  return { title: `#${tag}` };
}

export default async function TagPage({ params }: Props) {
  const tag = await resolveTag((await params).tag);
  if (!tag) notFound();
  return <TagListing tag={tag} page={1} />;
}
