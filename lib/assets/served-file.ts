import fs from 'node:fs/promises';
import path from 'node:path';
import { LruCache } from '../content/lru';
import { mediaTypeOf } from './media-types';

const ARTICLE = /\.(?:md|markdown)$/i;

/** The folder beside an article file that holds its assets (Hexo's post_asset_folder): its path without the extension. */
export const assetFolderOf = (articleFile: string): string => articleFile.replace(ARTICLE, '');

type Stems = { version: string; stems: Set<string> };
const stemCache: LruCache<string, Stems> = ((
  globalThis as { __newsArticleStems?: LruCache<string, Stems> }
).__newsArticleStems ??= new LruCache(1024));

/**
 * The names, without extension, of the article files in `dir`: the asset folders it may hold. Kept
 * until the folder changes (its mtime), so a request costs one stat per folder on its path.
 */
async function articleStems(dir: string): Promise<Set<string>> {
  let version: string;
  try {
    const stat = await fs.stat(/* turbopackIgnore: true */ dir, { bigint: true });
    version = `${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch {
    return new Set();
  }
  const cached = stemCache.get(dir);
  if (cached?.version === version) return cached.stems;
  const names = await fs.readdir(/* turbopackIgnore: true */ dir).catch(() => [] as string[]);
  const stems = new Set(names.filter((name) => ARTICLE.test(name)).map((name) => name.replace(ARTICLE, '')));
  stemCache.set(dir, { version, stems });
  return stems;
}

/**
 * Whether `segments`, below `folder`, name a file the rules let the site serve: a media type, no
 * folder or file starting with `.` or `_` (as Hexo publishes nothing of those), and no folder on the
 * way that is an article's asset folder (its files are served at their article's address only,
 * and only while the article is: a draft's assets never leak as plain files).
 */
async function passesRules(folder: string, segments: readonly string[]): Promise<boolean> {
  const name = segments.at(-1);
  if (!name || !mediaTypeOf(name)) return false;
  if (segments.some((segment) => segment.startsWith('.') || segment.startsWith('_'))) return false;
  for (let i = 0; i < segments.length - 1; i++) {
    if ((await articleStems(path.join(folder, ...segments.slice(0, i)))).has(segments[i]!)) return false;
  }
  return true;
}

/** `child`'s segments below `parent`, or null if it is not strictly inside it. */
function below(parent: string, child: string): string[] | null {
  const relative = path.relative(parent, child);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep);
}

export type ServedFile = { path: string; type: string };

/**
 * The file `segments` name inside `folder` (the content folder, or an article's asset folder in it),
 * if the site serves it: it passes the rules, and when a symbolic link is on the way, where the
 * link really leads passes them too, as a file of the same folder or of the site (never outside the
 * content folder, never into a dot-folder, `_drafts/` or another article's asset folder).
 * `segments` come from assetPathCandidates (lib/assets/request-path.ts): no `..`, no separators.
 */
export async function servedFile(
  root: string,
  folder: string,
  segments: readonly string[],
): Promise<ServedFile | null> {
  if (!(await passesRules(folder, segments))) return null;
  const requested = path.join(folder, ...segments);
  let real: string;
  try {
    real = await fs.realpath(/* turbopackIgnore: true */ requested);
  } catch {
    return null;
  }
  if (real !== requested) {
    const [realRoot, realFolder] = await Promise.all([fs.realpath(root), fs.realpath(folder)]).catch(() => [
      null,
      null,
    ]);
    if (!realRoot || !realFolder) return null;
    const inFolder = below(realFolder, real);
    const inSite = below(realRoot, real);
    const allowed =
      (inFolder !== null && (await passesRules(realFolder, inFolder))) ||
      (inSite !== null && (await passesRules(realRoot, inSite)));
    if (!allowed) return null;
  }
  // A folder, FIFO or device named like a picture is no file to send (reading a FIFO would block).
  const isFile = await fs.stat(/* turbopackIgnore: true */ real).then(
    (s) => s.isFile(),
    () => false,
  );
  return isFile ? { path: real, type: mediaTypeOf(real)! } : null;
}

/** Most files of one asset folder listed, and how deep: bounds the work of rendering one article. */
const MAX_ASSETS = 1000;
const MAX_FOLDERS = 100;
const MAX_DEPTH = 8;

/**
 * The files of an article's asset folder that the site serves, by their path relative to it
 * (`/`-separated, as `{% asset_img sub/photo.jpg %}` names them). Empty when it has none.
 */
export async function listAssets(root: string, articleFile: string): Promise<Set<string>> {
  const folder = path.join(root, assetFolderOf(articleFile));
  const found = new Set<string>();
  let folders = 0;
  const walk = async (segments: string[]): Promise<void> => {
    if (++folders > MAX_FOLDERS) return;
    let entries;
    try {
      entries = await fs.readdir(/* turbopackIgnore: true */ path.join(folder, ...segments), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.size >= MAX_ASSETS) return;
      if (/^[._]/.test(entry.name)) continue;
      const next = [...segments, entry.name];
      if (mediaTypeOf(entry.name)) {
        if (await servedFile(root, folder, next)) found.add(next.join('/'));
      } else if (next.length < MAX_DEPTH && (entry.isDirectory() || entry.isSymbolicLink())) {
        await walk(next);
      }
    }
  };
  await walk([]);
  return found;
}
