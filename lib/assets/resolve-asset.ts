import path from 'node:path';
import { normalizeSlug } from '../content/slugs';
import { articleUrl } from '../urls';
import { assetPathCandidates } from './request-path';
import { assetFolderOf, servedFile, type ServedFile } from './served-file';

/** An article as the asset route needs it: its file (relative to the content folder) and whether it is a draft. */
export type AssetArticle = { file: string; draft: boolean };

export type AssetLookup = {
  /** The article a slug names, if this request may see it: a published one, or a draft in preview. */
  article(slug: string): AssetArticle | undefined | Promise<AssetArticle | undefined>;
  /** The slug of the article an old Hexo address (PERMALINK) names, if any. */
  oldAddress?(path: string): string | undefined | Promise<string | undefined>;
};

export type ResolvedAsset =
  | { kind: 'file'; file: ServedFile; draft: boolean }
  /** An asset asked for at its article's old Hexo address: it is at `location` now. */
  | { kind: 'moved'; location: string };

const assetLocation = (slug: string, rest: readonly string[]) =>
  `${articleUrl(slug)}/${rest.map(encodeURIComponent).join('/')}`;

/** A file of the asset folder of the article `slug` names, if the request may see that article. */
async function articleAsset(root: string, lookup: AssetLookup, slug: string, rest: readonly string[]) {
  const article = await lookup.article(normalizeSlug(slug));
  if (!article) return null;
  const file = await servedFile(root, path.join(root, assetFolderOf(article.file)), rest);
  return file && { file, draft: article.draft };
}

/**
 * The file a URL path (its raw segments) names in the content folder `root`, as Hexo publishes a
 * `source/` folder: `/posts/<slug>/<path>` is a file of that article's asset folder (the folder
 * beside its file with the same name), longest slug first; any other path is the file at that path
 * in the content folder. An asset at its article's old Hexo address has moved to the new one.
 */
export async function resolveAsset(
  root: string,
  raw: readonly string[],
  lookup: AssetLookup,
): Promise<ResolvedAsset | null> {
  for (const segments of assetPathCandidates(raw)) {
    const found = await resolveSegments(root, segments, lookup);
    if (found) return found;
  }
  return null;
}

async function resolveSegments(root: string, segments: string[], lookup: AssetLookup): Promise<ResolvedAsset | null> {
  if (segments[0] === 'posts') {
    for (let end = segments.length - 1; end > 1; end--) {
      const found = await articleAsset(root, lookup, segments.slice(1, end).join('/'), segments.slice(end));
      if (found) return { kind: 'file', ...found };
    }
  }
  const site = await servedFile(root, root, segments);
  if (site) return { kind: 'file', file: site, draft: false };
  if (lookup.oldAddress) {
    for (let end = segments.length - 1; end > 0; end--) {
      const slug = await lookup.oldAddress(segments.slice(0, end).join('/'));
      const rest = segments.slice(end);
      if (slug !== undefined && (await articleAsset(root, lookup, slug, rest))) {
        return { kind: 'moved', location: assetLocation(slug, rest) };
      }
    }
  }
  return null;
}
