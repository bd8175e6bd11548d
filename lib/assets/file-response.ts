import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import { SVG_POLICY } from '@/lib/security-headers.mjs';
import type { ServedFile } from './served-file';

type ByteRange = { start: number; end: number };

/**
 * The one range a `Range: bytes=…` header asks for: `'unsatisfiable'` when it starts past the end,
 * null when the header is to be ignored (absent, malformed or several ranges: the whole file is sent).
 */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** Whether an `If-None-Match` list names this entity tag (weak comparison, as RFC 9110 asks for GET). */
function matchesETag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

function notModified(request: Request, etag: string, mtime: Date): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null) return matchesETag(ifNoneMatch, etag);
  const ifModifiedSince = Date.parse(request.headers.get('if-modified-since') ?? '');
  return !Number.isNaN(ifModifiedSince) && Math.floor(mtime.getTime() / 1000) * 1000 <= ifModifiedSince;
}

/** `If-Range` keeps the range only while the file is the one the client has part of. */
function rangeStillValid(request: Request, etag: string, lastModified: string): boolean {
  const ifRange = request.headers.get('if-range');
  return ifRange === null || ifRange.trim() === etag || ifRange.trim() === lastModified;
}

/**
 * A file as an HTTP response: streamed (a video is never read into memory), with its type, never
 * sniffed, cached as `cacheControl` says, with validators answered by 304 and one byte range of
 * sound, video or PDF by 206, so that a player can seek. HEAD gets the headers alone.
 */
export async function fileResponse(request: Request, file: ServedFile, cacheControl: string): Promise<Response> {
  const handle = await fs.open(/* turbopackIgnore: true */ file.path, 'r');
  let streaming = false;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return new Response('Not Found', { status: 404 });
    const etag = `"${Math.floor(stat.mtimeMs).toString(16)}-${stat.size.toString(16)}"`;
    const lastModified = stat.mtime.toUTCString();
    const headers = new Headers({
      'Cache-Control': cacheControl,
      ETag: etag,
      'Last-Modified': lastModified,
      'X-Content-Type-Options': 'nosniff',
    });
    // Opened directly, an SVG is a document that could run its scripts on this origin. next.config.js
    // sends the same policy for every .svg address; this one is for a host that skips its headers.
    if (file.type === 'image/svg+xml') headers.set('Content-Security-Policy', SVG_POLICY);
    if (notModified(request, etag, stat.mtime)) return new Response(null, { status: 304, headers });

    headers.set('Content-Type', file.type);
    // Sound, video and PDF are read in parts (seeking, page by page); pictures are fetched whole, and
    // some (SVG, BMP, ICO) are compressed on the way, which a byte range of the file would not match.
    const seekable = !file.type.startsWith('image/');
    if (seekable) headers.set('Accept-Ranges', 'bytes');
    const range =
      seekable && rangeStillValid(request, etag, lastModified)
        ? parseRange(request.headers.get('range'), stat.size)
        : null;
    if (range === 'unsatisfiable') {
      headers.set('Content-Range', `bytes */${stat.size}`);
      return new Response(null, { status: 416, headers });
    }
    const { start, end } = range ?? { start: 0, end: stat.size - 1 };
    // Next.js drops Content-Length from route handlers' responses (they are sent chunked); other servers keep it.
    headers.set('Content-Length', String(end - start + 1));
    if (range) headers.set('Content-Range', `bytes ${start}-${end}/${stat.size}`);
    const status = range ? 206 : 200;
    if (request.method === 'HEAD' || end < start) return new Response(null, { status, headers });
    const body = Readable.toWeb(handle.createReadStream({ start, end })) as ReadableStream<Uint8Array>;
    streaming = true;
    return new Response(body, { status, headers });
  } finally {
    // The stream closes the file when it ends or is cancelled; every other answer closes it here.
    if (!streaming) await handle.close();
  }
}
