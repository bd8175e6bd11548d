import 'server-only';
import { FEED_SIZE, siteConfig } from '../config';
import { getNewestArticles } from '../content';
import { buildFeed } from './build-feed';
import { feedContentType, type FeedFormat } from './feed-formats';
import { notFoundResponse } from '../not-found-response';

/** The site's feed, or a category's (named by its route params), as a response; 404 for no such category. */
export async function feedResponse(format: FeedFormat, categorySegments?: readonly string[]): Promise<Response> {
  const newest = await getNewestArticles(FEED_SIZE, categorySegments);
  if (!newest) return notFoundResponse();
  const body = buildFeed(format, { site: siteConfig, articles: newest.articles, categoryPath: newest.categoryPath });
  return new Response(body, { headers: { 'Content-Type': feedContentType(format) } });
}
