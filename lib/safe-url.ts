/**
 * The one URL rule for everything an article supplies (links, images, front-matter images):
 * http, https, mailto, or a relative URL. Browsers ignore tabs, newlines and leading control
 * characters in schemes (`java\tscript:`), so those are removed before the scheme is read.
 */
/** Schemes a link may have (relative links have none). */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];
/** Schemes an image may have. */
export const IMAGE_SCHEMES: readonly string[] = ['http', 'https'];

const LINK_SCHEME_SET = new Set(LINK_SCHEMES);
const IMAGE_SCHEME_SET = new Set(IMAGE_SCHEMES);

export function urlScheme(url: string): string | null {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = cleaned.match(/^([a-zA-Z][a-zA-Z0-9+.-]*):/);
  return match ? match[1]!.toLowerCase() : null;
}

/** Whether a link (or, `image`, a picture) URL is relative or of an allowed scheme. */
export function isSafeUrl(url: string, { image = false } = {}): boolean {
  const scheme = urlScheme(url);
  return scheme === null || (image ? IMAGE_SCHEME_SET : LINK_SCHEME_SET).has(scheme);
}

/** Image URLs from front matter: http(s) or relative, and shaped like a URL (no markup, quotes or spaces). */
export function isSafeImageUrl(url: string): boolean {
  const trimmed = url.trim();
  return (
    trimmed !== '' &&
    !/[\s<>"'`\u0000-\u001f\u007f]/.test(trimmed) &&
    isSafeUrl(trimmed, { image: true }) &&
    // `http://a:99999/x.jpg` has a safe scheme but is no URL: pages that make it absolute would fail.
    URL.canParse(trimmed, 'http://site.invalid/')
  );
}
