import { describe, expect, test } from 'vitest';
import { fallbackDateOf } from '@/lib/content/file-date';

describe('fallbackDateOf', () => {
  const mtime = new Date('2021-11-16T09:12:02Z');

  test("a file's creation time, where the file system records it", () => {
    const birthtime = new Date(Date.UTC(2020, 0, 2));
    expect(fallbackDateOf({ birthtimeMs: birthtime.getTime(), birthtime, mtime })).toEqual({
      date: birthtime,
      source: 'creation time',
    });
  });

  test('the modification time where it does not (the epoch is reported)', () => {
    expect(fallbackDateOf({ birthtimeMs: 0, birthtime: new Date(0), mtime })).toEqual({
      date: mtime,
      source: 'modification time',
    });
  });
});
