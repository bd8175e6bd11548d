import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createSearchSchema, SEARCH_SCHEMA_VERSION } from '../../search/fts';
import { SCHEMA, SCHEMA_VERSION } from './schema';

export type OpenOptions = {
  /**
   * What the stored index was derived with (schema, content folder, time zone, permalink pattern):
   * an index made with other settings is emptied and rebuilt, never half reused.
   */
  fingerprint: string;
  readOnly?: boolean;
  /** Milliseconds a write waits for another process's write to finish. */
  busyTimeout?: number;
};

const TABLES = [
  'meta',
  'files',
  'articles',
  'category_members',
  'tag_members',
  'permalink_claims',
  'problems',
  'changes',
  'search_index',
  'search_documents',
];

/** Opens (creating it if needed) the content index at `file`. */
export function openDatabase(file: string, { fingerprint, readOnly = false, busyTimeout = 0 }: OpenOptions): DatabaseSync {
  if (!readOnly && file !== ':memory:') mkdirSync(/* turbopackIgnore: true */ path.dirname(file), { recursive: true });
  const db = new DatabaseSync(file, { readOnly, timeout: busyTimeout });
  if (readOnly) return db;
  // WAL: readers never wait for the writer, so pages render while the index is being updated.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;');
  const stored = readMeta(db, 'fingerprint');
  if (stored !== undefined && stored !== withVersion(fingerprint)) {
    db.exec('BEGIN IMMEDIATE');
    for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
    db.exec('COMMIT');
  }
  db.exec(SCHEMA);
  createSearchSchema(db);
  if (stored !== withVersion(fingerprint)) writeMeta(db, 'fingerprint', withVersion(fingerprint));
  // Names this index's change log: a position in it means nothing in another index's.
  if (stored !== withVersion(fingerprint) || !readMeta(db, 'id')) writeMeta(db, 'id', randomUUID());
  return db;
}

const withVersion = (fingerprint: string) => `${SCHEMA_VERSION}.${SEARCH_SCHEMA_VERSION}\u0000${fingerprint}`;

export function readMeta(db: DatabaseSync, key: string): string | undefined {
  try {
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  } catch {
    // No meta table yet: a new database.
    return undefined;
  }
}

export function writeMeta(db: DatabaseSync, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/**
 * The index as a file that cannot be written (a serverless function's bundle): opened as immutable,
 * which SQLite needs to read a write-ahead-log database it cannot write. Null if there is none.
 */
export function openReadOnly(file: string): DatabaseSync | null {
  if (!existsSync(/* turbopackIgnore: true */ file)) return null;
  const uri = `file:${file.split('/').map(encodeURIComponent).join('/')}?immutable=1`;
  return new DatabaseSync(uri, { readOnly: true });
}
