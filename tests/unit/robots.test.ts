import { expect, it } from 'vitest';
import robots from '@/app/robots';

it('allows everything but the API and points to the sitemap by absolute URL', () => {
  expect(robots()).toEqual({
    rules: { userAgent: '*', allow: '/', disallow: '/api/' },
    sitemap: 'http://localhost:3000/sitemap.xml',
  });
});
