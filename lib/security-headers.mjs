// Plain JavaScript: next.config.js (CommonJS, untranspiled) imports it, and so do the tests.

/**
 * An SVG's own policy: opened directly, an SVG is a document that could run its scripts on this
 * origin; with this policy it runs none and loads nothing (inline styles still apply). As an
 * `<img>`, an SVG never runs script anyway.
 */
export const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/**
 * The Content-Security-Policy of every page. Scripts need 'unsafe-inline': without nonces (which
 * need a render per request, so no prerendered or cached page), nothing else lets Next.js's inline
 * scripts run (the `self.__next_f.push(…)` payload React reads the page from). Bodies are sanitized
 * to carry no script, so the policy is the second line: no plugin, no <base>, no framing, no form
 * posting elsewhere, no connection, style or script from another host, no inline style. Images come
 * from any http(s) host, as articles' pictures do. `next dev` also needs 'unsafe-eval' (React
 * rebuilds server call stacks with eval) and inline styles (its error overlay).
 * @param {{ development?: boolean, https?: boolean }} [options]
 */
export function contentSecurityPolicy({ development = false, https = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self'${development ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' http: https:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    // On an https site an http picture is fetched over https (browsers mostly do it anyway).
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * The headers every response carries, in next.config.js's `headers()` form. HSTS only when the
 * site's address is https: sent over http, a browser ignores it, but an operator trying the site on
 * http must not have the name pinned to https for two years by a proxy that adds TLS later.
 * @param {{ siteUrl?: string, development?: boolean, svg?: boolean }} options
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders({ siteUrl = '', development = false, svg = false }) {
  const https = /^https:\/\//i.test(siteUrl.trim());
  return [
    { key: 'Content-Security-Policy', value: svg ? SVG_POLICY : contentSecurityPolicy({ development, https }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    },
    ...(https ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }] : []),
  ];
}

/**
 * next.config.js's `headers()`: every address, an SVG's with its own policy. Next.js does not let a
 * route's header replace one set here, so the asset route's SVG policy must be set here too.
 * @param {{ siteUrl?: string, development?: boolean }} options
 */
export function securityHeaderRules(options) {
  return [
    { source: '/:path((?!.*\\.svg$).*)', headers: securityHeaders(options) },
    { source: '/:path(.*\\.svg)', headers: securityHeaders({ ...options, svg: true }) },
  ];
}
