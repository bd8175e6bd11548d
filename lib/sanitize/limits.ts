/**
 * sanitize-html's time grows with the square of nesting depth, and a body of many megabytes is
 * no news article: both are refused before sanitizing so one file cannot stall the server.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_NESTING_DEPTH = 256;

const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
/** Elements whose end tag HTML lets authors leave out; a new one closes the previous. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);

/** Deepest element nesting, with HTML's implied end tags; stops counting once past `limit`. */
export function nestingDepth(html: string, limit = MAX_NESTING_DEPTH): number {
  const stack: string[] = [];
  let deepest = 0;
  const tags = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    const [, closing, rawName, selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at !== -1) stack.length = at;
      continue;
    }
    if (VOID.has(name) || selfClosing) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) && stack[stack.length - 1] === name) stack.pop();
    stack.push(name);
    if (stack.length > deepest) {
      deepest = stack.length;
      if (deepest > limit) break;
    }
  }
  return deepest;
}

export type LimitCheck = { ok: true } | { ok: false; reason: string };

export function checkBodyLimits(html: string): LimitCheck {
  const bytes = Buffer.byteLength(html, 'utf8');
  if (bytes > MAX_BODY_BYTES) {
    return { ok: false, reason: `body is ${(bytes / 1048576).toFixed(1)} MiB, over the ${MAX_BODY_BYTES / 1048576} MiB limit` };
  }
  const depth = nestingDepth(html);
  if (depth > MAX_NESTING_DEPTH) {
    return { ok: false, reason: `HTML is nested more than ${MAX_NESTING_DEPTH} elements deep` };
  }
  return { ok: true };
}
