import 'server-only';
import fs from 'node:fs/promises';
import { MAX_BODY_BYTES } from '../sanitize/limits';
import { buildCategoryTree } from './categories';
import { parseArticle } from './parse-article';
import { assignUniqueSlugs } from './slugs';
import { listArticleFiles, type SourceFile } from './source';
import type { ArticleSummary, CategoryNode, Problem } from './types';

/** Files read at once while indexing: enough to keep the disk busy, few enough to bound memory. */
const READ_CONCURRENCY = 32;
/**
 * The index needs front matter and the opening of the body. Files larger than any body the site
 * will show are read only this far: their bodies are refused on their own pages anyway.
 */
const HEAD_BYTES = 256 * 1024;

async function readText(file: string, size: number): Promise<string> {
  if (size <= MAX_BODY_BYTES + HEAD_BYTES) return fs.readFile(/* turbopackIgnore: true */ file, 'utf8');
  const handle = await fs.open(/* turbopackIgnore: true */ file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    // A multi-byte character cut at the end decodes to U+FFFD, which only the excerpt could see.
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

export type ContentIndex = {
  /** Published articles, newest first. */
  articles: ArticleSummary[];
  drafts: ArticleSummary[];
  bySlug: Map<string, { article: ArticleSummary; position: number }>;
  draftsBySlug: Map<string, ArticleSummary>;
  categories: CategoryNode[];
  /** Category key → positions in `articles` (newest first) of the articles in it or below it. */
  categoryMembers: Map<string, number[]>;
  /** Tag → positions in `articles`, newest first. */
  tagMembers: Map<string, number[]>;
  problems: Problem[];
  builtAt: number;
};

async function readOne(file: SourceFile, problems: Problem[]): Promise<ArticleSummary | null> {
  try {
    const stat = await fs.stat(/* turbopackIgnore: true */ file.path);
    const text = await readText(file.path, stat.size);
    const parsed = parseArticle(text, { relative: file.relative, display: file.display, draft: file.draft, mtime: stat.mtime });
    problems.push(...parsed.problems);
    return parsed.ok ? parsed.summary : null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({ file: file.display, severity: 'error', reason: `cannot be read: ${code ?? (error as Error).message}` });
    return null;
  }
}

const newestFirst = (a: ArticleSummary, b: ArticleSummary) =>
  b.date < a.date ? -1 : b.date > a.date ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;

/** Reads every article's front matter and builds the summary index. Bodies are not kept. */
export async function buildIndex(root?: string): Promise<ContentIndex> {
  const listing = await listArticleFiles(root);
  const problems: Problem[] = listing.problems.map((p) => ({ ...p, severity: 'error' }));

  const summaries: (ArticleSummary | null)[] = new Array(listing.files.length);
  let next = 0;
  const worker = async () => {
    while (next < listing.files.length) {
      const i = next++;
      summaries[i] = await readOne(listing.files[i]!, problems);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));

  const { items, warnings } = assignUniqueSlugs(summaries.filter((s): s is ArticleSummary => s !== null));
  problems.push(...warnings.map((w) => ({ ...w, severity: 'warning' as const })));

  const articles = items.filter((a) => !a.draft).sort(newestFirst);
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
    draftsBySlug: new Map(drafts.map((d) => [d.slug, d])),
    categories: roots,
    categoryMembers: members,
    tagMembers,
    problems: problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    builtAt: Date.now(),
  };
}

