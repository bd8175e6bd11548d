import { safeDecode } from '../content/slugs';

/** Longer paths name nothing the site serves; refusing them bounds the work a request can cause. */
const MAX_SEGMENTS = 32;
const MAX_LENGTH = 1024;

/**
 * Whether path segments could name a file strictly below the folder they are joined to: none is
 * empty, a dot segment or any dot-file or dot-folder (`.git`, `.env`, `%2e%2e` once decoded), or
 * holds a slash or backslash (`%2f`, `%5c`), a NUL or another control character.
 */
function isSafe(segments: readonly string[]): boolean {
  if (segments.length === 0 || segments.length > MAX_SEGMENTS) return false;
  if (segments.reduce((length, s) => length + s.length + 1, 0) > MAX_LENGTH) return false;
  return segments.every((s) => s !== '' && !s.startsWith('.') && !/[/\\\u0000-\u001f\u007f]/.test(s));
}

/**
 * What the segments of a requested path may mean, each checked by isSafe: as given, then decoded
 * once. Next.js decodes route params before a handler sees them, so a file named `a%41.png`
 * arrives as given; a caller that has the raw URL path finds its files decoded.
 */
export function assetPathCandidates(raw: readonly string[]): string[][] {
  const given = [...raw];
  const decoded = raw.map(safeDecode);
  const candidates = decoded.join('/') === given.join('/') ? [given] : [given, decoded];
  return candidates.filter(isSafe);
}
