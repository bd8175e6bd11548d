import { describe, expect, test } from 'vitest';
import { articleUrl, categoryUrl, frontPageUrl, tagUrl } from '@/lib/urls';

describe('frontPageUrl', () => {
  test('page 1 is the home page', () => {
    expect(frontPageUrl()).toBe('/');
    expect(frontPageUrl(1)).toBe('/');
  });

  test('later pages', () => {
    expect(frontPageUrl(2)).toBe('/page/2');
    expect(frontPageUrl(15)).toBe('/page/15');
  });
});

describe('articleUrl', () => {
  test('each segment of the slug is encoded, / kept', () => {
    expect(articleUrl('2021/重庆 英才#1')).toBe('/posts/2021/%E9%87%8D%E5%BA%86%20%E8%8B%B1%E6%89%8D%231');
  });
});

describe('categoryUrl', () => {
  test('encodes each name; a / inside a name is encoded, not a separator', () => {
    expect(categoryUrl(['新媒体', 'A/B'])).toBe('/categories/%E6%96%B0%E5%AA%92%E4%BD%93/A%2FB');
  });

  test('pages', () => {
    expect(categoryUrl(['A'], 1)).toBe('/categories/A');
    expect(categoryUrl(['A', 'B'], 3)).toBe('/categories/A/B/page/3');
  });
});

describe('tagUrl', () => {
  test('encodes the tag', () => {
    expect(tagUrl('C#')).toBe('/tags/C%23');
    expect(tagUrl('人工 智能?')).toBe('/tags/%E4%BA%BA%E5%B7%A5%20%E6%99%BA%E8%83%BD%3F');
  });

  test('pages', () => {
    expect(tagUrl('AI', 1)).toBe('/tags/AI');
    expect(tagUrl('AI', 2)).toBe('/tags/AI/page/2');
  });
});
