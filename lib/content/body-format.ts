import { marked } from 'marked';
import type { BodyFormat } from './types';

/**
 * A body that opens with an HTML element is HTML (as aggregated news bodies are) and is kept as
 * is: run through Markdown, its indented lines would become code blocks.
 */
export function detectFormat(body: string): BodyFormat {
  return /^\s*<(?:[a-z][a-z0-9-]*)(?:\s[^>]*)?\/?>/i.test(body) && !/^\s*<(?:https?|mailto):/i.test(body)
    ? 'html'
    : 'markdown';
}

/** Renders a body to (unsanitized) HTML. */
export function renderBody(body: string, format: BodyFormat): string {
  if (format === 'html') return body;
  return marked.parse(body, { async: false, gfm: true, breaks: false });
}
