import { describe, expect, test } from 'vitest';
import { hookRequest } from '@/lib/content/live/hook-paths';

describe('what a hook asks to be checked', () => {
  test('nothing, or no paths, is the whole folder', () => {
    expect(hookRequest('')).toEqual({ paths: null });
    expect(hookRequest('  \n')).toEqual({ paths: null });
    expect(hookRequest('{}')).toEqual({ paths: null });
  });

  test('files and folders relative to the content folder', () => {
    expect(hookRequest('{"paths": ["_posts/a.md", "./_posts/2026/", "新闻/文章.md"]}')).toEqual({
      paths: ['_posts/a.md', '_posts/2026/', '新闻/文章.md'],
    });
  });

  test.each([
    ['not JSON', 'paths=a.md', /not JSON/],
    ['a list', '["a.md"]', /Expected an object/],
    ['no paths in the list', '{"paths": []}', /1 to 10,000/],
    ['a number', '{"paths": [1]}', /not a path/],
    ['absolute', '{"paths": ["/etc/passwd.md"]}', /absolute/],
    ['up and out', '{"paths": ["_posts/../../secret.md"]}', /leaves the content folder/],
    ['only up', '{"paths": [".."]}', /leaves the content folder/],
    ['a backslash', '{"paths": ["..\\\\a.md"]}', /backslash/],
    ['a NUL', '{"paths": ["a\\u0000.md"]}', /NUL/],
  ])('refuses %s', (_, body, message) => {
    const asked = hookRequest(body);
    expect('error' in asked && asked.error).toMatch(message);
  });

  test('at most 10,000 paths', () => {
    const many = JSON.stringify({ paths: Array.from({ length: 10_001 }, (_, i) => `${i}.md`) });
    expect('error' in hookRequest(many)).toBe(true);
  });
});
