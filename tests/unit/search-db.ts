import { DatabaseSync } from 'node:sqlite';
import { searchLabels } from '@/lib/search/field-boost';
import { createSearchSchema, putSearchDocuments, searchDocuments, type SearchDocument } from '@/lib/search/fts';
import { parseQuery } from '@/lib/search/parse-query';

export type TestDoc = Partial<SearchDocument> & { title: string; tags?: string[]; categories?: string[][] };

const DAY = 86_400_000;
const NEWEST = Date.UTC(2024, 5, 1);

/** A search database of `docs`, given newest first (a day apart) as listings have them; ids are their positions. */
export function searchDbOf(docs: TestDoc[]): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  createSearchSchema(db);
  putSearchDocuments(
    db,
    docs.map((doc, id) => ({ id, doc: searchDoc(doc, NEWEST - id * DAY) })),
  );
  return db;
}

export const searchDoc = ({ tags = [], categories = [], ...doc }: TestDoc, dateMs = NEWEST): SearchDocument => ({
  labels: searchLabels({ categories, tags }),
  excerpt: '',
  text: '',
  dateMs,
  draft: false,
  ...doc,
});

export const search = (db: DatabaseSync, q: string, { page = 1, pageSize = 10, withDrafts = false } = {}) =>
  searchDocuments(db, parseQuery(q), { page, pageSize, withDrafts });

/** Ids of the first page's hits for `q`. */
export const ids = (db: DatabaseSync, q: string, options?: Parameters<typeof search>[2]) =>
  search(db, q, options)?.hits.map((hit) => hit.id);
