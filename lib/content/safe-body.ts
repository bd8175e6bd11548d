import { checkBodyLimits } from '../sanitize/limits';
import { sanitizeBody, type SanitizeResult } from '../sanitize/sanitize-body';
import { renderBody } from './body-format';
import type { BodyFormat } from './types';

/**
 * An article body as the site shows it: rendered if Markdown, then sanitized. Limits apply to the
 * source too: rendering a huge Markdown body would stall before sanitizing could refuse it.
 */
export function safeBodyHtml(body: string, format: BodyFormat, options: { report?: boolean } = {}): SanitizeResult {
  // An HTML body is its own rendering: sanitizeBody checks it, once.
  if (format === 'html') return sanitizeBody(body, options);
  const sourceLimits = checkBodyLimits(body);
  if (!sourceLimits.ok) return sourceLimits;
  const rendered = renderBody(body, format);
  return rendered.ok ? sanitizeBody(rendered.html, options) : rendered;
}
