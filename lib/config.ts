import { z } from 'zod';
import { DEFAULT_PERMALINK, parsePermalinkPattern, type PermalinkPattern } from './permalink-pattern';

/** Articles per listing page: the feed, categories, tags. */
export const PAGE_SIZE = 20;
/** Articles in each RSS, Atom and JSON feed: the newest, as most sites' feeds carry. */
export const FEED_SIZE = 50;
/** Newest articles prerendered by `next build`; older ones render on first request. */
export const PRERENDER_NEWEST = 200;
/** Listing pages prerendered per feed, category or tag; later pages render on first request. */
export const PRERENDER_PAGES = 3;
/** Newest months of the date archive prerendered (with their years), PRERENDER_PAGES pages each. */
export const PRERENDER_ARCHIVE_MONTHS = 12;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const isLocale = (locale: string) => {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
};

const envSchema = z.object({
  SITE_NAME: z.string().trim().min(1).default('新闻速览'),
  SITE_DESCRIPTION: z.string().trim().default('来自 Markdown 文章的新闻'),
  SITE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  SITE_LOCALE: z.string().trim().refine(isLocale, 'is not a locale Intl knows').default('zh-CN'),
  SITE_TIMEZONE: z.string().trim().refine(isTimeZone, 'is not an IANA time zone').default('Asia/Shanghai'),
  CONTENT_DIR: z.string().trim().min(1).default('content'),
  PREVIEW_SECRET: z.string().min(16, 'must be at least 16 characters: it guards unpublished drafts').optional(),
  REVALIDATE_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters: it lets a caller make the server re-read content')
    .optional(),
  CONTENT_SCAN_INTERVAL: z.coerce.number().min(0).max(86_400).default(10),
  CONTENT_INDEX: z.string().trim().min(1).optional(),
  PERMALINK: z
    .string()
    .trim()
    .default(DEFAULT_PERMALINK)
    .transform((text, ctx) => {
      const result = parsePermalinkPattern(text);
      if (result.ok) return result.pattern;
      ctx.issues.push({ code: 'custom', input: text, message: result.reason });
      return z.NEVER;
    }),
});

export type SiteConfig = {
  name: string;
  description: string;
  url: string;
  locale: string;
  timeZone: string;
  /** As configured; lib/content resolves it against the working directory. */
  contentDir: string;
};

function readEnv(env: NodeJS.ProcessEnv) {
  // Empty variables count as unset, so `SITE_NAME= npm start` falls back to the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return parsed.data;
}

const env = readEnv(process.env);

export const siteConfig: SiteConfig = {
  name: env.SITE_NAME,
  description: env.SITE_DESCRIPTION,
  url: env.SITE_URL.replace(/\/+$/, ''),
  locale: env.SITE_LOCALE,
  timeZone: env.SITE_TIMEZONE,
  contentDir: env.CONTENT_DIR,
};

/** The shared secret that turns preview on (`/api/draft?secret=`); without it, preview is off. Server code only. */
export const previewSecret: string | undefined = env.PREVIEW_SECRET;

/** Hexo's permalink pattern (PERMALINK): old links of this form redirect to the articles. */
export const permalinkPattern: PermalinkPattern = env.PERMALINK;
/** The pattern as written, which the content index records: an index made with another is rebuilt. */
export const permalinkSource: string = process.env.PERMALINK?.trim() || DEFAULT_PERMALINK;

/** The secret a hook sends to POST /api/revalidate; without it, only the server's own watcher refreshes content. */
export const revalidateSecret: string | undefined = env.REVALIDATE_SECRET;

/** How the running server follows the content folder (besides file events): a full scan every so many seconds; 0: never. */
export const contentScanIntervalMs: number = env.CONTENT_SCAN_INTERVAL * 1000;

/** Where the content index lives, if not in the build folder's cache (.next/cache/content/index.db). */
export const contentIndexFile: string | undefined = env.CONTENT_INDEX;
