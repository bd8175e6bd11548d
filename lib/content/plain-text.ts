import { decodeHTML } from 'entities';

const INLINE_TAG =
  /<\/?(?:a|abbr|b|cite|code|del|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|u)(?:\s[^>]*)?>/gi;

/**
 * Plain text of an HTML fragment, for excerpts. The result is only ever rendered as React text,
 * never as HTML, so a rough tag stripper is enough; invisible elements are dropped with their content.
 */
export function htmlToText(html: string, { skipHeadings = false } = {}): string {
  const withoutInvisible = (skipHeadings ? html.replace(/<(h[1-6])\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ') : html)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template|noscript|iframe|object|svg|math|textarea|title)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  // Inline tags vanish without a trace ("第二段，<b>加粗</b>。"); block tags separate words.
  return decodeHTML(withoutInvisible.replace(INLINE_TAG, '').replace(/<\/?[a-z!?][^>]*(?:>|$)/gi, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
