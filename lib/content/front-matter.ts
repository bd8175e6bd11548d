import { z } from 'zod';
import { parseDate } from '../dates';
import { isSafeImageUrl } from '../safe-url';
import { normalizeCategories, normalizeTags } from './categories';

/** Lead-image keys in the order they are tried: Hexo themes disagree on the name. */
export const IMAGE_KEYS = ['thumbnail', 'headimg', 'cover', 'index_img', 'banner_img', 'image'] as const;

const MAX_TITLE_LENGTH = 300;

const text = z.union([z.string(), z.number().transform(String)]).transform((s) => s.replace(/\s+/g, ' ').trim());
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true')]);
const author = z.union([text, z.object({ name: text }).transform((a) => a.name)]);

/** The keys read as plain values; categories, tags, dates and images have normalizers of their own. */
const frontMatterSchema = z.object({
  title: text.optional(),
  slug: text.optional(),
  permalink: text.optional(),
  author: author.optional(),
  description: text.optional(),
  excerpt: text.optional(),
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
  updated?: Date;
  categories: string[][];
  tags: string[];
  image?: string;
  draft: boolean;
  comments: boolean;
};

export type FrontMatterResult =
  | { ok: true; value: FrontMatter; warnings: string[] }
  | { ok: false; reason: string; warnings: string[] };

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Validates raw YAML data into the one shape the rest of the code trusts. */
export function normalizeFrontMatter(data: Record<string, unknown>, timeZone: string): FrontMatterResult {
  const warnings: string[] = [];
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(frontMatterSchema.shape) as (keyof typeof frontMatterSchema.shape)[]) {
    if (!present(data[key])) continue;
    const parsed = frontMatterSchema.shape[key].safeParse(data[key]);
    if (parsed.success) plain[key] = parsed.data;
    else warnings.push(`${key}: expected ${key === 'draft' || key === 'published' || key === 'comments' ? 'true or false' : 'text'}, got ${JSON.stringify(data[key])?.slice(0, 80)}`);
  }
  const fields = frontMatterSchema.parse(plain);

  let date: Date | undefined;
  let dateIsWallTime = false;
  if (present(data.date)) {
    const parsed = parseDate(data.date, timeZone);
    if (!parsed.ok) return { ok: false, reason: `date ${parsed.reason}`, warnings };
    date = parsed.date;
    dateIsWallTime = !parsed.zoned;
  }

  let updated: Date | undefined;
  if (present(data.updated)) {
    const parsed = parseDate(data.updated, timeZone);
    if (parsed.ok) updated = parsed.date;
    else warnings.push(`updated: ${parsed.reason}; ignored`);
  }

  const categories = normalizeCategories(data.categories ?? data.category);
  const tags = normalizeTags(data.tags ?? data.tag);
  for (const problem of [categories.problem, tags.problem]) if (problem) warnings.push(problem);

  let image: string | undefined;
  for (const key of IMAGE_KEYS) {
    const value = data[key];
    if (!present(value)) continue;
    if (typeof value === 'string' && isSafeImageUrl(value)) {
      image ??= value.trim();
    } else {
      warnings.push(`${key}: ${JSON.stringify(value)?.slice(0, 80)} is not an http(s) or relative image URL; ignored`);
    }
  }

  const title = fields.title ? fields.title.slice(0, MAX_TITLE_LENGTH) : undefined;
  if (fields.title && fields.title.length > MAX_TITLE_LENGTH) warnings.push(`title: longer than ${MAX_TITLE_LENGTH} characters; cut`);

  return {
    ok: true,
    warnings,
    value: {
      title: title || undefined,
      slug: fields.slug || undefined,
      permalink: fields.permalink,
      author: fields.author || undefined,
      description: fields.excerpt || fields.description || undefined,
      date,
      dateIsWallTime,
      updated,
      categories: categories.value,
      tags: tags.value,
      image,
      draft: fields.draft === true || fields.published === false,
      comments: fields.comments ?? true,
    },
  };
}
