import type { DatabaseSync } from 'node:sqlite';
import { FIELD_BOOST } from '../field-boost';

/** Bumped when what is stored changes shape (tokens, key layout, text encoding): the index is then rebuilt. */
export const SEARCH_SCHEMA_VERSION = 1;

/** The indexed fields, in column order; bm25 weighs them by FIELD_BOOST. */
export const SEARCH_COLUMNS = Object.keys(FIELD_BOOST) as (keyof typeof FIELD_BOOST)[];

/**
 * Creates the search tables if missing.
 *
 * search_index (FTS5) holds tokens only (contentless), as produced by tokenize(): the `ascii`
 * tokenizer splits them at the spaces they are joined with and keeps every other character, so a
 * Chinese bigram or a lower-cased word is one FTS5 term, exactly as MiniSearch had it. Positions
 * (detail=full) are kept because bm25 of a contentless table counts a term's occurrences from
 * them; `prefix='1'` indexes every term's first character, so a one-character query (a prefix
 * search, see tokenize) reads one list instead of merging thousands. Its rowid is a document's
 * key (see document-key.ts), not its id.
 *
 * search_documents maps ids to keys and keeps what snippets are cut from.
 */
export function createSearchSchema(db: DatabaseSync): void {
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
      ${SEARCH_COLUMNS.join(', ')},
      tokenize = 'ascii', prefix = '1', detail = full, content = '', contentless_delete = 1
    );
    CREATE TABLE IF NOT EXISTS search_documents (
      id INTEGER PRIMARY KEY,
      key INTEGER NOT NULL UNIQUE,
      excerpt TEXT NOT NULL,
      text BLOB NOT NULL
    );
  `);
}

/** FTS5's default: merge a level's segments once it has this many. */
const AUTOMERGE = 4;

// FTS5 wants an integer; node:sqlite binds numbers as reals, so the value is written in (never input).
const configure = (db: DatabaseSync, option: 'automerge', value: number) =>
  db.exec(`INSERT INTO search_index(search_index, rank) VALUES ('${option}', ${Math.trunc(value)})`);

/**
 * Before a bulk load: segments are not merged as documents are written, since optimizeSearchIndex
 * merges them all once afterwards (measured at 10,000 articles: writing 35% faster, optimizing no
 * slower). FTS5's crisis merge still bounds the segments if the load never ends.
 */
export function deferSearchMerges(db: DatabaseSync): void {
  configure(db, 'automerge', 0);
}

/**
 * Merges the index into one segment, and merges as documents come again. Worth it after a bulk load
 * (queries then read one list per term instead of one per segment: 3 to 5 times faster measured at
 * 100,000 articles); automerge keeps the segments of later updates in check.
 */
export function optimizeSearchIndex(db: DatabaseSync): void {
  db.exec(`INSERT INTO search_index(search_index) VALUES ('optimize')`);
  configure(db, 'automerge', AUTOMERGE);
}
