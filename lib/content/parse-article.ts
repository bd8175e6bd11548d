import { siteConfig } from '../config';
import { beforeMore, makeExcerpt } from './excerpt';
import { IMAGE_KEYS, normalizeFrontMatter } from './front-matter';
import { detectFormat, renderBody } from './body-format';
import type { FallbackDate } from './file-date';
import { TEXT_ONLY_ASSETS } from './post-assets';
import { FrontMatterError, lineOfKey, readFrontMatter, type RawArticle } from './read-front-matter';
import { slugFromPath, normalizeSlug } from './slugs';
import type { ArticleSummary, Problem, ProblemKind } from './types';

/** Characters of a body rendered for its excerpt when it has no `<!-- more -->`. */
const EXCERPT_SOURCE_CHARS = 4000;

export type ParsedFile =
  | { ok: true; summary: ArticleSummary; raw: RawArticle; problems: Problem[] }
  | { ok: false; problems: Problem[] };

export type FileFacts = { relative: string; display: string; draft: boolean; fallbackDate: FallbackDate };

const stem = (relative: string) => relative.split('/').pop()!.replace(/\.(?:md|markdown)$/i, '');

const IMAGE_KEY_SET = new Set<string>(IMAGE_KEYS);
const KIND_OF_KEY: Record<string, ProblemKind> = {
  title: 'title',
  date: 'date',
  updated: 'date',
  categories: 'categories',
  category: 'categories',
  tags: 'tags',
  tag: 'tags',
};
const kindOfKey = (key: string): ProblemKind => KIND_OF_KEY[key] ?? (IMAGE_KEY_SET.has(key) ? 'image' : 'field');

/** Turns one file's text into its summary and front matter. Never throws: problems are returned. */
export function parseArticle(text: string, facts: FileFacts, timeZone = siteConfig.timeZone): ParsedFile {
  const problems: Problem[] = [];
  const file = facts.display;
  const fail = (kind: ProblemKind, reason: string, line?: number): ParsedFile => ({
    ok: false,
    problems: [...problems, { file, severity: 'error', kind, reason, ...(line && { line }) }],
  });

  if (text.trim() === '') return fail('empty', 'file is empty');
  let raw: RawArticle;
  try {
    raw = readFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return fail(error.kind, error.message, error.line);
    throw error;
  }
  const add = (severity: Problem['severity'], kind: ProblemKind, reason: string, key?: string) => {
    const line = key === undefined ? undefined : lineOfKey(raw, key);
    problems.push({ file, severity, kind, reason, ...(line && { line }) });
  };

  const normalized = normalizeFrontMatter(raw.data, timeZone);
  for (const w of normalized.warnings) add('warning', kindOfKey(w.key), w.message, w.key);
  const fm = normalized.value;

  if (!fm.title) add('warning', 'title', 'no title; the file name is used instead', 'title');
  if (!fm.date) {
    const { date, source } = facts.fallbackDate;
    const fallback = `the file's ${source} (${date.toISOString()}) is used instead`;
    add('warning', 'date', fm.invalidDate ? `${fm.invalidDate}; ${fallback}` : `no date; ${fallback}`, 'date');
  } else if (fm.dateIsWallTime) {
    add('notice', 'date-zone', `date has no time zone; it is read as ${timeZone} time (SITE_TIMEZONE)`, 'date');
  }

  if (raw.body.trim() === '') add('warning', 'body', 'no body; the article page shows its title only');

  const format = detectFormat(raw.body);
  const head = (beforeMore(raw.body) ?? raw.body).slice(0, EXCERPT_SOURCE_CHARS);
  const renderedHead = renderBody(head, format, TEXT_ONLY_ASSETS);
  const summary: ArticleSummary = {
    slug: (fm.slug && normalizeSlug(fm.slug)) || slugFromPath(facts.relative),
    title: fm.title ?? stem(facts.relative),
    date: (fm.date ?? facts.fallbackDate.date).toISOString(),
    updated: fm.updated?.toISOString(),
    author: fm.author,
    categories: fm.categories,
    tags: fm.tags,
    image: fm.image,
    excerpt: makeExcerpt(fm.description, renderedHead.ok ? renderedHead.html : head),
    draft: facts.draft || fm.draft,
    file: facts.display,
    format,
    permalink: fm.permalink,
  };
  return { ok: true, summary, raw, problems };
}
