import 'server-only';
import { listAssets } from '../assets/served-file';
import { decompressBody } from './db/article-rows';
import { statement } from './db/statements';
import { postAssetsOf, type PostAssets } from './post-assets';
import { contentRoot } from './source';
import { contentDb } from './store';
import type { ArticleSummary } from './types';

export type BodySource = { ok: true; body: string } | { ok: false; reason: string };

/** An article's body as last indexed (Markdown or HTML, front matter removed), or why it cannot be shown. */
export async function readBodySource(summary: ArticleSummary): Promise<BodySource> {
  const row = statement(await contentDb(), 'SELECT body, body_error FROM articles WHERE file = ?').get(summary.file) as
    | { body: Uint8Array; body_error: string | null }
    | undefined;
  if (!row) return { ok: false, reason: 'no longer in the content folder' };
  if (row.body_error !== null) return { ok: false, reason: row.body_error };
  return { ok: true, body: decompressBody(row.body) };
}

/** What rendering an article's body needs of its asset folder: the files the site serves from it. */
export async function readPostAssets(summary: ArticleSummary): Promise<PostAssets> {
  return postAssetsOf(summary.slug, summary.file, await listAssets(contentRoot(), summary.file));
}
