import type { DatabaseSync } from 'node:sqlite';
import { indexedExcerpt } from '../field-boost';
import { tokenize } from '../tokenize';
import { keyOf, nextKey } from './document-key';
import { statements, type Statements } from './statements';
import { packText } from './stored-text';

/** What search knows of an article. */
export type SearchDocument = {
  title: string;
  /** Categories, tags and author, joined (see searchLabels). */
  labels: string;
  excerpt: string;
  /** The body's whole plain text, as readers see it. */
  text: string;
  /** The article's date (ms since the epoch): orders matches and boosts newer ones. */
  dateMs: number;
  /** Drafts are found only by searches that ask for them (preview). */
  draft: boolean;
};

/** A document tokenized and packed: the CPU work of indexing, done apart from the database. */
export type PreparedDocument = {
  id: number;
  dateMs: number;
  draft: boolean;
  /** Space-separated tokens of title, labels, excerpt and body. */
  columns: [string, string, string, string];
  excerpt: string;
  packed: Uint8Array;
};

const tokens = (text: string) => tokenize(text).join(' ');

export function prepareSearchDocument(id: number, doc: SearchDocument): PreparedDocument {
  if (!Number.isSafeInteger(id)) throw new TypeError(`search document id must be an integer, got ${id}`);
  if (!Number.isFinite(doc.dateMs)) throw new TypeError(`search document ${id} has no valid date (${doc.dateMs})`);
  return {
    id,
    dateMs: doc.dateMs,
    draft: doc.draft,
    columns: [tokens(doc.title), tokens(doc.labels), tokens(indexedExcerpt(doc.excerpt, doc.text)), tokens(doc.text)],
    excerpt: doc.excerpt,
    packed: packText(doc.text),
  };
}

function inSavepoint(db: DatabaseSync, work: () => void): void {
  db.exec('SAVEPOINT search_write');
  try {
    work();
  } catch (error) {
    db.exec('ROLLBACK TO search_write');
    throw error;
  } finally {
    db.exec('RELEASE search_write');
  }
}

function remove(s: Statements, id: number): void {
  const row = s.keyOfId.get(id) as { key: number } | undefined;
  if (!row) return;
  s.deleteIndex.run(row.key);
  s.deleteDocument.run(id);
}

/**
 * Writes prepared documents (inserting or replacing each), atomically. They are written in key
 * order: FTS5 flushes its pending terms whenever a rowid is not above the last one, so a bulk load
 * in any other order writes a segment per document (measured: 3× slower at 10,000 articles).
 */
export function writeSearchDocuments(db: DatabaseSync, docs: readonly PreparedDocument[]): void {
  const s = statements(db);
  // The last version of an id wins.
  const latest = [...new Map(docs.map((doc) => [doc.id, doc])).values()];
  inSavepoint(db, () => {
    for (const doc of latest) remove(s, doc.id);
    const taken = new Set<number>();
    const keyed = latest.map((doc) => {
      let key = keyOf(doc.dateMs, doc.draft, doc.id);
      while (taken.has(key) || s.keyTaken.get(key)) key = nextKey(key);
      taken.add(key);
      return { key, doc };
    });
    for (const { key, doc } of keyed.sort((a, b) => a.key - b.key)) {
      s.insertIndex.run(key, ...doc.columns);
      s.insertDocument.run(doc.id, key, doc.excerpt, doc.packed);
    }
  });
}

/** Inserts or replaces the document of article `id`. */
export function putSearchDocument(db: DatabaseSync, id: number, doc: SearchDocument): void {
  writeSearchDocuments(db, [prepareSearchDocument(id, doc)]);
}

/** Inserts or replaces many documents at once: the way to load an index (see writeSearchDocuments). */
export function putSearchDocuments(db: DatabaseSync, docs: Iterable<{ id: number; doc: SearchDocument }>): void {
  writeSearchDocuments(
    db,
    Array.from(docs, ({ id, doc }) => prepareSearchDocument(id, doc)),
  );
}

/** Removes the document of article `id`, if any: its words stop matching at once. */
export function deleteSearchDocument(db: DatabaseSync, id: number): void {
  inSavepoint(db, () => remove(statements(db), id));
}
