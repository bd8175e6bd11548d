import fs from 'node:fs/promises';
import { checkBodyLimits, fileTooLargeReason, MAX_FILE_BYTES } from '../../sanitize/limits';
import { renderBody } from '../body-format';
import { fallbackDateOf } from '../file-date';
import { htmlToText } from '../plain-text';
import { parseArticle } from '../parse-article';
import { TEXT_ONLY_ASSETS } from '../post-assets';
import { readArticleText } from '../read-text';
import type { SourceFile } from '../source';
import { fileVersion } from './scan-folder.mjs';
import type { ArticleSummary, Problem } from '../types';

/** What one read of an article file gave: the article (its slug as asked for), or only problems. */
export type FileReading = {
  file: SourceFile;
  /** Modification time, size, inode and drafts folder: a file is read again when this changes. */
  version: string;
  problems: Problem[];
  article?: {
    summary: ArticleSummary;
    /** The body as written (Markdown or HTML, front matter removed). */
    body: string;
    /** The file line the body starts on, for messages about it. */
    bodyLine: number;
    /** Every word of the body as readers see it, for search. */
    text: string;
    /** Why the body cannot be shown (too large, too deeply nested); the article is listed with its title. */
    bodyError?: string;
  };
};

/** The body's rendering checked against the limits the page applies, and its text. */
function bodyTextAndError(body: string, format: ArticleSummary['format']): { text: string; bodyError?: string } {
  // Asset tags as their text (a link's title, an image's caption): which files exist does not matter to search.
  const rendered = renderBody(body, format, TEXT_ONLY_ASSETS);
  if (!rendered.ok) return { text: '', bodyError: rendered.reason };
  const limits = checkBodyLimits(rendered.html);
  if (!limits.ok) return { text: '', bodyError: limits.reason };
  return { text: htmlToText(rendered.html) };
}

/** Reads and parses one article file as the site shows it. Never throws: problems are returned. */
export async function readArticleFile(file: SourceFile, timeZone: string): Promise<FileReading> {
  let version = '';
  try {
    const stat = await fs.stat(/* turbopackIgnore: true */ file.path);
    version = fileVersion(stat, file.draft);
    const text = await readArticleText(file.path, stat.size);
    const parsed = parseArticle(text, {
      relative: file.relative,
      display: file.display,
      draft: file.draft,
      fallbackDate: fallbackDateOf(stat),
    }, timeZone);
    if (!parsed.ok) return { file, version, problems: parsed.problems };
    const { summary, raw, problems } = parsed;
    const refused = stat.size > MAX_FILE_BYTES ? fileTooLargeReason(stat.size) : undefined;
    const body = refused ? { text: '', bodyError: refused } : bodyTextAndError(raw.body, summary.format);
    if (refused) problems.push({ file: file.display, severity: 'error', kind: 'body', reason: refused });
    else if (body.bodyError) {
      const reason = `${body.bodyError}; the body is not shown`;
      problems.push({ file: file.display, severity: 'error', kind: 'body', reason, line: raw.bodyLine });
    }
    return {
      file,
      version,
      problems,
      article: {
        summary,
        body: refused ? '' : raw.body,
        bodyLine: raw.bodyLine,
        text: body.text,
        ...(body.bodyError && { bodyError: body.bodyError }),
      },
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = `cannot be read: ${code ?? (error as Error).message}`;
    return { file, version, problems: [{ file: file.display, severity: 'error', kind: 'unreadable', reason }] };
  }
}
