import { sitemapRootResponse } from '@/lib/sitemap/sitemap-response';

// Not app/sitemap.ts: Next.js's generateSitemaps serves /sitemap/N.xml but no index at /sitemap.xml.
export const dynamic = 'force-static';

export function GET() {
  return sitemapRootResponse();
}
