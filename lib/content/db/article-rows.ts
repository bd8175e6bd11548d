import { inflateRawSync, deflateRawSync } from 'node:zlib';
import type { ArticleSummary, BodyFormat } from '../types';

/** The columns listings read: everything but the body. */
export const SUMMARY_COLUMNS =
  'id, file, slug, title, date, updated, author, categories, tags, image, excerpt, draft, format, permalink';

export type SummaryRow = {
  id: number;
  file: string;
  slug: string;
  title: string;
  date: string;
  updated: string | null;
  author: string | null;
  categories: string;
  tags: string;
  image: string | null;
  excerpt: string;
  draft: number;
  format: string;
  permalink: string | null;
};

/** An article row with its stored body. */
export type BodyRow = SummaryRow & { body: Uint8Array; body_error: string | null; revision: number };
export const BODY_COLUMNS = `${SUMMARY_COLUMNS}, body, body_error, revision`;

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    slug: row.slug,
    title: row.title,
    date: row.date,
    ...(row.updated !== null && { updated: row.updated }),
    ...(row.author !== null && { author: row.author }),
    categories: JSON.parse(row.categories) as string[][],
    tags: JSON.parse(row.tags) as string[],
    ...(row.image !== null && { image: row.image }),
    excerpt: row.excerpt,
    draft: row.draft === 1,
    file: row.file,
    format: row.format as BodyFormat,
    ...(row.permalink !== null && { permalink: row.permalink }),
  };
}

export const compressBody = (body: string): Uint8Array => deflateRawSync(Buffer.from(body, 'utf8'));
export const decompressBody = (stored: Uint8Array): string => inflateRawSync(stored).toString('utf8');
