const PLACEHOLDER_ORIGIN = 'http://same-site.invalid';

/**
 * `value` as a path on this site (`/posts/a?x#y`), or null when it could lead anywhere else:
 * `//evil.example`, `/\evil.example`, `https://…`, `javascript:`, control characters.
 */
export function sameSitePath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || /^\/[\\/]/.test(value) || /[\u0000-\u001f\u007f\\]/.test(value)) return null;
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN);
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Dot segments are resolved: `/.//evil.example` and `/a/..//evil.example` become `//evil.example`.
    return url.origin === PLACEHOLDER_ORIGIN && !/^\/[\\/]/.test(path) ? path : null;
  } catch {
    return null;
  }
}

/** The path of a Referer header when it names a page of this same host, else null. */
export function refererPath(referer: string | null, host: string | null): string | null {
  if (!referer || !host) return null;
  try {
    const url = new URL(referer);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.host !== host) return null;
    return sameSitePath(`${url.pathname}${url.search}`);
  } catch {
    return null;
  }
}
