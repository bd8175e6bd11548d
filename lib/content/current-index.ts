import 'server-only';
import type { DatabaseSync } from 'node:sqlite';
import { draftMode } from 'next/headers';
import { cache } from 'react';
import { previewSecret } from '../config';
import { contentDb, contentGeneration, refreshContent } from './store';

/**
 * Whether this request is an editor's preview (Next.js draft mode, turned on by /api/draft).
 * Never without PREVIEW_SECRET, and false at build time, outside any request.
 */
export const isPreview = cache(async (): Promise<boolean> => {
  if (!previewSecret) return false;
  try {
    return (await draftMode()).isEnabled;
  } catch {
    // generateStaticParams runs without a request: that is the published site.
    return false;
  }
});

/** What a page reads: the index, whether drafts are listed (preview), and the index's generation (for caches). */
export type View = { db: DatabaseSync; withDrafts: boolean; generation: string };

/**
 * The content as this request should see it. In preview, the folder is checked first (a walk and
 * a stat per file; only changed files are read), so an editor's save shows on reload; the layout,
 * page and metadata of one request share that check.
 */
export const currentView = cache(async (): Promise<View> => {
  const preview = await isPreview();
  const db = await contentDb();
  if (preview) await refreshContent();
  return { db, withDrafts: preview, generation: contentGeneration(db) };
});

/** The published site, whatever the request: feeds and the sitemap never list drafts, not even in preview. */
export async function publishedView(): Promise<View> {
  const db = await contentDb();
  return { db, withDrafts: false, generation: contentGeneration(db) };
}
