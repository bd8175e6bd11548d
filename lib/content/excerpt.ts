import { htmlToText } from './plain-text';

export const EXCERPT_LENGTH = 120;
const MORE = /<!--\s*more\s*-->/i;
const SENTENCE_END = /[。！？.!?](?=\s|$|[”」』"'）)])|[。！？]/g;

/** Cuts text to about `length` characters, preferring a sentence end in the last third. */
export function cutAtSentence(text: string, length = EXCERPT_LENGTH): string {
  const chars = [...text];
  if (chars.length <= length) return text;
  const window = chars.slice(0, length + 1).join('');
  // One character past the window, so a full stop is told from a decimal point ("3.14").
  const lookahead = chars.slice(0, length + 2).join('');
  let cut = -1;
  for (const match of lookahead.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (match.index >= (length * 2) / 3 && end <= window.length) cut = end;
  }
  return cut > 0 ? window.slice(0, cut).trim() : `${chars.slice(0, length).join('').trim()}…`;
}

/** The part of a body before `<!-- more -->`, if it has one. */
export function beforeMore(body: string): string | null {
  const match = MORE.exec(body);
  return match ? body.slice(0, match.index) : null;
}

/**
 * Excerpt for listings: front matter `excerpt`/`description`, else the part before `<!-- more -->`,
 * else the start of the text. `renderedHead` is the body (or its start) already rendered to HTML.
 */
export function makeExcerpt(frontMatterExcerpt: string | undefined, renderedHead: string): string {
  if (frontMatterExcerpt) return cutAtSentence(frontMatterExcerpt, EXCERPT_LENGTH * 2);
  // Subheads read badly run into the paragraphs around them; the excerpt is the paragraphs' text.
  return cutAtSentence(htmlToText(renderedHead, { skipHeadings: true }) || htmlToText(renderedHead));
}
