const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Plain text as HTML or XML text or attribute value (feed fields of type HTML, URLs put back into
 * tags, the sitemap). `&#39;` rather than `&apos;`, which HTML before 5 does not know.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A double-quoted attribute value of sanitized HTML as plain text. lib/sanitize writes only these
 * entities in attributes, so this exact inverse of escapeHtml reads every value it writes.
 */
export function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
