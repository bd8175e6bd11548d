import fs from 'node:fs/promises';
import { MAX_FILE_BYTES } from '../sanitize/limits';

/** The index needs front matter and the opening of the body; of a file too large to show, only this is read. */
const HEAD_BYTES = 256 * 1024;

/** An article file's text, or only its head when the file is too large for its body to be shown. */
export async function readArticleText(file: string, size: number): Promise<string> {
  if (size <= MAX_FILE_BYTES) return fs.readFile(/* turbopackIgnore: true */ file, 'utf8');
  const handle = await fs.open(/* turbopackIgnore: true */ file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    // A multi-byte character cut at the end decodes to U+FFFD, which only the excerpt could see.
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
