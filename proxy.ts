import { NextResponse, type NextRequest } from 'next/server';
import { resolvePublishedLegacyPath } from '@/lib/content';
import { isPublicFile } from '@/lib/public-file';
import { articleUrl } from '@/lib/urls';

/**
 * Old Hexo links and trailing slashes, answered before routing with one 308 and one Location:
 * an old address of a published article goes straight to the article (with or without its trailing
 * slash or `index.html`), any other address ending in `/` to itself without the slash
 * (next.config.js turns Next.js's own slash redirect off, which made Hexo's links two hops).
 * A page's own redirect would not do: Next.js 16 sends it with the Location header twice on a
 * page's first render (vercel/next.js#82117), which Node's fetch, Python's requests and many
 * crawlers join into one broken address. The map of old addresses is lib/content's, read per
 * request, so it follows the content.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // The feed's first page is the front page. Here rather than in next.config.js's redirects(), whose
  // answers go without the security headers (lib/security-headers.mjs) every other answer carries.
  const target = pathname === '/page/1' ? '/' : await movedTo(pathname);
  if (target === null) return NextResponse.next();
  return NextResponse.redirect(new URL(target + request.nextUrl.search, request.url), 308);
}

/** Where an old link or an address with a trailing slash goes, or null. */
async function movedTo(pathname: string): Promise<string | null> {
  // Files in public/ come before old links, as they come before pages; an unreadable content
  // folder is the pages' to report.
  const slug = await resolvePublishedLegacyPath(pathname).catch(() => null);
  const moved = slug !== null && !(await isPublicFile(pathname));
  if (!moved && !pathname.endsWith('/')) return null;
  // Not request.nextUrl.clone(): a NextURL puts back the trailing slash it was given.
  return moved ? articleUrl(slug) : pathname.replace(/\/+$/, '') || '/';
}

// Normal requests never reach the proxy (about 0.6 ms of CPU a request): only /page/1, addresses
// with a trailing slash, and those outside the site's own routes (lib/site-routes.ts) that are not
// static files by their extension. tests/unit/proxy-matcher.test.ts keeps this in step with app/.
export const config = {
  matcher: [
    '/page/1',
    '/((?!_next/).+)/',
    '/((?!(?:_next|api|archives|atom\\.xml|categories|feed\\.json|feed\\.xml|feeds|icon\\.svg|page|posts|robots\\.txt|search|sitemap|sitemap\\.xml|tags)(?:/|$))(?!.+\\.(?:avif|css|gif|ico|jpe?g|js|map|mp3|mp4|pdf|png|svg|ttf|txt|webm|webp|woff2?)$).+)',
  ],
};
