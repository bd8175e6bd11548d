import { checkBodyLimits } from '../sanitize/limits';
import { sanitizeBody, type SanitizeResult } from '../sanitize/sanitize-body';
import { renderBody } from './body-format';
import { resolveRelativeUrls, type PostAssets } from './post-assets';
import type { BodyFormat } from './types';

export type SafeBodyOptions = {
  /** Say what sanitizing removed or changed (preview, the checker). */
  report?: boolean;
  /** The article's asset folder: Hexo's asset tags are rendered and relative URLs resolved against it. */
  assets?: PostAssets;
};

/**
 * An article body as the site shows it: rendered if Markdown, then sanitized. Limits apply to the
 * source too: rendering a huge Markdown body would stall before sanitizing could refuse it.
 */
export function safeBodyHtml(body: string, format: BodyFormat, { report, assets }: SafeBodyOptions = {}): SanitizeResult {
  // An HTML body is (nearly) its own rendering: sanitizeBody checks its limits, once.
  if (format !== 'html') {
    const sourceLimits = checkBodyLimits(body);
    if (!sourceLimits.ok) return sourceLimits;
  }
  const rendered = renderBody(body, format, assets);
  if (!rendered.ok) return rendered;
  const safe = sanitizeBody(rendered.html, { report });
  return safe.ok && assets ? { ...safe, html: resolveRelativeUrls(safe.html, assets) } : safe;
}
