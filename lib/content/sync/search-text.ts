import type { DatabaseSync } from 'node:sqlite';
import type { FileReading } from './read-article-file';

// Interim: the full-text index (lib/search, SQLite FTS5) is being built in parallel; these are its
// two entry points from indexing.
export function writeSearchText(_db: DatabaseSync, _id: number, _article: NonNullable<FileReading['article']>): void {}
export function deleteSearchText(_db: DatabaseSync, _id: number): void {}
