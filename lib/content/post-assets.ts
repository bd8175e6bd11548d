import { mapUrls } from '../html-urls';
import { articleUrl } from '../urls';
import { safeDecode } from './slugs';

/** What rendering a body needs to know of its article's asset folder (the folder beside its file). */
export type PostAssets = {
  /** The article's folder URL, `/posts/<slug>/`: its assets are served below it, and its relative URLs mean it. */
  base: string;
  /** The asset folder's name: the article file's name without its extension. */
  folder: string;
  /** Paths, relative to the folder, of the files the site serves from it; null when unknown, taken as all there. */
  files: ReadonlySet<string> | null;
};

/** For bodies rendered only for their text (search, excerpts): every tag renders, and no URL is seen. */
export const TEXT_ONLY_ASSETS: PostAssets = { base: '/', folder: '', files: null };

export function postAssetsOf(slug: string, articleFile: string, files: ReadonlySet<string> | null): PostAssets {
  const folder = articleFile.split('/').pop()!.replace(/\.(?:md|markdown)$/i, '');
  return { base: `${articleUrl(slug)}/`, folder, files };
}

export const hasAsset = (assets: PostAssets, name: string): boolean => assets.files === null || assets.files.has(name);

/** Percent-encodes all but unreserved characters, so a URL is also safe in Markdown and in an attribute. */
const encodeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The URL of one of the post's assets, by its path in the asset folder. */
export const assetUrl = (assets: PostAssets, name: string): string =>
  assets.base + name.split('/').map(encodeSegment).join('/');

/** `./a/../b.jpg` as `b.jpg`; null for a path that leaves its folder or names no file. */
function normalizeRelative(path: string): string | null {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.pop() === undefined) return null;
    } else out.push(segment);
  }
  return out.length > 0 ? out.join('/') : null;
}

const NOT_RELATIVE = /^(?:[a-z][a-z\d+.-]*:|[/\\#?])/i;

/**
 * Where a Markdown image's relative URL leads, as hexo-renderer-marked (prependRoot, postAsset)
 * reads it: a file of the post's asset folder (`photo.jpg`, `./photo.jpg`, `sub/photo.jpg`) is
 * served from the post's folder; so is `<folder>/photo.jpg`, the path an editor's preview (Typora,
 * VS Code) resolves from the article file's own folder; any other relative path is from the site
 * root, as Hexo's url_for makes it. URLs with a scheme, `/`, `#` or `?` are left as they are.
 */
export function markdownImageHref(href: string, assets: PostAssets): string {
  if (href === '' || NOT_RELATIVE.test(href)) return href;
  const cut = href.search(/[?#]/);
  const path = cut === -1 ? href : href.slice(0, cut);
  const suffix = cut === -1 ? '' : href.slice(cut);
  const name = normalizeRelative(safeDecode(path));
  if (name !== null && assets.files !== null) {
    if (assets.files.has(name)) return assetUrl(assets, name) + suffix;
    const inFolder = name.startsWith(`${assets.folder}/`) ? name.slice(assets.folder.length + 1) : null;
    if (inFolder !== null && assets.files.has(inFolder)) return assetUrl(assets, inFolder) + suffix;
  }
  return `/${href.replace(/^(?:\.\/)+/, '')}`;
}

/**
 * Sanitized HTML with its relative link and image URLs resolved against the post's folder: a Hexo
 * article's address ends in `/`, so on the old site `<img src="photo.jpg">` and `[PDF](report.pdf)`
 * were files beside it, its assets; here they must be made `/posts/<slug>/photo.jpg`, since the
 * article is at `/posts/<slug>` and a browser would take `photo.jpg` to be `/posts/photo.jpg`.
 */
export function resolveRelativeUrls(html: string, assets: PostAssets): string {
  const origin = 'http://site.invalid';
  return mapUrls(html, (url) => {
    if (url === '' || NOT_RELATIVE.test(url)) return null;
    try {
      const resolved = new URL(url, `${origin}${assets.base}`);
      return resolved.origin === origin ? resolved.pathname + resolved.search + resolved.hash : null;
    } catch {
      return null;
    }
  });
}
