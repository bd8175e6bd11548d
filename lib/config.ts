import { z } from 'zod';
import {
  HexoSettingsError,
  MAX_PAGE_SIZE,
  readHexoSettings,
  type HexoSettings,
  type SettingName,
  type SettingNote,
} from './hexo-settings';
import { DEFAULT_PERMALINK, parsePermalinkPattern, type PermalinkPattern } from './permalink-pattern';

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
  PAGE_SIZE: z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .transform(Number)
    .pipe(z.number().min(1, 'must be 1 or more').max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`))
    .default(20),
  PREVIEW_SECRET: z.string().min(16, 'must be at least 16 characters: it guards unpublished drafts').optional(),
  REVALIDATE_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters: it lets a caller make the server re-read content')
    .optional(),
  CONTENT_SCAN_INTERVAL: z.coerce.number().min(0).max(86_400).default(10),
  CONTENT_WATCH: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  CONTENT_INDEX: z.string().trim().min(1).optional(),
  // Read by lib/cache/shared-cache.mjs, which Next.js loads outside this module; checked here so that
  // a wrong value stops the server at start like every other setting.
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).optional(),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^\d$/, 'must be the number of proxies in front of the server, 0 to 9')
    .transform(Number)
    .default(0),
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

type Env = z.infer<typeof envSchema>;

const indent = (lines: string[]) => lines.map((line) => `  ${line}`).join('\n');
const at = (file: string, note: { line?: number; text: string }) =>
  `${file}${note.line ? `:${note.line}` : ''}: ${note.text}`;

/** What the server says at start about the settings file: once, from instrumentation.ts. */
function settingsLog(
  hexo: HexoSettings,
  used: SettingName[],
  overridden: (setting: string) => boolean,
  env: Env,
): string[] {
  const keys = used
    .map((setting) => hexo.sources[setting]!)
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    .map((source) => source.key);
  const log = [
    `[config] settings read from ${hexo.file}: ${keys.length > 0 ? keys.join(', ') : 'none used'} (environment variables override them)`,
  ];
  for (const notice of hexo.notices) if (!overridden(notice.setting)) log.push(`[config] ${at(hexo.file, notice)}`);
  if (!overridden('SITE_TIMEZONE') && !hexo.sources.SITE_TIMEZONE) {
    log.push(
      `[config] ${hexo.file}: no timezone, so Hexo used the zone of the computer it ran on, which a server cannot know: dates without a zone are read in ${env.SITE_TIMEZONE} (set SITE_TIMEZONE if that is wrong)`,
    );
  }
  return log;
}

/**
 * The environment, over the defaults of the Hexo site's `_config.yml` when CONTENT_DIR is the site's
 * `source/` folder. An invalid variable or file value stops start-up with one message naming each.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()) {
  // Empty variables count as unset, so `SITE_NAME= npm start` falls back to the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  let hexo: HexoSettings | null = null;
  // A file that cannot be read or parsed is reported with the variables' problems, not before them.
  let unreadable: string | null = null;
  try {
    hexo = readHexoSettings(present.CONTENT_DIR?.trim() || 'content', cwd);
  } catch (error) {
    if (!(error instanceof HexoSettingsError)) throw error;
    unreadable = error.message;
  }
  const overridden = (setting: string) => setting in present;
  const used = (Object.keys(hexo?.values ?? {}) as SettingName[]).filter((setting) => !overridden(setting));
  const defaults = Object.fromEntries(used.map((setting) => [setting, hexo!.values[setting]]));

  const parsed = envSchema.safeParse({ ...defaults, ...present });
  const envProblems: string[] = [];
  const fileProblems: SettingNote[] = (hexo?.problems ?? []).filter((p) => !overridden(p.setting));
  for (const issue of parsed.error?.issues ?? []) {
    const setting = String(issue.path[0]);
    const source = used.includes(setting as SettingName) ? hexo!.sources[setting as SettingName] : undefined;
    if (source)
      fileProblems.push({
        setting: setting as SettingName,
        line: source.line,
        text: `${source.key}: ${issue.message}`,
      });
    else envProblems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  if (!parsed.success || fileProblems.length > 0 || unreadable) {
    const parts: string[] = [];
    if (envProblems.length > 0) parts.push(`Invalid environment configuration:\n${indent(envProblems)}`);
    if (unreadable) parts.push(`Invalid Hexo site configuration:\n${indent([unreadable])}`);
    if (fileProblems.length > 0) {
      fileProblems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const lines = fileProblems.map((p) => `${at(hexo!.file, p)} (or set ${p.setting}, which overrides it)`);
      parts.push(`Invalid Hexo site configuration:\n${indent(lines)}`);
    }
    throw new Error(parts.join('\n'));
  }
  const data = parsed.data;
  return {
    site: {
      name: data.SITE_NAME,
      description: data.SITE_DESCRIPTION,
      url: data.SITE_URL.replace(/\/+$/, ''),
      locale: data.SITE_LOCALE,
      timeZone: data.SITE_TIMEZONE,
      contentDir: data.CONTENT_DIR,
    } satisfies SiteConfig,
    pageSize: data.PAGE_SIZE,
    previewSecret: data.PREVIEW_SECRET,
    permalinkPattern: data.PERMALINK,
    permalinkSource: String({ ...defaults, ...present }.PERMALINK ?? DEFAULT_PERMALINK).trim(),
    revalidateSecret: data.REVALIDATE_SECRET,
    contentScanIntervalMs: data.CONTENT_SCAN_INTERVAL * 1000,
    contentWatch: data.CONTENT_WATCH === 'on',
    contentIndex: data.CONTENT_INDEX,
    trustedProxies: data.TRUST_PROXY,
    log: hexo ? settingsLog(hexo, used, overridden, data) : [],
  };
}

const config = loadConfig(process.env);

export const siteConfig: SiteConfig = config.site;

/** Articles per listing page: the feed, categories, tags, archives, search (PAGE_SIZE or Hexo's per_page). */
export const PAGE_SIZE: number = config.pageSize;

/** The shared secret that turns preview on (`/api/draft?secret=`); without it, preview is off. Server code only. */
export const previewSecret: string | undefined = config.previewSecret;

/** Hexo's permalink pattern (PERMALINK): old links of this form redirect to the articles. */
export const permalinkPattern: PermalinkPattern = config.permalinkPattern;
/** The pattern as written, which the content index records: an index made with another is rebuilt. */
export const permalinkSource: string = config.permalinkSource;

/** Lines for the server's start-up log: which Hexo settings file was read, and what was taken otherwise than written. */
export const configLog: readonly string[] = config.log;

/** The secret a hook sends to POST /api/revalidate; without it, only the server's own watcher refreshes content. */
export const revalidateSecret: string | undefined = config.revalidateSecret;

/** How the running server follows the content folder (besides file events): a full scan every so many seconds; 0: never. */
export const contentScanIntervalMs: number = config.contentScanIntervalMs;

/** Whether the running server listens for file events in the content folder (CONTENT_WATCH), besides scanning it. */
export const contentWatch: boolean = config.contentWatch;

/** Where the content index lives, if not in the project's .content-index/index.db. */
export const contentIndexFile: string | undefined = config.contentIndex;

/** How many proxies in front of the server append to X-Forwarded-For (TRUST_PROXY); 0: clients are known by their socket. */
export const trustedProxies: number = config.trustedProxies;
