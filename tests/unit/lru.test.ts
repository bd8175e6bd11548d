import { describe, expect, test } from 'vitest';
import { LruCache } from '@/lib/content/lru';

describe('LruCache', () => {
  test('keeps at most `capacity` entries, evicting the least recently set', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(2);
    expect(cache.get('c')).toBe(3);
  });

  test('get makes an entry the most recently used', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
  });

  test('setting an existing key replaces its value and refreshes it', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBe(10);
    expect(cache.get('b')).toBeUndefined();
  });

  test('delete removes an entry', () => {
    const cache = new LruCache<string, number>(3);
    cache.set('a', 1);
    cache.delete('a');
    cache.delete('missing');
    expect(cache.size).toBe(0);
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('weights', () => {
  test('the oldest entries go when the total weight passes the limit', () => {
    const cache = new LruCache<string, string>(100, 10);
    cache.set('a', 'A', 4);
    cache.set('b', 'B', 4);
    cache.get('a');
    cache.set('c', 'C', 4);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
    expect(cache.weight).toBe(8);
  });

  test('reweighing an entry once its size is known can evict others', () => {
    const cache = new LruCache<string, string>(100, 10);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.reweigh('b', 10);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('B');
    expect(cache.weight).toBe(10);
  });
});
