import type { DatabaseSync } from 'node:sqlite';
import { normalizePermalinkPath } from '../../permalink-pattern';
import { isSiteRoute } from '../../site-routes';
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
    // Drafts take no address outside preview, and lose it to a published article in preview: only
    // published articles' claims are warned about.
    const claims = statement(
      db,
      `SELECT c.file, a.slug FROM permalink_claims c JOIN articles a ON a.id = c.article_id
       WHERE c.path = ? AND c.draft = 0 ORDER BY ${claimOrder('c.')}`,
    ).all(path) as { file: string; slug: string }[];
    const warn = (file: string, reason: string): Problem => ({ file, severity: 'warning', kind: 'permalink', reason });
    const problems: Problem[] =
      path === ''
        ? claims.map(({ file }) => warn(file, 'permalink is the home page; ignored'))
        : isSiteRoute(path)
          ? // `posts/:title/` was the old address of every article, and still is.
            claims
              .filter(({ slug }) => path !== normalizePermalinkPath(`posts/${slug}`))
              .map(({ file }) => warn(file, `permalink "/${path}" is the site's own address; not redirected`))
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
