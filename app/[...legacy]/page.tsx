import { notFound, permanentRedirect } from 'next/navigation';
import { resolveLegacyPermalink } from '@/lib/content';
import { articleUrl } from '@/lib/urls';

type Props = { params: Promise<{ legacy: string[] }> };

/**
 * Every address no other route takes (Next.js ranks a root catch-all last): old Hexo links, by
 * PERMALINK or an article's front-matter `permalink:`, move permanently to the article; the rest is 404.
 */
export default async function LegacyLink({ params }: Props) {
  const slug = await resolveLegacyPermalink((await params).legacy);
  if (!slug) notFound();
  permanentRedirect(articleUrl(slug));
}
