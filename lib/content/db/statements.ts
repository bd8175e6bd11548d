import type { DatabaseSync, StatementSync } from 'node:sqlite';

const prepared = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

/** A prepared statement, made once per connection: indexing runs the same few thousands of times. */
export function statement(db: DatabaseSync, sql: string): StatementSync {
  let forDb = prepared.get(db);
  if (!forDb) prepared.set(db, (forDb = new Map()));
  let found = forDb.get(sql);
  if (!found) forDb.set(sql, (found = db.prepare(sql)));
  return found;
}

/** Runs `work` in one write transaction: all of it is applied, or none. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
