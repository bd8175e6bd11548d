import type { DatabaseSync } from 'node:sqlite';
import type { Problem } from '../types';
import { statement } from './statements';

/** Every problem the index holds for the folder as it is now, in file and line order. */
export function recordedProblems(db: DatabaseSync): Problem[] {
  const rows = statement(
    db,
    'SELECT file, severity, kind, reason, line FROM problems ORDER BY file, COALESCE(line, 0), rowid',
  ).all() as (Omit<Problem, 'line'> & { line: number | null })[];
  return rows.map(({ line, ...problem }) => (line === null ? problem : { ...problem, line }));
}
