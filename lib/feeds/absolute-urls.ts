import { escapeHtml, unescapeAttribute } from '../html-text';

// Sanitized HTML has a regular form (lib/sanitize): every `<` starts a tag, attribute values are
// double-quoted with `"` and `>` escaped, so a tag and its href/src are found exactly by pattern.
const TAG = /<[a-z][^>]*>/gi;
const URL_ATTRIBUTE = /(\s(?:href|src)=")([^"]*)"/gi;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * Sanitized HTML with its relative link and image URLs made absolute against `base` (the
 * article's own URL, against which a browser on its page resolves them): a feed reader has no base.
 */
export function absolutizeUrls(html: string, base: string): string {
  return html.replace(TAG, (tag) =>
    tag.replace(URL_ATTRIBUTE, (whole, start: string, value: string) => {
      const url = unescapeAttribute(value);
      if (HAS_SCHEME.test(url)) return whole;
      try {
        return `${start}${escapeHtml(new URL(url, base).href)}"`;
      } catch {
        return whole;
      }
    }),
  );
}
