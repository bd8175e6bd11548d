// Files of the content folder the site serves (lib/assets/media-types.ts, which a test keeps equal).
const MEDIA_EXTENSIONS =
  'jpg|jpeg|png|apng|gif|webp|avif|svg|ico|bmp|mp3|m4a|aac|ogg|oga|opus|wav|flac|weba|mp4|m4v|webm|ogv|mov|pdf';

/** The content index, as lib/content/store.ts finds it, if it is in the project (only such files can be traced). */
function tracedIndex() {
  const file = process.env.CONTENT_INDEX || '.content-index/index.db';
  const outside = /^(?:\/|\\|[A-Za-z]:|\.\.)/.test(file);
  return outside ? [] : [`./${file.replace(/^\.\//, '')}`];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `NEXT_OUTPUT=standalone npm run build` makes a self-contained server for Node hosts
  // (.next/standalone/server.js); `next start` and Vercel want the default output.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // The e2e dev-server test sets NEXT_DIST_DIR so it never shares .next with a concurrent production build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // `npm test` type-checks the whole project before the end-to-end tests build it
  // (tests/e2e/start-server.sh sets this), so that build skips Next.js's second, identical check.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === '1' },
  // Pages and route responses go through lib/cache/cache-handler.mjs, which shares them through Redis
  // when the server has REDIS_URL and otherwise is Next.js's own cache. Fixed here at build time (the
  // standalone server keeps the build's config), decided there when the server starts. No memory
  // cache of Next.js's own in front of it: an instance would serve its copy of a page that another
  // instance refreshed in Redis.
  cacheHandler: `${__dirname}/lib/cache/cache-handler.mjs`,
  cacheMaxMemorySize: 0,
  // proxy.ts removes trailing slashes itself, so that Hexo's `/2021/11/16/title/` reaches its
  // article in one hop instead of two (Next.js's own redirect would come first).
  skipTrailingSlashRedirect: true,
  // No experimental.inlineCss: Next 16 writes an inlined stylesheet into each page three times
  // (vercel/next.js#98079), so the home page was 32 KB compressed with it and 18 KB, plus a
  // 6.6 KB stylesheet cached across pages, without.
  experimental: {
    // Pages rendered on their first request (every address a visitor or a crawler makes up reaches
    // a dynamic route, and its 404 is cached like a page) stay in the bounded in-memory cache
    // instead of growing .next/server on disk without limit.
    isrFlushToDisk: false,
  },
  // Pages read the content index (lib/content/store.ts), and assets and the live server read the
  // content folder: both travel with the server, into .next/standalone and serverless functions.
  // `npm run build` writes the index before `next build`, so that it exists when it is traced.
  outputFileTracingIncludes: { '/*': ['./content/**/*', ...tracedIndex()] },
  // app/categories/[...path] catches every path below /categories: a category's feeds are served by
  // app/feeds/[format]/[...path]. Rewrites returned as an array apply after public/ files and static
  // routes but before dynamic routes (the catch-alls), so a picture, sound, video or PDF path that
  // public/ does not have goes to the content folder's files (app/api/asset/[...path]).
  async rewrites() {
    return [
      { source: '/categories/:path+/feed.xml', destination: '/feeds/rss/:path+' },
      { source: '/categories/:path+/atom.xml', destination: '/feeds/atom/:path+' },
      { source: '/categories/:path+/feed.json', destination: '/feeds/json/:path+' },
      { source: `/:dirs*/:file([^/]+\\.(?:${MEDIA_EXTENSIONS}))`, destination: '/api/asset/:dirs*/:file' },
    ];
  },
};

/**
 * Every response's security headers (lib/security-headers.mjs): pages, prerendered or not, route
 * handlers, redirects, static files. Decided when the configuration is read, so from the environment
 * alone: HSTS needs SITE_URL set to an https address (a Hexo `url` alone does not give it).
 */
async function headers(phase) {
  const { securityHeaderRules } = await import('./lib/security-headers.mjs');
  return [
    ...securityHeaderRules({ siteUrl: process.env.SITE_URL, development: phase === 'phase-development-server' }),
    // The client router's payloads stream (a navigation shows as it arrives): a proxy in front
    // (deploy/nginx.conf) passes them on unbuffered. Pages stay buffered, to be cached.
    { source: '/:path*', has: [{ type: 'header', key: 'rsc' }], headers: [{ key: 'X-Accel-Buffering', value: 'no' }] },
  ];
}

module.exports = (phase) => {
  // One token per `next build`, inherited by its workers: the first of them to open the content
  // index marks it with the change log position this build's pages are rendered from.
  if (phase === 'phase-production-build') process.env.__NEWS_BUILD_TOKEN ??= `${process.pid}-${Date.now()}`;
  return { ...nextConfig, headers: () => headers(phase) };
};
