import 'server-only';
import { forEachConcurrently, READ_CONCURRENCY } from './concurrently';
import { htmlToText } from './html-text';
import { TEXT_ONLY_ASSETS } from './post-assets';
import { readBodySource } from './read-body';
import { safeBodyHtml } from './safe-body';
import type { ArticleSummary } from './types';
/**
 * Source characters rendered per wanted character of text: markup rarely takes more. Cutting the
 * source first keeps a long body from being rendered and sanitized whole for its first paragraphs.
 */
const SOURCE_PER_TEXT = 4;

/** The start of an article's text as readers see it (rendered, sanitized, tags removed); '' if unreadable. */
export async function readBodyText(summary: ArticleSummary, maxChars: number): Promise<string> {
  const source = await readBodySource(summary);
  if (!source.ok) return '';
  // Tags render as if every asset were there: an asset link's title is text, and no file need be listed.
  const result = safeBodyHtml(source.body.slice(0, maxChars * SOURCE_PER_TEXT), summary.format, {
    assets: TEXT_ONLY_ASSETS,
  });
  return result.ok ? htmlToText(result.html).slice(0, maxChars) : '';
}

/**
 * Calls `onText` with the text of each article, a few files at a time, in no particular order: the
 * texts are handed over one by one rather than returned together, so they need not all fit in memory.
 */
export async function forEachBodyText(
  summaries: readonly ArticleSummary[],
  maxChars: number,
  onText: (text: string, position: number) => void,
): Promise<void> {
  await forEachConcurrently(summaries, READ_CONCURRENCY, async (summary, i) =>
    onText(await readBodyText(summary, maxChars), i),
  );
}
