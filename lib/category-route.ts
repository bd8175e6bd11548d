import { parsePageParam, safeDecode } from './content';

export type CategoryRoute = { path: string[]; page: number; explicitPage: boolean } | null;

/**
 * `/categories/A/B` and `/categories/A/B/page/2` share one catch-all route: a trailing
 * `page/N` is pagination. Segments arrive percent-encoded.
 */
export function parseCategoryRoute(segments: readonly string[]): CategoryRoute {
  const decoded = segments.map((s) => safeDecode(s).normalize('NFC'));
  const n = decoded.length;
  if (n >= 3 && decoded[n - 2] === 'page') {
    const page = parsePageParam(decoded[n - 1]);
    return page === null ? null : { path: decoded.slice(0, -2), page, explicitPage: true };
  }
  return n > 0 ? { path: decoded, page: 1, explicitPage: false } : null;
}
