import 'server-only';
import fs from 'node:fs/promises';
import { fileTooLargeReason, MAX_FILE_BYTES } from '../sanitize/limits';
import { siteConfig, permalinkPattern } from '../config';
import { buildArchive, type Archive } from './archives';
import { buildCategoryTree } from './categories';
import { forEachConcurrently, READ_CONCURRENCY } from './concurrently';
import { fallbackDateOf } from './file-date';
import { parseArticle } from './parse-article';
import { buildPermalinks } from './permalinks';
import { readArticleText } from './read-text';
import { assignUniqueSlugs } from './slugs';
import { listArticleFiles, type SourceFile } from './source';
import type { ArticleSummary, CategoryNode, Problem } from './types';

export type ContentIndex = {
  /** Articles listed on the site, newest first: the published ones, and the drafts too in preview. */
  articles: ArticleSummary[];
  /** Every draft, newest first, whether listed or not. */
  drafts: ArticleSummary[];
  bySlug: Map<string, { article: ArticleSummary; position: number }>;
  categories: CategoryNode[];
  /** Category key → positions in `articles` (newest first) of the articles in it or below it. */
  categoryMembers: Map<string, number[]>;
  /** Tag → positions in `articles`, newest first. */
  tagMembers: Map<string, number[]>;
  /** Articles by year and month in SITE_TIMEZONE. */
  archive: Archive;
  /** Old Hexo address (normalized, see lib/permalink-pattern.ts) → slug. */
  permalinks: Map<string, string>;
  problems: Problem[];
  /** Whether drafts are listed (preview). */
  withDrafts: boolean;
  builtAt: number;
};

/** One file as last parsed; reused while the file's size and modification time stay the same. */
type ParsedFile = { version: string; summary: ArticleSummary | null; problems: Problem[] };
/** Absolute path → parsed file. Lets a re-index (preview, development) re-read only what changed. */
export type ParseCache = Map<string, ParsedFile>;

async function readOne(file: SourceFile, cache: ParseCache | undefined): Promise<ParsedFile> {
  let version = '';
  try {
    const stat = await fs.stat(/* turbopackIgnore: true */ file.path);
    version = `${stat.mtimeMs}:${stat.size}:${stat.ino}:${file.draft}`;
    const cached = cache?.get(file.path);
    if (cached?.version === version) return cached;
    const text = await readArticleText(file.path, stat.size);
    const parsed = parseArticle(text, { relative: file.relative, display: file.display, draft: file.draft, fallbackDate: fallbackDateOf(stat) });
    const problems = parsed.problems;
    if (parsed.ok && stat.size > MAX_FILE_BYTES) {
      problems.push({ file: file.display, severity: 'error', kind: 'body', reason: fileTooLargeReason(stat.size) });
    }
    return { version, summary: parsed.ok ? parsed.summary : null, problems };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = `cannot be read: ${code ?? (error as Error).message}`;
    return { version, summary: null, problems: [{ file: file.display, severity: 'error', kind: 'unreadable', reason }] };
  }
}

export type ArticleFiles = { summaries: ArticleSummary[]; problems: Problem[]; cache: ParseCache };

/** Reads every article file's front matter (bodies are not kept), re-using `cache` for unchanged files. */
export async function readArticleFiles(root?: string, cache?: ParseCache): Promise<ArticleFiles> {
  const listing = await listArticleFiles(root);
  const problems: Problem[] = listing.problems.map((p) => ({ ...p, severity: 'error' }));
  const parsed: ParsedFile[] = new Array(listing.files.length);
  await forEachConcurrently(listing.files, READ_CONCURRENCY, async (file, i) => {
    parsed[i] = await readOne(file, cache);
  });

  const summaries: ArticleSummary[] = [];
  const nextCache: ParseCache = new Map();
  parsed.forEach((p, i) => {
    nextCache.set(listing.files[i]!.path, p);
    problems.push(...p.problems);
    if (p.summary) summaries.push(p.summary);
  });
  return { summaries, problems, cache: nextCache };
}

const newestFirst = (a: ArticleSummary, b: ArticleSummary) =>
  b.date < a.date ? -1 : b.date > a.date ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;

const byFileThenLine = (a: Problem, b: Problem) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0);

/** Builds the summary index from parsed files; drafts are listed like published articles when `withDrafts`. */
export function assembleIndex({ summaries, problems }: Pick<ArticleFiles, 'summaries' | 'problems'>, withDrafts: boolean): ContentIndex {
  const { items, warnings } = assignUniqueSlugs(summaries);
  const articles = items.filter((a) => withDrafts || !a.draft).sort(newestFirst);
  const permalinks = buildPermalinks(articles, permalinkPattern, siteConfig.timeZone);
  const allProblems = [
    ...problems,
    ...warnings.map((w) => ({ ...w, severity: 'warning' as const, kind: 'duplicate-slug' as const })),
    ...permalinks.warnings.map((w) => ({ ...w, severity: 'warning' as const, kind: 'permalink' as const })),
  ].sort(byFileThenLine);

  const drafts = items.filter((a) => a.draft).sort(newestFirst);
  const { roots, members } = buildCategoryTree(articles);

  const tagMembers = new Map<string, number[]>();
  articles.forEach((article, position) => {
    for (const tag of article.tags) {
      const list = tagMembers.get(tag);
      if (list) list.push(position);
      else tagMembers.set(tag, [position]);
    }
  });

  return {
    articles,
    drafts,
    bySlug: new Map(articles.map((article, position) => [article.slug, { article, position }])),
    categories: roots,
    categoryMembers: members,
    tagMembers,
    archive: buildArchive(articles, siteConfig.timeZone),
    permalinks: permalinks.paths,
    problems: allProblems,
    withDrafts,
    builtAt: Date.now(),
  };
}

/** Reads the content folder and builds its index of published articles (or, `withDrafts`, of every article). */
export async function buildIndex(root?: string, withDrafts = false): Promise<ContentIndex> {
  return assembleIndex(await readArticleFiles(root), withDrafts);
}
