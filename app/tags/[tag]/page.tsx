import type { Metadata } from 'next';
import { TagListing } from '@/components/tag-listing';
import { tagFromParam, tagStaticParams } from '@/lib/tag-params';

type Props = { params: Promise<{ tag: string }> };

export const generateStaticParams = () => tagStaticParams('first');

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `#${tagFromParam((await params).tag)}` };
}

export default async function TagPage({ params }: Props) {
  return <TagListing tag={tagFromParam((await params).tag)} page={1} />;
}
