import 'server-only';
import { resolveAsset, type ResolvedAsset } from '../assets/resolve-asset';
import { normalizePermalinkPath } from '../permalink-pattern';
import type { ContentIndex } from './build-index';
import { isPreview } from './current-index';
import { contentRoot } from './source';
import { getIndex, getPreviewIndex } from './store';

/**
 * The file of the content folder a request's path names (lib/assets/resolve-asset.ts). Published
 * articles' assets are found in the published index; a draft's only in preview, in an index read
 * fresh from disk as preview pages read it, and only when the published one has no such article.
 */
export async function findAsset(segments: readonly string[]): Promise<ResolvedAsset | null> {
  const published = await getIndex();
  const preview = await isPreview();
  let withDrafts: Promise<ContentIndex> | undefined;
  return resolveAsset(contentRoot(), segments, {
    async article(slug) {
      let entry = published.bySlug.get(slug);
      if (!entry && preview) entry = (await (withDrafts ??= getPreviewIndex())).bySlug.get(slug);
      return entry && { file: entry.article.file, draft: entry.article.draft };
    },
    oldAddress: (path) => published.permalinks.get(normalizePermalinkPath(path)),
  });
}
