import { escapeHtml } from '../html-escape';
import { assetUrl, hasAsset, type PostAssets } from './post-assets';

/**
 * Hexo's three asset tags. Arguments are bounded (like check-file's HEXO_TAG, and on one line) so
 * that a body full of `{% asset_img` without `%}` is scanned in linear time.
 */
const ASSET_TAG = /\{%-?\s*(asset_img|asset_path|asset_link)(?:\s((?:[^\n%]|%(?!\})){0,300}?))?-?%\}/g;

export type AssetTagName = 'asset_img' | 'asset_path' | 'asset_link';

/** One asset tag of a body: where it is, and the asset it names if the post has it. */
export type AssetTag = { index: number; end: number; tag: AssetTagName; args: string[]; asset: string | null };

/**
 * A tag's arguments as Nunjucks (Hexo's template engine) splits them: at whitespace, with quoted
 * strings kept whole and their quotes removed (`"spaced asset.jpg"` is one argument).
 */
export function tagArguments(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && i + 1 < text.length) {
        const next = text[++i]!;
        current += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
      } else current += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (/\s/.test(c)) {
      if (current.trim() !== '') args.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim() !== '') args.push(current.trim());
  return args;
}

const attribute = (name: string, value: string | undefined) =>
  value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`;

/**
 * `{% asset_img [class names] slug [width] [height] [title text [alt text]] %}` as Hexo's img tag
 * reads what follows the asset: whole numbers are the size, the rest is the title, or a quoted
 * title and alt (`'"title" "alt"'`). Class names are left out: the sanitizer allows none.
 */
function assetImg(args: string[], at: number, src: string): string {
  const rest = args.slice(at + 1);
  let width: string | undefined;
  let height: string | undefined;
  if (rest.length > 0 && !/\D/.test(rest[0]!)) {
    width = rest.shift();
    if (rest.length > 0 && !/\D/.test(rest[0]!)) height = rest.shift();
  }
  let title: string | undefined;
  let alt: string | undefined;
  if (rest.length > 0) {
    const meta = rest.join(' ');
    const quoted = (double: boolean) => (double ? `"?([^"]+)?"?` : `'?([^']+)?'?`);
    const match = new RegExp(`${quoted(meta.startsWith('"'))}\\s*${quoted(meta.endsWith('"'))}`).exec(meta);
    title = match?.[1];
    alt = match?.[2];
  }
  // Hexo writes no alt then; here the sanitizer would make it empty (decorative), so the title,
  // which describes the picture, is its text for those who cannot see it.
  return `<img src="${src}"${attribute('width', width)}${attribute('height', height)}${attribute('title', title)}${attribute('alt', alt ?? title)}>`;
}

/** `{% asset_link slug [title] [escape] %}`: the title is escaped unless the last argument is `false`. */
function assetLink(args: string[], href: string): string {
  const rest = args.slice(1);
  const last = rest.at(-1);
  const escape = last === 'false' ? false : true;
  if (last === 'true' || last === 'false') rest.pop();
  const title = rest.length > 0 ? rest.join(' ') : args[0]!;
  return `<a href="${href}" title="${escapeHtml(title)}">${escape ? escapeHtml(title) : title}</a>`;
}

/** What Hexo renders for a tag: nothing when the post has no such asset. */
function renderTag(tag: AssetTag, assets: PostAssets): string {
  if (tag.asset === null) return '';
  const url = assetUrl(assets, tag.asset);
  if (tag.tag === 'asset_path') return url;
  if (tag.tag === 'asset_link') return assetLink(tag.args, url);
  return assetImg(tag.args, tag.args.indexOf(tag.asset), url);
}

/** The asset a tag names: asset_img's first argument that is one of the post's assets, the others' first. */
function namedAsset(tag: AssetTagName, args: string[], assets: PostAssets): string | null {
  const candidates = tag === 'asset_img' ? args : args.slice(0, 1);
  return candidates.find((name) => hasAsset(assets, name)) ?? null;
}

/** Every asset tag of a body, in order, with the asset each names (null: the post has none such). */
export function findAssetTags(body: string, assets: PostAssets): AssetTag[] {
  return [...body.matchAll(ASSET_TAG)].map((match) => {
    const tag = match[1] as AssetTagName;
    const args = tagArguments(match[2] ?? '');
    const end = match.index + match[0].length;
    return { index: match.index, end, tag, args, asset: namedAsset(tag, args, assets) };
  });
}

export type TagRendering = {
  /** The body with each asset tag replaced by a placeholder that Markdown leaves as it is. */
  text: string;
  /** Whether a URL is a placeholder (an `asset_path` inside `![…](…)`): not to be resolved as a path. */
  isPlaceholder(url: string): boolean;
  /** Rendered HTML with the placeholders replaced by the tags' HTML; inside `<code>`, by the tags as written. */
  restore(html: string, escapeInCode: boolean): string;
};

/**
 * Renders a body's asset tags the way Hexo does: tags are set aside before Markdown, so Markdown
 * never mangles them and their HTML is not read as Markdown, and put back after it, as Hexo
 * renders tags on the Markdown's output; in code (`<code>`), a tag is shown as written.
 */
export function renderAssetTags(body: string, assets: PostAssets): TagRendering | null {
  const tags = findAssetTags(body, assets);
  if (tags.length === 0) return null;
  let prefix: string;
  do prefix = `hexoasset${Math.random().toString(36).slice(2, 10)}`;
  while (body.includes(prefix));
  const written: string[] = [];
  let text = '';
  let from = 0;
  for (const tag of tags) {
    text += `${body.slice(from, tag.index)}${prefix}x${written.length}x`;
    written.push(body.slice(tag.index, tag.end));
    from = tag.end;
  }
  text += body.slice(from);
  const placeholder = new RegExp(`<code\\b[^>]*>|</code\\s*>|${prefix}x(\\d+)x`, 'gi');
  return {
    text,
    isPlaceholder: (url) => url.includes(prefix),
    restore(html, escapeInCode) {
      let depth = 0;
      return html.replace(placeholder, (whole, n: string | undefined) => {
        if (n === undefined) {
          depth = Math.max(0, depth + (whole[1] === '/' ? -1 : 1));
          return whole;
        }
        const i = Number(n);
        if (i >= tags.length) return whole;
        if (depth > 0) return escapeInCode ? escapeHtml(written[i]!) : written[i]!;
        return renderTag(tags[i]!, assets);
      });
    },
  };
}
