import type { DatabaseSync } from 'node:sqlite';
import { statement, inTransaction } from '../db/statements';
import { categoryTreeOf } from '../db/category-tree';
import { listingTotal } from '../db/listing-total';
import type { ListingId } from '../listings';
import type { Problem } from '../types';
import { assignSlugs } from './assign-slugs';
import { addChange, emptyImpact, type Impact } from './impact';
import { recheckClaims } from './permalink-problems';
import { placementOf, type Placement } from './placement';
import type { FileReading } from './read-article-file';
import { deleteSearchDocument, writeSearchDocuments, type PreparedDocument } from '../../search/fts';
import { searchDocumentOf } from './search-text';
import { deleteArticle, writeArticle, writeClaim, type IndexSettings } from './write-article';

/** Past this many files in one batch, the impact is "everything" rather than a list. */
export const MAX_TRACKED_CHANGES = 500;

export type ChangedArticle = { file: string; slug: string };

export type Applied = {
  added: ChangedArticle[];
  changed: ChangedArticle[];
  removed: ChangedArticle[];
  /** The change log entry written, or null when nothing changed. */
  seq: number | null;
  problems: Problem[];
};

type Existing = { id: number; slug: string; base_slug: string; draft: number; body_error: string | null; listed: string };

/** What listings show of an article: when only the body changed, listing pages stay as they are. */
const LISTED = `json_array(base_slug, title, date, updated, author, categories, tags, image, excerpt, draft)`;

function listedOf(article: NonNullable<FileReading['article']>): string {
  const s = article.summary;
  return JSON.stringify([s.slug, s.title, s.date, s.updated ?? null, s.author ?? null, JSON.stringify(s.categories), JSON.stringify(s.tags), s.image ?? null, s.excerpt, s.draft ? 1 : 0]);
}

function replaceProblems(db: DatabaseSync, file: string, problems: readonly Problem[]) {
  statement(db, "DELETE FROM problems WHERE file = ? AND source = 'file'").run(file);
  for (const p of problems) {
    statement(db, "INSERT INTO problems (file, severity, kind, reason, line, source) VALUES (?, ?, ?, ?, ?, 'file')").run(
      p.file,
      p.severity,
      p.kind,
      p.reason,
      p.line ?? null,
    );
  }
}

const rootNames = (db: DatabaseSync) => JSON.stringify(categoryTreeOf(db, false).map((node) => node.name));

/**
 * Applies what was read from changed files, and the removal of deleted ones, in one transaction:
 * the site never shows half a batch. A file that cannot be read now keeps its last good version
 * (or stays absent). Readings another process already applied are skipped. With `logChanges`, the
 * batch's impact goes to the change log that every server process follows.
 */
export function applyReadings(
  db: DatabaseSync,
  readings: readonly FileReading[],
  removedFiles: readonly string[],
  settings: IndexSettings & { logChanges: boolean; search?: boolean },
): Applied {
  return inTransaction(db, () => {
    const storedVersion = (file: string) =>
      (statement(db, 'SELECT version FROM files WHERE path = ?').get(file) as { version: string } | undefined)?.version;
    const existingOf = (file: string) =>
      statement(db, `SELECT id, slug, base_slug, draft, body_error, ${LISTED} AS listed FROM articles WHERE file = ?`).get(file) as
        | Existing
        | undefined;
    const todo = readings.filter((r) => storedVersion(r.file.display) !== r.version);
    const gone = removedFiles.filter((file) => storedVersion(file) !== undefined);
    const applied: Applied = { added: [], changed: [], removed: [], seq: null, problems: [] };
    if (todo.length === 0 && gone.length === 0) return applied;

    const track = settings.logChanges && todo.length + gone.length <= MAX_TRACKED_CHANGES;
    const before = new Map<number, Placement | null>();
    const totalsBefore = new Map<ListingId, number>();
    const added = new Set<number>();
    const remember = (id: number) => {
      if (!track || before.has(id) || added.has(id)) return;
      const placement = placementOf(db, id);
      before.set(id, placement);
      for (const listing of placement?.positions.keys() ?? []) {
        if (!totalsBefore.has(listing)) totalsBefore.set(listing, listingTotal(db, listing));
      }
    };
    const rootsBefore = track ? rootNames(db) : '';

    const written = new Map<number, boolean>(); // id → whether what listings show changed
    const searchable: PreparedDocument[] = [];
    const claimPaths = new Set<string>();
    let slugsMayChange = false;
    const ids = new Map<number, { list: ChangedArticle[]; file: string }>();

    for (const reading of todo) {
      const file = reading.file.display;
      const existing = existingOf(file);
      replaceProblems(db, file, reading.problems);
      applied.problems.push(...reading.problems);
      const keepLastGood = existing !== undefined && (!reading.article || (reading.article.bodyError !== undefined && existing.body_error === null));
      statement(db, 'INSERT OR REPLACE INTO files (path, version, broken) VALUES (?, ?, ?)').run(
        file,
        reading.version,
        reading.article && !keepLastGood ? 0 : 1,
      );
      if (!reading.article || keepLastGood) continue;
      if (existing) remember(existing.id);
      const id = writeArticle(db, existing?.id, reading.article, settings);
      if (!existing) added.add(id);
      if (settings.search !== false) searchable.push(searchDocumentOf(id, reading.article));
      const listed = listedOf(reading.article);
      written.set(id, !existing || existing.listed !== listed);
      if (!existing || existing.base_slug !== reading.article.summary.slug || Boolean(existing.draft) !== reading.article.summary.draft) {
        slugsMayChange = true;
      }
      ids.set(id, { list: existing ? applied.changed : applied.added, file });
    }

    for (const file of gone) {
      const existing = existingOf(file);
      statement(db, 'DELETE FROM files WHERE path = ?').run(file);
      statement(db, 'DELETE FROM problems WHERE file = ?').run(file);
      if (!existing) continue;
      remember(existing.id);
      for (const { path } of statement(db, 'SELECT path FROM permalink_claims WHERE article_id = ?').all(existing.id) as { path: string }[]) {
        claimPaths.add(path);
      }
      deleteArticle(db, existing.id);
      deleteSearchDocument(db, existing.id);
      applied.removed.push({ file, slug: existing.slug });
      slugsMayChange = true;
    }

    // In one go: the search index writes documents in date order, much faster than one at a time.
    writeSearchDocuments(db, searchable);

    if (slugsMayChange) {
      const { changed, warnings } = assignSlugs(db, remember);
      statement(db, "DELETE FROM problems WHERE source = 'slug'").run();
      for (const w of warnings) {
        statement(db, "INSERT INTO problems (file, severity, kind, reason, line, source) VALUES (?, ?, ?, ?, NULL, 'slug')").run(
          w.file,
          w.severity,
          w.kind,
          w.reason,
        );
      }
      applied.problems.push(...warnings);
      for (const { id } of changed) if (!written.has(id)) written.set(id, true);
    }
    for (const id of written.keys()) for (const path of writeClaim(db, id, settings)) claimPaths.add(path);
    applied.problems.push(...recheckClaims(db, claimPaths));

    const slugOf = (id: number) => (statement(db, 'SELECT slug FROM articles WHERE id = ?').get(id) as { slug: string }).slug;
    for (const [id, { list, file }] of ids) list.push({ file, slug: slugOf(id) });

    // Only a change to what the site shows is logged: a file that broke (its last good version
    // stays) or came back unchanged changes no page.
    if (settings.logChanges && (written.size > 0 || applied.removed.length > 0)) {
      const impact: Impact = emptyImpact();
      if (track) {
        const totals = {
          before: (listing: ListingId) => totalsBefore.get(listing) ?? listingTotal(db, listing),
          after: (listing: ListingId) => listingTotal(db, listing),
        };
        for (const id of new Set([...before.keys(), ...written.keys()])) {
          addChange(impact, before.get(id) ?? null, placementOf(db, id), written.get(id) ?? true, totals);
        }
        impact.claims.push(...claimPaths);
        impact.layout = rootNames(db) !== rootsBefore;
      } else {
        impact.all = true;
      }
      const logged = statement(db, 'INSERT INTO changes (at_ms, added, changed, removed, impact) VALUES (?, ?, ?, ?, ?)').run(
        Date.now(),
        applied.added.length,
        applied.changed.length,
        applied.removed.length,
        JSON.stringify(impact),
      );
      applied.seq = Number(logged.lastInsertRowid);
    }
    return applied;
  });
}
