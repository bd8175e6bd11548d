import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A body's text as stored for snippets, compressed: deflate at its fastest level keeps Chinese
 * news text to about 37% of its UTF-8 size, and a page's snippets unpack in well under a millisecond.
 */
export const packText = (text: string): Uint8Array => deflateRawSync(text, { level: 1 });

export const unpackText = (packed: Uint8Array): string => inflateRawSync(packed).toString('utf8');
