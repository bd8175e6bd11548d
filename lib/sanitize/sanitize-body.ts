import sanitizeHtml, { type Attributes, type IOptions } from 'sanitize-html';
import { IMAGE_SCHEMES, isSafeUrl, LINK_SCHEMES, urlScheme } from '../safe-url';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, DROPPED_WITH_CONTENT, EXTERNAL_LINK_REL } from './allowlist';
import { checkBodyLimits } from './limits';
import { SanitizeReport } from './sanitize-report';

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
    if (value && isSafeUrl(value, { image: true })) return value;
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

const ALLOWED_TAG_SET = new Set(ALLOWED_TAGS);
const DROPPED_WITH_CONTENT_SET = new Set(DROPPED_WITH_CONTENT);
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
/** Attributes of elements that are dropped anyway whose URL would have been loaded or followed. */
const ACTIVE_URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'xlink:href',
  'background',
  'poster',
]);
/** Attributes the transforms read and replace (an image's lazy source and size, a link's rel): used, not removed. */
const TRANSFORM_INPUTS: Record<string, Set<string>> = {
  img: new Set([...LAZY_SOURCES, 'data-size', 'data-width', 'data-height', 'width', 'height']),
  a: new Set(['rel']),
};

const baseOptions: IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: [...IMAGE_SCHEMES] },
  allowedSchemesAppliedToAttributes: [...URL_ATTRIBUTES],
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

const allowedAttributes = new Map(
  Object.entries(ALLOWED_ATTRIBUTES || {}).map(([tag, names]) => [
    tag,
    new Set(names.filter((n): n is string => typeof n === 'string')),
  ]),
);

/** Why an attribute the author wrote is not in the output, or null if it is. */
function removalReason(tag: string, name: string, value: string, kept: Attributes) {
  const allowed = allowedAttributes.get(tag)?.has(name) || allowedAttributes.get('*')?.has(name);
  if (allowed && name in kept) return null;
  if (/^on/i.test(name)) return { target: 'attribute' as const, reason: 'event-handler' as const };
  if (!allowed) return { target: 'attribute' as const, reason: 'attribute-not-allowed' as const };
  if (value.trim() === '') return { target: 'attribute' as const, reason: 'empty-value' as const };
  return URL_ATTRIBUTES.has(name)
    ? { target: 'url' as const, reason: 'unsafe-url' as const }
    : { target: 'attribute' as const, reason: 'unsafe-value' as const };
}

/**
 * The same options, instrumented: sanitize-html has no report of its own, so its hooks see each
 * element as written (onOpenTag) and, at its end, which attributes survived (exclusiveFilter gets
 * the frame whose attributes it deleted). Elements it will drop are seen by the `*` transform.
 */
function reportingOptions(report: SanitizeReport): IOptions {
  const written = new WeakMap<Attributes, { tag: string; attribs: Attributes }>();
  const keepOrigin = (transform: typeof transformImage) => (tagName: string, attribs: Attributes) => {
    const result = transform(tagName, attribs);
    const origin = written.get(attribs);
    if (origin) written.set(result.attribs, origin);
    return result;
  };
  return {
    ...baseOptions,
    onOpenTag: (name, attribs) => written.set(attribs, { tag: name, attribs: { ...attribs } }),
    transformTags: {
      h1: (tagName, attribs) => {
        report.add({ action: 'changed', target: 'element', tag: 'h1', reason: 'h1-to-h2' });
        return { tagName: 'h2', attribs };
      },
      img: keepOrigin(transformImage),
      a: keepOrigin(transformLink),
      '*': (tagName, attribs) => {
        if (!ALLOWED_TAG_SET.has(tagName)) {
          const reason = DROPPED_WITH_CONTENT_SET.has(tagName)
            ? 'element-not-allowed-with-content'
            : 'element-not-allowed';
          report.add({ action: 'removed', target: 'element', tag: tagName, reason });
          // Its attributes go with it, unseen by exclusiveFilter: the ones that would have run are worth naming.
          for (const [name, value] of Object.entries(attribs)) {
            if (/^on/i.test(name)) {
              report.add({
                action: 'removed',
                target: 'attribute',
                tag: tagName,
                attribute: name,
                reason: 'event-handler',
              });
            } else if (ACTIVE_URL_ATTRIBUTES.has(name.toLowerCase()) && value.trim() && !isSafeUrl(value.trim())) {
              report.add({
                action: 'removed',
                target: 'url',
                tag: tagName,
                attribute: name,
                value,
                reason: 'unsafe-url',
              });
            }
          }
        }
        return { tagName, attribs };
      },
    },
    exclusiveFilter: (frame) => {
      const origin = written.get(frame.attribs);
      const dropped = frame.tag === 'img' && !frame.attribs.src;
      if (!origin) return dropped;
      for (const [name, value] of Object.entries(origin.attribs)) {
        if (
          origin.tag === 'img' &&
          (name === 'src' || LAZY_SOURCES.includes(name)) &&
          value.trim() &&
          !isSafeUrl(value.trim(), { image: true })
        ) {
          report.add({ action: 'removed', target: 'url', tag: 'img', attribute: name, value, reason: 'unsafe-url' });
          continue;
        }
        if (TRANSFORM_INPUTS[origin.tag]?.has(name)) continue;
        const removal = removalReason(frame.tag, name, value, frame.attribs);
        if (!removal) continue;
        const { target, reason } = removal;
        report.add({
          action: 'removed',
          target,
          tag: origin.tag,
          attribute: name,
          ...(target === 'url' && { value }),
          reason,
        });
      }
      if (dropped) {
        const source = imageSource(origin.attribs);
        report.add({
          action: 'removed',
          target: 'element',
          tag: 'img',
          ...(source && { value: source }),
          reason: 'image-without-source',
        });
      }
      return dropped;
    },
  };
}

export type SanitizeResult = { ok: true; html: string; report?: SanitizeReport } | { ok: false; reason: string };

/**
 * Sanitizes a rendered article body, refusing bodies too large or too deeply nested to sanitize
 * safely. With `report`, also says what was removed or changed and why (preview, the checker).
 */
export function sanitizeBody(html: string, { report = false } = {}): SanitizeResult {
  const limits = checkBodyLimits(html);
  if (!limits.ok) return limits;
  if (!report) return { ok: true, html: sanitizeHtml(html, baseOptions) };
  const changes = new SanitizeReport();
  return { ok: true, html: sanitizeHtml(html, reportingOptions(changes)), report: changes };
}
