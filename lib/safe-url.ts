/**
 * The one URL rule for everything an article supplies (links, images, front-matter images):
 * http, https, mailto, or a relative URL. Browsers ignore tabs, newlines and leading control
 * characters in schemes (`java\tscript:`), so those are removed before the scheme is read.
 */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

export function urlScheme(url: string): string | null {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = cleaned.match(/^([a-zA-Z][a-zA-Z0-9+.-]*):/);
  return match ? match[1]!.toLowerCase() : null;
}

export function isSafeUrl(url: string, schemes: ReadonlySet<string> = ALLOWED_SCHEMES): boolean {
  const scheme = urlScheme(url);
  return scheme === null || schemes.has(scheme);
}

const IMAGE_SCHEMES = new Set(['http', 'https']);

/** Image URLs from front matter: http(s) or relative, and shaped like a URL (no markup, quotes or spaces). */
export function isSafeImageUrl(url: string): boolean {
  const trimmed = url.trim();
  return (
    trimmed !== '' &&
    !/[\s<>"'`\u0000-\u001f\u007f]/.test(trimmed) &&
    isSafeUrl(trimmed, IMAGE_SCHEMES) &&
    // `http://a:99999/x.jpg` has a safe scheme but is no URL: pages that make it absolute would fail.
    URL.canParse(trimmed, 'http://site.invalid/')
  );
}
