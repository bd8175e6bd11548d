const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Plain text as HTML text or a double-quoted attribute value (feed fields of type HTML, URLs put back into tags). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A double-quoted attribute value of sanitized HTML as plain text. lib/sanitize writes only these
 * four entities in attributes, so this exact inverse of escapeHtml reads every value it writes.
 */
export function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
