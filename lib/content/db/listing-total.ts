import type { DatabaseSync } from 'node:sqlite';
import { statement } from './statements';

/** How many published articles a listing has (see lib/content/listings.ts for the ids). */
export function listingTotal(db: DatabaseSync, id: string): number {
  const [kind, ...rest] = id.split('\u0000');
  const count = (sql: string, ...params: (string | number)[]) => (statement(db, sql).get(...params) as { n: number }).n;
  switch (kind) {
    case 'front':
      return count('SELECT COUNT(*) AS n FROM articles WHERE draft = 0');
    case 'c':
      return count('SELECT COUNT(*) AS n FROM category_members WHERE key = ? AND draft = 0', rest.join('\u0000'));
    case 't':
      return count('SELECT COUNT(*) AS n FROM tag_members WHERE tag = ? AND draft = 0', rest[0]!);
    case 'y':
      return count('SELECT COUNT(*) AS n FROM articles WHERE year = ? AND draft = 0', Number(rest[0]));
    default:
      return count('SELECT COUNT(*) AS n FROM articles WHERE year = ? AND month = ? AND draft = 0', Number(rest[0]), Number(rest[1]));
  }
}
