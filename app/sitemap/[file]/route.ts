import { sitemapParts, sitemapPartResponse } from '@/lib/sitemap/sitemap-response';
import { notFoundResponse } from '@/lib/not-found-response';

export const dynamic = 'force-static';

export async function generateStaticParams() {
  const parts = await sitemapParts();
  return parts.length > 1 ? parts.map((_, i) => ({ file: `${i}.xml` })) : [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^(0|[1-9]\d{0,5})\.xml$/.exec((await params).file);
  if (!match) return notFoundResponse();
  return sitemapPartResponse(Number(match[1]));
}
