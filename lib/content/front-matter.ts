import { decodeHTML } from 'entities';
import { z } from 'zod';
import { parseDate } from '../dates';
import { describeValue } from '../describe-value';
import { isSafeImageUrl, urlScheme } from '../safe-url';
import { normalizeCategories, normalizeTags } from './categories';

/** Lead-image keys in the order they are tried: Hexo themes disagree on the name. */
export const IMAGE_KEYS = ['thumbnail', 'headimg', 'cover', 'index_img', 'banner_img', 'image'] as const;

const MAX_TITLE_LENGTH = 300;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = z.union([z.string(), z.number().transform(String)]).transform(collapse);
/**
 * Text readers see (titles, summaries, names): feeds and scrapers write it with HTML entities
 * (`&amp;`, `&#x4e2d;`), which Hexo themes output as markup. Decoded once here, it stays text.
 */
const displayText = z.union([z.string(), z.number().transform(String)]).transform((s) => collapse(decodeHTML(s)));
const FLAG_WORDS: Record<string, boolean> = { true: true, yes: true, on: true, '1': true, false: false, no: false, off: false, '0': false };
const flag = z.union([
  z.boolean(),
  z.literal([0, 1]).transform((n) => n === 1),
  z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .refine((s) => s in FLAG_WORDS)
    .transform((s) => FLAG_WORDS[s]!),
]);
const FLAG_KEYS = new Set(['draft', 'published', 'comments']);
const author = z.union([displayText, z.object({ name: displayText }).transform((a) => a.name)]);

/** The keys read as plain values; categories, tags, dates and images have normalizers of their own. */
const frontMatterSchema = z.object({
  title: displayText.optional(),
  slug: text.optional(),
  permalink: text.optional(),
  author: author.optional(),
  description: displayText.optional(),
  excerpt: displayText.optional(),
  draft: flag.optional(),
  published: flag.optional(),
  comments: flag.optional(),
});

export type FrontMatter = {
  title?: string;
  slug?: string;
  permalink?: string;
  author?: string;
  description?: string;
  date?: Date;
  /** The date had no zone and was read as wall time in the site's time zone. */
  dateIsWallTime: boolean;
  /** Why a `date` that is present could not be read (`date` is then unset, as if missing). */
  invalidDate?: string;
  updated?: Date;
  categories: string[][];
  tags: string[];
  image?: string;
  draft: boolean;
  comments: boolean;
};

/** Something in one field was ignored or changed; `message` starts with the field's name. */
export type FieldWarning = { key: string; message: string };

export type FrontMatterResult = { value: FrontMatter; warnings: FieldWarning[] };

/**
 * Hexo themes resolve a relative front-matter image (`images/a.jpg`) against the site root. Left
 * relative, it would point somewhere else on every page that shows it: /, /categories/A, /posts/x/y.
 */
function rootRelative(url: string): string {
  if (urlScheme(url) !== null || url.startsWith('/')) return url;
  return `/${url.replace(/^(?:\.\/)+/, '')}`;
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Validates raw YAML data into the one shape the rest of the code trusts. */
export function normalizeFrontMatter(data: Record<string, unknown>, timeZone: string): FrontMatterResult {
  const warnings: FieldWarning[] = [];
  const warn = (key: string, message: string) => warnings.push({ key, message: `${key}: ${message}` });
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(frontMatterSchema.shape) as (keyof typeof frontMatterSchema.shape)[]) {
    if (!present(data[key])) continue;
    const parsed = frontMatterSchema.shape[key].safeParse(data[key]);
    // The raw value: the whole object is parsed once below, and decoding entities twice would decode `&amp;amp;` to `&`.
    if (parsed.success) plain[key] = data[key];
    else if (FLAG_KEYS.has(key)) {
      // An unreadable draft flag must not publish what its author meant to hold back.
      if (key !== 'comments') plain[key] = key === 'draft';
      warn(key, `expected true or false, got ${describeValue(data[key])}${key === 'comments' ? '' : '; treated as a draft'}`);
    } else warn(key, `expected text, got ${describeValue(data[key])}`);
  }
  const fields = frontMatterSchema.parse(plain);

  let date: Date | undefined;
  let dateIsWallTime = false;
  let invalidDate: string | undefined;
  if (present(data.date)) {
    const parsed = parseDate(data.date, timeZone);
    if (parsed.ok) {
      date = parsed.date;
      dateIsWallTime = !parsed.zoned;
    } else invalidDate = `date ${parsed.reason}`;
  }

  let updated: Date | undefined;
  if (present(data.updated)) {
    const parsed = parseDate(data.updated, timeZone);
    if (parsed.ok) updated = parsed.date;
    else warn('updated', `${parsed.reason}; ignored`);
  }

  const categories = normalizeCategories(data.categories ?? data.category);
  const tags = normalizeTags(data.tags ?? data.tag);
  if (categories.problem) warnings.push({ key: data.categories === undefined ? 'category' : 'categories', message: categories.problem });
  if (tags.problem) warnings.push({ key: data.tags === undefined ? 'tag' : 'tags', message: tags.problem });

  let image: string | undefined;
  for (const key of IMAGE_KEYS) {
    const value = data[key];
    if (!present(value)) continue;
    if (typeof value === 'string' && isSafeImageUrl(value)) {
      image ??= rootRelative(value.trim());
    } else {
      warn(key, `${describeValue(value)} is not an http(s) or relative image URL; ignored`);
    }
  }

  const title = fields.title ? fields.title.slice(0, MAX_TITLE_LENGTH) : undefined;
  if (fields.title && fields.title.length > MAX_TITLE_LENGTH) warn('title', `longer than ${MAX_TITLE_LENGTH} characters; cut`);

  return {
    warnings,
    value: {
      title: title || undefined,
      slug: fields.slug || undefined,
      permalink: fields.permalink,
      author: fields.author || undefined,
      description: fields.excerpt || fields.description || undefined,
      date,
      dateIsWallTime,
      ...(invalidDate && { invalidDate }),
      updated,
      categories: categories.value,
      tags: tags.value,
      image,
      draft: fields.draft === true || fields.published === false,
      comments: fields.comments ?? true,
    },
  };
}
