import { describe, expect, test } from 'vitest';
import { loadConfig } from '@/lib/config';

// lib/cache/shared-cache.mjs reads REDIS_URL when the server runs; lib/config.ts refuses a wrong one at start.
const withRedis = (REDIS_URL: string) => () => loadConfig({ CONTENT_DIR: 'content', REDIS_URL });

describe('REDIS_URL', () => {
  test('takes redis:// and rediss:// addresses, with a password and a database', () => {
    expect(withRedis('redis://127.0.0.1:6379')).not.toThrow();
    expect(withRedis('rediss://:secret@cache.example.org:6380/2')).not.toThrow();
  });

  test('stops start-up on anything else, naming the variable', () => {
    for (const url of ['http://127.0.0.1:6379', '127.0.0.1:6379', 'redis'])
      expect(withRedis(url)).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});
