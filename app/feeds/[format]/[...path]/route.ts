import { getAllCategories } from '@/lib/content';
import { FEED_FORMATS, isFeedFormat } from '@/lib/feeds/feed-formats';
import { feedResponse } from '@/lib/feeds/feed-response';
import { notFoundResponse } from '@/lib/not-found-response';

// A category's feeds: next.config.js rewrites /categories/A/B/feed.xml (atom.xml, feed.json) here,
// since app/categories/[...path] catches every path below /categories.
export const dynamic = 'force-static';

export async function generateStaticParams() {
  const categories = await getAllCategories();
  return Object.keys(FEED_FORMATS).flatMap((format) => categories.map(({ path }) => ({ format, path })));
}

export async function GET(_request: Request, { params }: { params: Promise<{ format: string; path: string[] }> }) {
  const { format, path } = await params;
  if (!isFeedFormat(format)) return notFoundResponse();
  return feedResponse(format, path);
}
