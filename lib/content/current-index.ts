import 'server-only';
import { draftMode } from 'next/headers';
import { cache } from 'react';
import { previewSecret } from '../config';
import type { ContentIndex } from './build-index';
import { getIndex, getPreviewIndex } from './store';

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

/** One fresh preview index per request: its layout, page and metadata see the same content. */
const previewIndexForRequest = cache(getPreviewIndex);

/** The index a page should read: drafts included and fresh from disk in preview, the published one otherwise. */
export async function currentIndex(): Promise<ContentIndex> {
  return (await isPreview()) ? previewIndexForRequest() : getIndex();
}
