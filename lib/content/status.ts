import 'server-only';
import { statement } from './db/statements';
import { contentDb } from './store';

export type ContentStatus = { articles: number; drafts: number; errors: number; warnings: number };

/** How many articles and drafts the index holds, and how many problems its files have. */
export async function contentStatus(): Promise<ContentStatus> {
  const db = await contentDb();
  const count = (sql: string) => (statement(db, sql).get() as { n: number }).n;
  return {
    articles: count('SELECT COUNT(*) AS n FROM articles WHERE draft = 0'),
    drafts: count('SELECT COUNT(*) AS n FROM articles WHERE draft = 1'),
    errors: count("SELECT COUNT(*) AS n FROM problems WHERE severity = 'error'"),
    warnings: count("SELECT COUNT(*) AS n FROM problems WHERE severity = 'warning'"),
  };
}
