import { Parser } from 'htmlparser2';

/**
 * sanitize-html's time grows with the square of nesting depth, and a body of many megabytes is
 * no news article: both are refused before sanitizing so one file cannot stall the server.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_NESTING_DEPTH = 256;
/** Files larger than this are never read whole: front matter and a body within the limit cannot need it. */
export const MAX_FILE_BYTES = 2 * MAX_BODY_BYTES;

export const fileTooLargeReason = (bytes: number) =>
  `file is ${(bytes / 1048576).toFixed(1)} MiB, over the ${MAX_FILE_BYTES / 1048576} MiB limit; the article is listed but its body is not shown`;

class TooDeep extends Error {}

/**
 * Deepest element nesting as sanitize-html's own parser (htmlparser2) sees it, implied end tags
 * and odd tag names included; parsing stops as soon as the depth passes `limit`.
 */
export function nestingDepth(html: string, limit = MAX_NESTING_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        if (depth > deepest) deepest = depth;
        if (deepest > limit) throw new TooDeep();
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
  }
  return deepest;
}

export type LimitCheck = { ok: true } | { ok: false; reason: string };

export function checkBodyLimits(html: string): LimitCheck {
  const bytes = Buffer.byteLength(html, 'utf8');
  if (bytes > MAX_BODY_BYTES) {
    return {
      ok: false,
      reason: `body is ${(bytes / 1048576).toFixed(1)} MiB, over the ${MAX_BODY_BYTES / 1048576} MiB limit`,
    };
  }
  if (nestingDepth(html) > MAX_NESTING_DEPTH) {
    return { ok: false, reason: `HTML is nested more than ${MAX_NESTING_DEPTH} elements deep` };
  }
  return { ok: true };
}
