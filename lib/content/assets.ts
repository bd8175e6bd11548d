import 'server-only';
import { resolveAsset, type ResolvedAsset } from '../assets/resolve-asset';
import { normalizePermalinkPath } from '../permalink-pattern';
import { isPreview } from './current-index';
import { statement } from './db/statements';
import { contentRoot } from './source';
import { contentDb } from './store';
import { claimOrder } from './sync/permalink-problems';

/**
 * The file of the content folder a request's path names (lib/assets/resolve-asset.ts): a published
 * article's assets, and a draft's only in preview. The index as it is: unlike a preview page, an
 * image does not make the server look at the folder (a page shows dozens of them).
 */
export async function findAsset(segments: readonly string[]): Promise<ResolvedAsset | null> {
  const [db, preview] = await Promise.all([contentDb(), isPreview()]);
  const drafts = preview ? '' : 'AND draft = 0';
  return resolveAsset(contentRoot(), segments, {
    article(slug) {
      const row = statement(db, `SELECT file, draft FROM articles WHERE slug = ? ${drafts}`).get(slug) as
        | { file: string; draft: number }
        | undefined;
      return row && { file: row.file, draft: row.draft === 1 };
    },
    oldAddress(path) {
      const row = statement(
        db,
        `SELECT a.slug FROM permalink_claims c JOIN articles a ON a.id = c.article_id
         WHERE c.path = ? AND c.draft = 0 ORDER BY ${claimOrder('c.')} LIMIT 1`,
      ).get(normalizePermalinkPath(path)) as { slug: string } | undefined;
      return row?.slug;
    },
  });
}
