import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { listAssets } from '../assets/served-file';
import { fileTooLargeReason, MAX_FILE_BYTES } from '../sanitize/limits';
import { postAssetsOf, type PostAssets } from './post-assets';
import { readFrontMatter } from './read-front-matter';
import { contentRoot } from './source';
import type { ArticleSummary } from './types';

export type BodySource = { ok: true; body: string } | { ok: false; reason: string };

/** An article's body as written (Markdown or HTML, front matter removed), or why it cannot be read. */
export async function readBodySource(summary: ArticleSummary): Promise<BodySource> {
  const file = path.join(contentRoot(), summary.file);
  try {
    const { size } = await fs.stat(/* turbopackIgnore: true */ file);
    if (size > MAX_FILE_BYTES) return { ok: false, reason: fileTooLargeReason(size) };
    return { ok: true, body: readFrontMatter(await fs.readFile(/* turbopackIgnore: true */ file, 'utf8')).body };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: `body cannot be read: ${code ?? (error as Error).message}` };
  }
}

/** What rendering an article's body needs of its asset folder: the files the site serves from it. */
export async function readPostAssets(summary: ArticleSummary): Promise<PostAssets> {
  return postAssetsOf(summary.slug, summary.file, await listAssets(contentRoot(), summary.file));
}
