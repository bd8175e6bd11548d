import 'server-only';
import { withBody } from './article';
import { BODY_COLUMNS, type BodyRow } from './db/article-rows';
import { categoryKey } from './categories';
import { publishedView } from './current-index';
import { statement } from './db/statements';
import { paramCandidates } from './slugs';
import type { Article } from './types';

export type NewestArticles = { categoryPath?: string[]; articles: Article[] };

/**
 * The newest published articles with their sanitized bodies: of the whole site, or of the
 * category that route params name (with its descendants, as its listing shows). Null if no such category.
 */
export async function getNewestArticles(count: number, categorySegments?: readonly string[]): Promise<NewestArticles | null> {
  const { db } = await publishedView();
  if (!categorySegments) {
    const rows = statement(db, `SELECT ${BODY_COLUMNS} FROM articles WHERE draft = 0 ORDER BY date_ms DESC, slug ASC LIMIT ?`).all(
      count,
    ) as BodyRow[];
    return { articles: await Promise.all(rows.map(withBody)) };
  }
  for (const path of paramCandidates(categorySegments)) {
    const rows = statement(
      db,
      `SELECT ${BODY_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ')} FROM category_members m JOIN articles a ON a.id = m.article_id
       WHERE m.key = ? AND m.draft = 0 ORDER BY m.date_ms DESC, m.slug ASC LIMIT ?`,
    ).all(categoryKey(path), count) as BodyRow[];
    if (rows.length > 0) return { categoryPath: path, articles: await Promise.all(rows.map(withBody)) };
  }
  return null;
}
