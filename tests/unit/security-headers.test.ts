import { describe, expect, test } from 'vitest';
import { securityHeaderRules, securityHeaders, SVG_POLICY } from '@/lib/security-headers.mjs';

const byName = (options: Parameters<typeof securityHeaders>[0]) =>
  new Map(securityHeaders(options).map(({ key, value }) => [key.toLowerCase(), value]));

const directives = (policy: string | undefined) =>
  new Map(
    (policy ?? '').split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );

describe('securityHeaders', () => {
  test('HSTS and upgraded requests only for an https site', () => {
    const https = byName({ siteUrl: 'https://news.example' });
    expect(https.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
    expect(directives(https.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
    for (const siteUrl of ['http://news.example', '', undefined]) {
      const http = byName({ siteUrl });
      expect(http.has('strict-transport-security')).toBe(false);
      expect(directives(http.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(false);
    }
  });

  test('eval and inline styles are allowed in development only', () => {
    const production = directives(byName({}).get('content-security-policy'));
    const development = directives(byName({ development: true }).get('content-security-policy'));
    expect(production.get('script-src')).not.toContain("'unsafe-eval'");
    expect(development.get('script-src')).toContain("'unsafe-eval'");
    expect(production.get('style-src')).toEqual(["'self'"]);
    expect(development.get('style-src')).toContain("'unsafe-inline'");
    expect([...development.keys()]).toEqual([...production.keys()]);
  });

  test('nothing but scripts and images is relaxed from the site itself', () => {
    const csp = directives(byName({ siteUrl: 'https://news.example' }).get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const [name, values] of csp) {
      if (['script-src', 'img-src'].includes(name)) continue;
      expect(
        values.every((value) => ["'self'", "'none'"].includes(value)),
        `${name} ${values.join(' ')}`,
      ).toBe(true);
    }
  });
});

describe('securityHeaderRules', () => {
  test('an SVG address gets the SVG policy, any other the site’s', async () => {
    // Compiled as next build compiles them into its routes manifest.
    const { buildCustomRoute } = await import('next/dist/lib/build-custom-route');
    const rules = securityHeaderRules({}).map((rule) => ({
      regex: new RegExp(buildCustomRoute('header', rule).regex),
      policy: rule.headers.find(({ key }) => key === 'Content-Security-Policy')!.value,
    }));
    const policyOf = (pathname: string) =>
      rules.filter(({ regex }) => regex.test(pathname)).map(({ policy }) => policy);
    for (const pathname of ['/', '/posts/a', '/images/a.png', '/feed.xml', '/svg', '/a.svg/b']) {
      expect(policyOf(pathname), pathname).toEqual([byName({}).get('content-security-policy')]);
    }
    for (const pathname of ['/icon.svg', `/images/${encodeURIComponent('重庆')}/a.svg`, '/posts/a/b.svg']) {
      expect(policyOf(pathname), pathname).toEqual([SVG_POLICY]);
    }
  });
});
