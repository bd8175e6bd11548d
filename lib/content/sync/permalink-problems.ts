import type { DatabaseSync } from 'node:sqlite';
import { statement } from '../db/statements';
import type { Problem } from '../types';

/** Best claim first: published before drafts, front-matter addresses before the pattern's, then path order. */
export const claimOrder = (alias = '') => `${alias}draft ASC, ${alias}override DESC, ${alias}file ASC`;

/**
 * The clash warnings of the old addresses `paths`: every claim but the winning one is named. Stored
 * per address, so re-checking an address replaces its warnings.
 */
export function recheckClaims(db: DatabaseSync, paths: Iterable<string>): Problem[] {
  const found: Problem[] = [];
  for (const path of new Set(paths)) {
    const source = `permalink:${path}`;
    statement(db, 'DELETE FROM problems WHERE source = ?').run(source);
    const claims = statement(db, `SELECT file FROM permalink_claims WHERE path = ? ORDER BY ${claimOrder()}`).all(path) as {
      file: string;
    }[];
    const problems: Problem[] =
      path === ''
        ? claims.map(({ file }) => ({ file, severity: 'warning', kind: 'permalink', reason: 'permalink is the home page; ignored' }))
        : claims.slice(1).map(({ file }) => ({
            file,
            severity: 'warning',
            kind: 'permalink',
            reason: `permalink "/${path}" is already ${claims[0]!.file}'s; not redirected here`,
          }));
    for (const p of problems) {
      statement(db, 'INSERT INTO problems (file, severity, kind, reason, line, source) VALUES (?, ?, ?, ?, NULL, ?)').run(
        p.file,
        p.severity,
        p.kind,
        p.reason,
        source,
      );
    }
    found.push(...problems);
  }
  return found;
}
