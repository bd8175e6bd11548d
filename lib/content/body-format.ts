import { marked, type Token } from 'marked';
import { renderAssetTags } from './asset-tags';
import { markdownImageHref, type PostAssets } from './post-assets';
import type { BodyFormat } from './types';

/** Markdown a line can start with; an HTML body's lines do not. */
const MARKDOWN_BLOCK = /^(?:#{1,6}\s|[-*+]\s+\S|\d{1,9}[.)]\s+\S|>\s?|```|~~~|\|.*\|\s*$|!\[[^\]]*\]\()/m;

/**
 * A body that opens with an HTML element and has no Markdown block syntax at the start of a line
 * is HTML (as aggregated news bodies are) and is kept as is: run through Markdown, its indented
 * lines would become code blocks. A Markdown post that merely opens with an HTML banner still
 * has its headings and lists, so it is Markdown.
 */
export function detectFormat(body: string): BodyFormat {
  const opensWithElement = /^\s*<[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/i.test(body) && !/^\s*<(?:https?|mailto):/i.test(body);
  return opensWithElement && !MARKDOWN_BLOCK.test(body) ? 'html' : 'markdown';
}

/**
 * marked recurses into quotes and lists: thousands of nested levels overflow the stack, and
 * deep list nesting in a large body takes seconds. Such bodies are refused before rendering.
 */
export const MAX_MARKDOWN_BYTES = 512 * 1024;
const MAX_QUOTE_DEPTH = 16;
const MAX_LIST_INDENT = 64;

export function checkMarkdownLimits(body: string): { ok: true } | { ok: false; reason: string } {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_MARKDOWN_BYTES) {
    return { ok: false, reason: `Markdown body is ${Math.round(bytes / 1024)} KiB, over the ${MAX_MARKDOWN_BYTES / 1024} KiB limit` };
  }
  for (const line of body.split('\n')) {
    const quotes = /^(?:\s{0,3}>)+/.exec(line)?.[0].split('>').length ?? 1;
    if (quotes - 1 > MAX_QUOTE_DEPTH) return { ok: false, reason: `Markdown quotes are nested more than ${MAX_QUOTE_DEPTH} deep` };
    const listIndent = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])\s/.exec(line)?.[1]?.replace(/\t/g, '    ').length ?? 0;
    if (listIndent > MAX_LIST_INDENT) return { ok: false, reason: 'Markdown lists are nested too deep' };
  }
  return { ok: true };
}

export type RenderResult = { ok: true; html: string } | { ok: false; reason: string };

/**
 * Renders a body to (unsanitized) HTML; Markdown beyond the limits is refused, never rendered.
 * With its article's `assets`, Hexo's asset tags are rendered and Markdown images resolved as Hexo does.
 */
export function renderBody(body: string, format: BodyFormat, assets?: PostAssets): RenderResult {
  const tags = assets ? renderAssetTags(body, assets) : null;
  const source = tags?.text ?? body;
  if (format === 'html') return { ok: true, html: tags ? tags.restore(source, false) : source };
  const limits = checkMarkdownLimits(body);
  if (!limits.ok) return limits;
  const walkTokens =
    assets &&
    ((token: Token) => {
      if (token.type === 'image' && !tags?.isPlaceholder(token.href)) token.href = markdownImageHref(token.href, assets);
    });
  try {
    const html = marked.parse(source, { async: false, gfm: true, breaks: false, walkTokens });
    return { ok: true, html: tags ? tags.restore(html, true) : html };
  } catch (error) {
    return { ok: false, reason: `Markdown could not be rendered: ${(error as Error).message}` };
  }
}
