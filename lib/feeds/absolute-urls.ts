import { mapUrls } from '../html-urls';

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * Sanitized HTML with its relative link and image URLs made absolute against `base` (the
 * article's own URL, against which a browser on its page resolves them): a feed reader has no base.
 */
export function absolutizeUrls(html: string, base: string): string {
  return mapUrls(html, (url) => {
    if (HAS_SCHEME.test(url)) return null;
    try {
      return new URL(url, base).href;
    } catch {
      return null;
    }
  });
}
