import type { DatabaseSync } from 'node:sqlite';
import { statement } from '../db/statements';
import { assignUniqueSlugs } from '../slugs';
import type { Problem } from '../types';
import { setSlug } from './write-article';

type Claim = { id: number; slug: string; file: string; draft: boolean; current: string };

/**
 * Gives every article a unique slug by the same rule as ever (see assignUniqueSlugs: published
 * before drafts, then path order), and updates only the articles whose slug changed. Returns those,
 * with their old slugs (null for new articles), and the clash warnings.
 */
export function assignSlugs(
  db: DatabaseSync,
  beforeChange: (id: number) => void,
): { changed: { id: number; old: string | null }[]; warnings: Problem[] } {
  const rows = statement(db, 'SELECT id, base_slug, slug, file, draft FROM articles').all() as {
    id: number;
    base_slug: string;
    slug: string;
    file: string;
    draft: number;
  }[];
  const claims: Claim[] = rows.map((r) => ({ id: r.id, slug: r.base_slug, file: r.file, draft: r.draft === 1, current: r.slug }));
  const { items, warnings } = assignUniqueSlugs(claims);
  const changed = items.filter((item) => item.slug !== item.current);
  for (const item of changed) beforeChange(item.id);
  // Two steps, so that two articles trading slugs never meet on the unique index.
  for (const item of changed) setSlug(db, item.id, `\u0001${item.id}`);
  for (const item of changed) setSlug(db, item.id, item.slug);
  return {
    changed: changed.map((item) => ({ id: item.id, old: item.current.startsWith('\u0000') ? null : item.current })),
    warnings: warnings.map((w) => ({ ...w, severity: 'warning', kind: 'duplicate-slug' })),
  };
}
