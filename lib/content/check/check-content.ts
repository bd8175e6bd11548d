import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { permalinkPattern } from '../../config';
import type { AssetLookup } from '../../assets/resolve-asset';
import { BODY_COLUMNS, decompressBody, toSummary, type BodyRow } from '../db/article-rows';
import { openDatabase } from '../db/open-database';
import { syncContent } from '../sync/sync-content';
import type { Problem, ProblemKind, Severity } from '../types';
import { judgeArticle, type CheckOptions, type Judgment, type RemovedCounts } from './judge-article';

export type ContentReport = {
  root: string;
  files: number;
  articles: number;
  drafts: number;
  categories: number;
  tags: number;
  problems: Problem[];
  bySeverity: Record<Severity, number>;
  byKind: Partial<Record<ProblemKind, number>>;
  removed: RemovedCounts & { articles: number };
  /** Per file, what sanitizing removed or changed (only files where it did). */
  sanitized: { file: string; changes: Judgment['changes'] }[];
};

export type CheckContentOptions = CheckOptions & {
  /** Called as articles are checked: how many so far, and of how many. */
  onProgress?: (done: number, total: number) => void;
};

const count = (db: DatabaseSync, sql: string) => (db.prepare(sql).get() as { n: number }).n;

/** Another article's assets, by its real slug: the index knows every article, drafts included. */
const lookupIn = (db: DatabaseSync): AssetLookup => ({
  article(slug) {
    const row = db.prepare('SELECT file, draft FROM articles WHERE slug = ?').get(slug) as
      | { file: string; draft: number }
      | undefined;
    return row && { file: row.file, draft: row.draft === 1 };
  },
});

/**
 * Checks every article of a content folder: it is read by the site's own reader into an index of its
 * own (lib/content/sync), so every problem the site would log is found as the site finds it, and
 * each article is then judged for what only the checker looks at (lib/content/check/judge-article.ts).
 */
export async function checkContent(root: string, options: CheckContentOptions): Promise<ContentReport> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'news-check-'));
  const db = openDatabase(path.join(dir, 'index.db'), { fingerprint: root });
  try {
    const settings = { timeZone: options.timeZone, permalinkPattern };
    await syncContent(db, root, settings, { settleMs: 0, logChanges: false, report: false, search: false });

    const problems = (
      db.prepare('SELECT file, severity, kind, reason, line FROM problems').all() as (Problem & { line: number | null })[]
    ).map(({ line, ...p }) => ({ ...p, ...(line !== null && { line }) }));
    const total = count(db, 'SELECT COUNT(*) AS n FROM articles');
    const lookup = lookupIn(db);
    const removed = { elements: 0, attributes: 0, urls: 0, articles: 0 };
    const sanitized: ContentReport['sanitized'] = [];
    let done = 0;
    for (const row of db.prepare(`SELECT ${BODY_COLUMNS}, body_line FROM articles ORDER BY file`).iterate() as Iterable<
      BodyRow & { body_line: number }
    >) {
      const summary = toSummary(row);
      const body = decompressBody(row.body);
      const judgment = await judgeArticle({ summary, body, bodyLine: row.body_line, bodyError: row.body_error }, options, lookup);
      problems.push(...judgment.problems);
      removed.elements += judgment.removed.elements;
      removed.attributes += judgment.removed.attributes;
      removed.urls += judgment.removed.urls;
      if (judgment.removed.elements + judgment.removed.attributes + judgment.removed.urls > 0) removed.articles++;
      if (judgment.changes.length > 0) sanitized.push({ file: summary.file, changes: judgment.changes });
      options.onProgress?.(++done, total);
    }
    problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));

    const bySeverity: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
    const byKind: Partial<Record<ProblemKind, number>> = {};
    for (const p of problems) {
      bySeverity[p.severity]++;
      byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
    }
    return {
      root,
      files: count(db, 'SELECT COUNT(*) AS n FROM files'),
      articles: count(db, 'SELECT COUNT(*) AS n FROM articles WHERE draft = 0'),
      drafts: count(db, 'SELECT COUNT(*) AS n FROM articles WHERE draft = 1'),
      categories: count(db, 'SELECT COUNT(DISTINCT key) AS n FROM category_members WHERE draft = 0'),
      tags: count(db, 'SELECT COUNT(DISTINCT tag) AS n FROM tag_members WHERE draft = 0'),
      problems,
      bySeverity,
      byKind,
      removed,
      sanitized,
    };
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
