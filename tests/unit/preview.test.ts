import { describe, expect, test } from 'vitest';
import { refererPath, sameSitePath } from '@/lib/preview/return-path';
import { matchesSecret } from '@/lib/preview/secret';

describe('matchesSecret', () => {
  const SECRET = 's3cret-Preview_token';

  test('the right secret matches', () => {
    expect(matchesSecret(SECRET, SECRET)).toBe(true);
    expect(matchesSecret('预览', '预览')).toBe(true);
  });

  test.each<[string, string | null | undefined]>([
    ['a wrong secret', 'wrong'],
    ['a missing secret', undefined],
    ['null (no query parameter)', null],
    ['an empty secret', ''],
    ['a prefix', SECRET.slice(0, -1)],
    ['a longer string', `${SECRET}x`],
    ['a different case', SECRET.toUpperCase()],
    ['surrounding spaces', ` ${SECRET} `],
  ])('%s does not match', (_, given) => {
    expect(matchesSecret(given, SECRET)).toBe(false);
  });

  test('no secret configured: nothing matches, not even an empty or missing one', () => {
    expect(matchesSecret(SECRET, undefined)).toBe(false);
    expect(matchesSecret('', undefined)).toBe(false);
    expect(matchesSecret(undefined, undefined)).toBe(false);
    expect(matchesSecret(null, undefined)).toBe(false);
    expect(matchesSecret('', '')).toBe(false);
  });

  test('a non-string value never matches', () => {
    expect(matchesSecret(['x'] as unknown as string, 'x')).toBe(false);
  });
});

describe('sameSitePath', () => {
  test.each([
    ['/posts/a?x=1#h', '/posts/a?x=1#h'],
    ['/', '/'],
    ['/posts/%E4%B8%AD%E6%96%87', '/posts/%E4%B8%AD%E6%96%87'],
    ['/posts/中文', '/posts/%E4%B8%AD%E6%96%87'],
    ['/categories/A/B?page=2', '/categories/A/B?page=2'],
    ['/a/../b', '/b'],
    ['/a?next=//evil.example', '/a?next=//evil.example'],
    // Percent-encoded control characters stay encoded: they cannot split a header.
    ['/%0d%0aLocation:x', '/%0d%0aLocation:x'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('%j → %j', (value, expected) => {
    expect(sameSitePath(value)).toBe(expected);
  });

  test.each([
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/posts/a'],
    ['slash backslash', '/\\evil.example'],
    ['absolute https URL', 'https://evil.example/'],
    ['javascript:', 'javascript:alert(1)'],
    ['raw CR LF', '/\r\nLocation: https://evil.example/'],
    ['raw LF', '/posts/a\nx'],
    ['raw tab', '/\t/evil.example'],
    ['raw NUL', '/a\u0000b'],
    ['raw DEL', '/a\u007fb'],
    ['a backslash anywhere', '/posts\\a'],
    ['empty', ''],
    ['relative', 'posts/a'],
    ['dot-relative', './posts/a'],
    ['query only', '?x=1'],
    ['leading space', ' /posts/a'],
    // Dot segments resolve to a protocol-relative path.
    ['dot segment before //', '/.//evil.example'],
    ['dot-dot segment before //', '/..//evil.example'],
    ['segment and dot-dot before //', '/a/..//evil.example/x'],
    ['encoded dot segment before //', '/%2e//evil.example'],
  ])('%s (%j) is refused', (_, value) => {
    expect(sameSitePath(value)).toBeNull();
  });

  test('null and undefined are refused', () => {
    expect(sameSitePath(null)).toBeNull();
    expect(sameSitePath(undefined)).toBeNull();
  });
});

describe('refererPath', () => {
  const HOST = 'news.example:3000';

  test.each([
    ['http://news.example:3000/posts/a?x=1', '/posts/a?x=1'],
    ['https://news.example:3000/', '/'],
    ['http://news.example:3000/posts/%E4%B8%AD?p=2#top', '/posts/%E4%B8%AD?p=2'],
    ['http://user@news.example:3000/tags/t', '/tags/t'],
  ])('%j → %j', (referer, expected) => {
    expect(refererPath(referer, HOST)).toBe(expected);
  });

  test.each([
    ['another host', 'http://evil.example/posts/a'],
    ['the same name on another port', 'http://news.example:4000/posts/a'],
    ['the same name without the port', 'http://news.example/posts/a'],
    ['a subdomain', 'http://a.news.example:3000/posts/a'],
    ['ftp', 'ftp://news.example:3000/posts/a'],
    ['javascript:', 'javascript:alert(1)'],
    ['a relative path', '/posts/a'],
    ['not a URL', 'not a url'],
    ['empty', ''],
    ['a path that is protocol-relative', 'http://news.example:3000//evil.example/'],
    ['a path that becomes protocol-relative', 'http://news.example:3000/.//evil.example/'],
  ])('%s (%j) gives null', (_, referer) => {
    expect(refererPath(referer, HOST)).toBeNull();
  });

  test('no Referer or no Host gives null', () => {
    expect(refererPath(null, HOST)).toBeNull();
    expect(refererPath('http://news.example:3000/posts/a', null)).toBeNull();
    expect(refererPath('http://news.example:3000/posts/a', '')).toBeNull();
  });
});
