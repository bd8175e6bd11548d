import { normalizeSlug } from './content/slugs';
import { zonedWallTime, type WallTime } from './dates';

/**
 * Hexo's permalink setting (`permalink:` in _config.yml), so links from a Hexo site keep working:
 * `:year/:month/:day/:title/` is `/2021/11/16/chongqing-talent-conference-2021/`.
 */

export const DEFAULT_PERMALINK = ':year/:month/:day/:title/';

/** What Hexo fills in for a post that has no category (its `default_category`). */
export const UNCATEGORIZED = 'uncategorized';

export type PermalinkPost = {
  slug: string;
  title: string;
  /** ISO 8601 instant. */
  date: string;
  categories: readonly (readonly string[])[];
};

type Fill = (post: PermalinkPost, time: WallTime) => string;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Hexo's category slug: its `slugize` of each name (runs of spaces and ASCII punctuation become
 * one `-`, accents are dropped), the hierarchy joined with `/`.
 */
export function hexoCategorySlug(path: readonly string[]): string {
  return path
    .map((name) =>
      name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .normalize('NFC')
        .replace(/[\u0000-\u001f]/g, '')
        .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .join('/');
}

const VARIABLES: Record<string, Fill> = {
  year: (_, t) => pad(t.year, 4),
  month: (_, t) => pad(t.month),
  day: (_, t) => pad(t.day),
  i_month: (_, t) => String(t.month),
  i_day: (_, t) => String(t.day),
  hour: (_, t) => pad(t.hour),
  minute: (_, t) => pad(t.minute),
  second: (_, t) => pad(t.second),
  title: (post) => post.slug,
  name: (post) => post.slug.split('/').pop()!,
  post_title: (post) => post.title,
  category: (post) => (post.categories[0] ? hexoCategorySlug(post.categories[0]) : UNCATEGORIZED),
};

/** Hexo variables this site cannot reproduce, and why. */
const UNSUPPORTED: Record<string, string> = {
  id: "is Hexo's database id, which is not in the articles and changes when Hexo rebuilds its cache",
  hash: "is Hexo's hash of the file name and date, which this site does not reproduce",
};

export type PermalinkPattern = readonly (string | Fill)[];

export type PatternResult = { ok: true; pattern: PermalinkPattern } | { ok: false; reason: string };

/** Hexo's syntax: `:` and a word (letters, digits, `_`) is a variable; everything else is literal. */
const VARIABLE = /:(\w+)/g;

export function parsePermalinkPattern(text: string): PatternResult {
  const pattern: (string | Fill)[] = [];
  const unknown: string[] = [];
  const unsupported: string[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1]!;
    pattern.push(text.slice(last, match.index));
    last = match.index + match[0].length;
    const fill = Object.hasOwn(VARIABLES, name) ? VARIABLES[name] : undefined;
    if (fill) pattern.push(fill);
    else if (Object.hasOwn(UNSUPPORTED, name)) unsupported.push(`:${name} ${UNSUPPORTED[name]}`);
    else unknown.push(`:${name}`);
  }
  pattern.push(text.slice(last));
  const problems = [
    ...(unknown.length
      ? [
          `unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: :${Object.keys(VARIABLES).join(', :')})`,
        ]
      : []),
    ...unsupported,
  ];
  if (problems.length) return { ok: false, reason: problems.join('; ') };
  if (!pattern.some((part) => typeof part === 'function')) {
    return { ok: false, reason: 'has no variable, so every article would have the same address' };
  }
  return { ok: true, pattern: pattern.filter((part) => part !== '') };
}

/** The site-relative path the pattern gives a post, normalized (see `normalizePermalinkPath`). */
export function expandPermalink(pattern: PermalinkPattern, post: PermalinkPost, timeZone: string): string {
  const time = zonedWallTime(new Date(post.date), timeZone);
  return normalizePermalinkPath(pattern.map((part) => (typeof part === 'string' ? part : part(post, time))).join(''));
}

/**
 * One spelling per address: NFC, no leading or trailing `/`, and no trailing `index.html` (a
 * Hexo site served `/a/b/` as `/a/b/index.html`, and both forms are in the wild).
 */
export function normalizePermalinkPath(path: string): string {
  return normalizeSlug(path).replace(/(?:^|\/)index\.html$/, '');
}
