import { siteConfig } from '../config';
import { beforeMore, makeExcerpt } from './excerpt';
import { normalizeFrontMatter } from './front-matter';
import { detectFormat, renderBody } from './body-format';
import { FrontMatterError, readFrontMatter } from './read-front-matter';
import { slugFromPath, normalizeSlug } from './slugs';
import type { ArticleSummary, Problem } from './types';

/** Characters of a body rendered for its excerpt when it has no `<!-- more -->`. */
const EXCERPT_SOURCE_CHARS = 4000;

export type ParsedFile =
  | { ok: true; summary: ArticleSummary; body: string; problems: Problem[] }
  | { ok: false; problems: Problem[] };

export type FileFacts = { relative: string; display: string; draft: boolean; mtime: Date };

const stem = (relative: string) => relative.split('/').pop()!.replace(/\.(?:md|markdown)$/i, '');

/** Turns one file's text into its summary and body. Never throws: problems are returned. */
export function parseArticle(text: string, facts: FileFacts, timeZone = siteConfig.timeZone): ParsedFile {
  const problems: Problem[] = [];
  const warn = (reason: string) => problems.push({ file: facts.display, severity: 'warning', reason });
  const fail = (reason: string): ParsedFile => ({ ok: false, problems: [...problems, { file: facts.display, severity: 'error', reason }] });

  if (text.trim() === '') return fail('file is empty');
  let raw;
  try {
    raw = readFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return fail(error.message);
    throw error;
  }

  const normalized = normalizeFrontMatter(raw.data, timeZone);
  normalized.warnings.forEach(warn);
  if (!normalized.ok) return fail(normalized.reason);
  const fm = normalized.value;

  if (!fm.title) warn('no title; the file name is used instead');
  if (!fm.date) warn('no date; the file\'s modification time is used instead');

  const format = detectFormat(raw.body);
  const head = (beforeMore(raw.body) ?? raw.body).slice(0, EXCERPT_SOURCE_CHARS);
  const renderedHead = renderBody(head, format);
  const summary: ArticleSummary = {
    slug: (fm.slug && normalizeSlug(fm.slug)) || slugFromPath(facts.relative),
    title: fm.title ?? stem(facts.relative),
    date: (fm.date ?? facts.mtime).toISOString(),
    updated: fm.updated?.toISOString(),
    author: fm.author,
    categories: fm.categories,
    tags: fm.tags,
    image: fm.image,
    excerpt: makeExcerpt(fm.description, renderedHead.ok ? renderedHead.html : head),
    draft: facts.draft || fm.draft,
    file: facts.display,
    format,
  };
  return { ok: true, summary, body: raw.body, problems };
}
