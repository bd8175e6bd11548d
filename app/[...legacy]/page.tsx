import { permanentRedirect } from 'next/navigation';
import { resolveLegacyPermalink } from '@/lib/content';
import { articleUrl } from '@/lib/urls';
import { NotFoundPage } from '@/components/not-found-page';
import { NOT_FOUND_METADATA } from '@/lib/metadata/page-metadata';

type Props = { params: Promise<{ legacy: string[] }> };

// Rendered on first request and then kept like the other listings (see next.config.js), rather
// than per request: only a page that is not streamed can answer 404 with its message in the HTML.
export const generateStaticParams = () => [];

// An address this route answers is either moved (a redirect, no page) or not found.
export const metadata = NOT_FOUND_METADATA;

/**
 * Every address no other route takes (Next.js ranks a root catch-all last): 404. Old Hexo links of
 * published articles never get here (proxy.ts answers them before routing, with one Location
 * header, which a page's redirect does not have on its first render); those only an editor's
 * preview knows, of drafts, are redirected here.
 */
export default async function LegacyLink({ params }: Props) {
  const slug = await resolveLegacyPermalink((await params).legacy);
  if (!slug) return <NotFoundPage />;
  permanentRedirect(articleUrl(slug));
}
