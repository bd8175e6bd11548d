import { describe, expect, test } from 'vitest';
import { isSafeImageUrl, isSafeUrl, urlScheme } from '@/lib/safe-url';

describe('urlScheme', () => {
  test.each([
    ['https://a.example/', 'https'],
    ['HTTP://a.example/', 'http'],
    ['mailto:x@y.example', 'mailto'],
    ['java\tscript:alert(1)', 'javascript'],
    ['\u0000 javascript:alert(1)', 'javascript'],
    // A no-break space is not removed by browsers either: the URL has no valid scheme, so it is relative.
    ['jav\u00a0ascript:alert(1)', null],
    ['/relative/path', null],
    ['relative:no', 'relative'],
    ['./a:b', null],
    ['#frag', null],
    ['//cdn.example/x.png', null],
  ])('%j → %s', (url, scheme) => {
    expect(urlScheme(url)).toBe(scheme);
  });
});

describe('isSafeUrl (links)', () => {
  test.each(['https://a.example/', 'http://a.example/', 'mailto:x@y.example', '/posts/a', 'b.html', '#top', '?q=1'])(
    '%j is safe',
    (url) => {
      expect(isSafeUrl(url)).toBe(true);
    },
  );

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'vbscript:x',
    'data:text/html,x',
    'java\nscript:x',
    'file:///etc/passwd',
    'ftp://x',
  ])('%j is not safe', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });
});

describe('isSafeImageUrl (front matter)', () => {
  test.each([
    'https://img.example/a.jpg',
    'http://img.example/a.jpg',
    '/images/a.png',
    ' images/a.png ',
    '//cdn.example/a.png',
  ])('%j is accepted', (url) => {
    expect(isSafeImageUrl(url)).toBe(true);
  });

  test.each([
    '',
    '   ',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'mailto:x@y.example',
    '<svg onload=alert(1)>',
    'a b.png',
    'x" onerror="y',
    // Safe schemes, but no URLs: a page making them absolute would fail.
    'http://a:99999/x.jpg',
    'http://',
    'http://[x/a.png',
    'https://exa%mple.com/a.jpg',
  ])('%j is rejected', (url) => {
    expect(isSafeImageUrl(url)).toBe(false);
  });
});
