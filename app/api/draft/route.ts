import { draftMode } from 'next/headers';
import { previewSecret } from '@/lib/config';
import { findPreviewArticle } from '@/lib/content';
import { articleUrl } from '@/lib/urls';
import { checkSecret } from '@/lib/secret-attempts';
import { sameSitePath } from '@/lib/preview/return-path';

const plain = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });

/**
 * `/api/draft?secret=S&slug=SLUG` turns preview on and opens the article SLUG (a draft or not);
 * `slug=/some/path` opens that page of this site instead; no slug opens the home page.
 */
export async function GET(request: Request): Promise<Response> {
  if (!previewSecret) return plain(404, 'Preview is off: PREVIEW_SECRET is not set on this server.');
  const params = new URL(request.url).searchParams;
  const check = checkSecret(request, params.get('secret'), previewSecret);
  if (typeof check === 'object') {
    return plain(429, `Too many wrong secrets: try again in ${check.retryAfter} s.`, {
      'Retry-After': String(check.retryAfter),
    });
  }
  if (check === 'wrong') return plain(401, 'Wrong or missing preview secret.');

  const slug = params.get('slug')?.trim() ?? '';
  let target = '/';
  if (slug.startsWith('/')) {
    const path = sameSitePath(slug);
    if (!path) return plain(400, 'slug must be an article slug or a path on this site.');
    target = path;
  } else if (slug !== '') {
    const article = await findPreviewArticle(slug);
    if (!article) return plain(404, `No article or draft has the slug "${slug.slice(0, 200)}".`);
    target = articleUrl(article.slug);
  }
  (await draftMode()).enable();
  return new Response(null, { status: 307, headers: { Location: target, 'Cache-Control': 'no-store' } });
}
