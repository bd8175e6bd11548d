// Sanitized HTML has a regular form (lib/sanitize): every `<` starts a tag, attribute values are
// double-quoted with `"` and `>` escaped, so a tag and its href/src are found exactly by pattern.
const TAG = /<[a-z][^>]*>/gi;
const URL_ATTRIBUTE = /(\s(?:href|src)=")([^"]*)"/gi;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

const unescapeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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
        return `${start}${escapeAttribute(new URL(url, base).href)}"`;
      } catch {
        return whole;
      }
    }),
  );
}
