import { escapeHtml, unescapeAttribute } from './html-escape';

// Sanitized HTML has a regular form (lib/sanitize): every `<` starts a tag, attribute values are
// double-quoted with `"` and `>` escaped, so a tag and its href/src are found exactly by pattern.
const TAG = /<[a-z][^>]*>/gi;
const URL_ATTRIBUTE = /(\s(?:href|src)=")([^"]*)"/gi;

/** Sanitized HTML with each link and image URL replaced by what `map` makes of it (null: kept as is). */
export function mapUrls(html: string, map: (url: string) => string | null): string {
  return html.replace(TAG, (tag) =>
    tag.replace(URL_ATTRIBUTE, (whole, start: string, value: string) => {
      const mapped = map(unescapeAttribute(value));
      return mapped === null ? whole : `${start}${escapeHtml(mapped)}"`;
    }),
  );
}
