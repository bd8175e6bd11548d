import sanitizeHtml, { type Attributes, type IOptions } from 'sanitize-html';
import { isSafeUrl, urlScheme } from '../safe-url';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  DROPPED_WITH_CONTENT,
  EXTERNAL_LINK_REL,
  IMAGE_SCHEMES,
  LINK_SCHEMES,
} from './allowlist';
import { checkBodyLimits } from './limits';

const IMAGE_SCHEME_SET = new Set(IMAGE_SCHEMES);
const LAZY_SOURCES = ['data-original', 'data-src', 'data-lazy-src', 'data-actualsrc'];
const MAX_DIMENSION = 20000;

function dimension(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const n = Number.parseInt(value.trim(), 10);
  return Number.isFinite(n) && n > 0 && n <= MAX_DIMENSION && /^\s*\d+(?:px)?\s*$/.test(value) ? String(n) : undefined;
}

/** Lazy-loading sites put the real image in a data attribute and a placeholder in `src`. */
function imageSource(attribs: Attributes): string | undefined {
  for (const key of LAZY_SOURCES) {
    const value = attribs[key]?.trim();
    if (value && isSafeUrl(value, IMAGE_SCHEME_SET)) return value;
  }
  return attribs.src?.trim() || undefined;
}

/** Width and height from one source only (data-size, data-width/height, then width/height): mixing distorts. */
function imageSize(attribs: Attributes): { width: string; height: string } | null {
  const [sizeWidth, sizeHeight] = (attribs['data-size'] ?? '').split(',');
  const pairs: [string | undefined, string | undefined][] = [
    [sizeWidth, sizeHeight],
    [attribs['data-width'], attribs['data-height']],
    [attribs.width, attribs.height],
  ];
  for (const [w, h] of pairs) {
    const width = dimension(w);
    const height = dimension(h);
    if (width && height) return { width, height };
  }
  return null;
}

function transformImage(tagName: string, attribs: Attributes) {
  const out: Attributes = { loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' };
  const src = imageSource(attribs);
  if (src) out.src = src;
  // An image without alt text is announced by its URL; an empty alt marks it decorative instead.
  out.alt = attribs.alt ?? '';
  if (attribs.title) out.title = attribs.title;
  Object.assign(out, imageSize(attribs));
  return { tagName, attribs: out };
}

function transformLink(tagName: string, attribs: Attributes) {
  const out: Attributes = {};
  if (attribs.href !== undefined) out.href = attribs.href.trim();
  if (attribs.title) out.title = attribs.title;
  const scheme = out.href ? urlScheme(out.href) : null;
  const external = scheme === 'http' || scheme === 'https' || /^\s*[\\/]{2}/.test(out.href ?? '');
  if (external) out.rel = EXTERNAL_LINK_REL;
  return { tagName, attribs: out };
}

const options: IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: { img: IMAGE_SCHEMES },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: true,
  allowedClasses: {},
  allowedStyles: {},
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  parseStyleAttributes: false,
  transformTags: {
    h1: 'h2',
    img: transformImage,
    a: transformLink,
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

export type SanitizeResult = { ok: true; html: string } | { ok: false; reason: string };

/** Sanitizes a rendered article body, refusing bodies too large or too deeply nested to sanitize safely. */
export function sanitizeBody(html: string): SanitizeResult {
  const limits = checkBodyLimits(html);
  if (!limits.ok) return limits;
  return { ok: true, html: sanitizeHtml(html, options) };
}
