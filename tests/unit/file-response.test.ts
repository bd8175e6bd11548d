import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { fileResponse, parseRange } from '@/lib/assets/file-response';
import { SVG_POLICY } from '@/lib/security-headers.mjs';
import type { ServedFile } from '@/lib/assets/served-file';
import { makeTempDir } from './temp-tree';

describe('parseRange', () => {
  test.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-10', { start: 990, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    [' bytes=5-5 ', { start: 5, end: 5 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=1000-1001', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    // Ignored: the whole file is sent.
    [null, null],
    ['bytes=5-1', null],
    ['bytes=-', null],
    ['bytes=0-1,5-9', null],
    ['items=0-1', null],
    ['bytes=a-b', null],
  ] as const)('%j', (header, range) => {
    expect(parseRange(header, 1000)).toEqual(range);
  });

  test('nothing of an empty file can be asked for', () => {
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=-1', 0)).toBe('unsatisfiable');
  });
});

describe('fileResponse', () => {
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
  let audio: ServedFile;
  let svg: ServedFile;
  let png: ServedFile;
  let etag: string;
  let lastModified: string;

  const get = (file: ServedFile, headers: Record<string, string> = {}, method = 'GET') =>
    fileResponse(new Request('http://site.invalid/x', { method, headers }), file, 'public, max-age=604800');
  const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

  beforeAll(async () => {
    const dir = await makeTempDir('news-file-');
    await fs.writeFile(path.join(dir, 'a.mp3'), bytes);
    await fs.writeFile(path.join(dir, 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await fs.writeFile(path.join(dir, 'a.png'), bytes);
    audio = { path: path.join(dir, 'a.mp3'), type: 'audio/mpeg' };
    svg = { path: path.join(dir, 'a.svg'), type: 'image/svg+xml' };
    png = { path: path.join(dir, 'a.png'), type: 'image/png' };
    const first = await get(audio);
    etag = first.headers.get('etag')!;
    lastModified = first.headers.get('last-modified')!;
    await first.body?.cancel();
  });

  test('the whole file, its type never sniffed, cached long, with validators', async () => {
    const response = await get(audio);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      'accept-ranges': 'bytes',
      'cache-control': 'public, max-age=604800',
      'content-length': '1000',
      'content-type': 'audio/mpeg',
      etag: expect.stringMatching(/^"[0-9a-f]+-3e8"$/),
      'last-modified': expect.stringMatching(/ GMT$/),
      'x-content-type-options': 'nosniff',
    });
    expect(await body(response)).toEqual(bytes);
  });

  test('304 when the client has it: by entity tag (weak, in a list, or *), or by date', async () => {
    const conditionals: Record<string, string>[] = [
      { 'if-none-match': etag },
      { 'if-none-match': `W/${etag}` },
      { 'if-none-match': `"other", ${etag}` },
      { 'if-none-match': '*' },
      { 'if-modified-since': lastModified },
      { 'if-modified-since': new Date(Date.now() + 60_000).toUTCString() },
    ];
    for (const headers of conditionals) {
      const response = await get(audio, headers);
      expect(response.status, JSON.stringify(headers)).toBe(304);
      expect(response.body).toBeNull();
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('cache-control')).toBe('public, max-age=604800');
    }
  });

  test('200 when it has another version; If-None-Match wins over If-Modified-Since', async () => {
    const others: Record<string, string>[] = [
      { 'if-none-match': '"other"' },
      { 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' },
      { 'if-none-match': '"other"', 'if-modified-since': lastModified },
      { 'if-modified-since': 'not a date' },
    ];
    for (const headers of others) {
      const response = await get(audio, headers);
      expect(response.status, JSON.stringify(headers)).toBe(200);
      await response.body?.cancel();
    }
  });

  test('206 with the bytes asked for, so that a player can seek', async () => {
    const response = await get(audio, { range: 'bytes=100-199' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(response.headers.get('content-length')).toBe('100');
    expect(await body(response)).toEqual(bytes.subarray(100, 200));
    const tail = await get(audio, { range: 'bytes=-10' });
    expect(tail.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(await body(tail)).toEqual(bytes.subarray(990));
  });

  test('416 past the end; If-Range of another version gets the whole file', async () => {
    const past = await get(audio, { range: 'bytes=1000-' });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */1000');
    expect((await get(audio, { range: 'bytes=0-9', 'if-range': etag })).status).toBe(206);
    expect((await get(audio, { range: 'bytes=0-9', 'if-range': lastModified })).status).toBe(206);
    const changed = await get(audio, { range: 'bytes=0-9', 'if-range': '"old"' });
    expect(changed.status).toBe(200);
    expect(await body(changed)).toEqual(bytes);
  });

  test('HEAD: the headers alone', async () => {
    const response = await get(audio, {}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('1000');
    expect(response.body).toBeNull();
  });

  test('pictures are sent whole (some are compressed on the way); SVG cannot run script when opened', async () => {
    const picture = await get(png, { range: 'bytes=0-9' });
    expect(picture.status).toBe(200);
    expect(picture.headers.get('accept-ranges')).toBeNull();
    expect(await body(picture)).toEqual(bytes);
    const drawing = await get(svg);
    expect(drawing.headers.get('content-type')).toBe('image/svg+xml');
    expect(drawing.headers.get('content-security-policy')).toBe(SVG_POLICY);
    expect(SVG_POLICY).toMatch(/default-src 'none'.*sandbox/);
    await drawing.body?.cancel();
    const plain = await get(png);
    expect(plain.headers.get('content-security-policy')).toBeNull();
    await plain.body?.cancel();
  });
});
