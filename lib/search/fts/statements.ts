import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { FIELD_BOOST } from '../field-boost';
import { SEARCH_COLUMNS } from './schema';

const RELEVANCE = `-bm25(search_index, ${SEARCH_COLUMNS.map((column) => FIELD_BOOST[column]).join(', ')})`;
const SCORE = `relevance * (1 + :boost * CAST(key - :oldest AS REAL) / :span) DESC, key DESC`;
const MATCHES = `search_index WHERE search_index MATCH :match AND (rowid & :mask) = 0`;

const SQL = {
  /** One page of the newest :ranked matches, best first, and how many of those there are. */
  rankedPage: `
    SELECT key, count(*) OVER () AS ranked FROM (
      SELECT rowid AS key, ${RELEVANCE} AS relevance FROM ${MATCHES} ORDER BY rowid DESC LIMIT :ranked
    ) ORDER BY ${SCORE} LIMIT :limit OFFSET :offset`,
  /**
   * One page of the documents `kept`, ranked by their score for any of the terms (`:match`, an OR):
   * BM25 sums each term's score, so the more terms a document has, the better. The keys are read
   * from the range they span; `+rowid` keeps SQLite from asking FTS5 for each key separately.
   */
  rankedAmong: `
    SELECT key FROM (
      SELECT rowid AS key, ${RELEVANCE} AS relevance FROM search_index
      WHERE search_index MATCH :match AND rowid BETWEEN :lo AND :hi AND +rowid IN (SELECT value FROM json_each(:kept))
    ) ORDER BY ${SCORE} LIMIT :limit OFFSET :offset`,
  newest: `SELECT rowid AS key FROM ${MATCHES} ORDER BY rowid DESC LIMIT :limit OFFSET :offset`,
  // Two subqueries: SQLite reads a min() or a max() from the index only when it is alone.
  recency: `SELECT (SELECT min(key) FROM search_documents) AS oldest, (SELECT max(key) FROM search_documents) AS newest`,
  document: `SELECT id, excerpt, text FROM search_documents WHERE key = ?`,
  keyOfId: `SELECT key FROM search_documents WHERE id = ?`,
  keyTaken: `SELECT 1 FROM search_documents WHERE key = ?`,
  insertIndex: `INSERT INTO search_index(rowid, ${SEARCH_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?)`,
  insertDocument: `INSERT INTO search_documents(id, key, excerpt, text) VALUES (?, ?, ?, ?)`,
  deleteIndex: `DELETE FROM search_index WHERE rowid = ?`,
  deleteDocument: `DELETE FROM search_documents WHERE id = ?`,
};

export type Statements = Record<keyof typeof SQL, StatementSync>;

const prepared = new WeakMap<DatabaseSync, Statements>();

/** The search statements of `db`, prepared once (createSearchSchema must have run). */
export function statements(db: DatabaseSync): Statements {
  let found = prepared.get(db);
  if (!found) {
    found = Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)])) as Statements;
    prepared.set(db, found);
  }
  return found;
}
