import 'server-only';
import { randomBytes } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { SITEMAP_LIMIT } from '../../sitemap/sitemap-entries';
import { statement } from '../db/statements';
import { buildMark, contentDb } from '../store';
import { emptyImpact, mergeImpacts, type Impact } from '../sync/impact';
import { impactPaths } from './impact-paths';

type Publisher = {
  /** The last change whose pages this process refreshed; undefined until first asked, null when unknown. */
  seq?: number | null;
  /** Proves to /api/revalidate that a request comes from this process (never leaves it). */
  token: string;
  inFlight?: Promise<void>;
  again: boolean;
};

const publisher: Publisher = ((globalThis as { __newsPublisher?: Publisher }).__newsPublisher ??= {
  token: randomBytes(32).toString('hex'),
  again: false,
});

export const internalToken = () => publisher.token;

export type Revalidated = { seq: number; paths: number; everything: boolean };

/**
 * Inside a request (Next.js revalidates only there): refreshes the cached pages of every change
 * logged since this process last did, by this process or another sharing the index. A process that
 * does not know what its pages were rendered from (no build mark) refreshes everything once.
 */
export async function revalidateLoggedChanges(): Promise<Revalidated> {
  const db = await contentDb();
  if (publisher.seq === undefined) publisher.seq = buildMark(db);
  const since = publisher.seq ?? 0;
  const rows = statement(db, 'SELECT seq, impact FROM changes WHERE seq > ? ORDER BY seq').all(since) as {
    seq: number;
    impact: string;
  }[];
  const oldest = (statement(db, 'SELECT MIN(seq) AS seq FROM changes').get() as { seq: number | null }).seq;
  let impact: Impact = emptyImpact();
  // Unknown start, or entries pruned before this process read them: refresh everything.
  if (publisher.seq === null || (oldest !== null && oldest > since + 1)) impact.all = true;
  for (const row of rows) impact = mergeImpacts(impact, JSON.parse(row.impact) as Impact);
  const seq = rows.length ? rows[rows.length - 1]!.seq : since;
  publisher.seq = seq;
  const urls = (statement(db, 'SELECT COUNT(*) AS n FROM articles WHERE draft = 0').get() as { n: number }).n;
  const { paths, everything } = impactPaths(impact, Math.ceil(urls / SITEMAP_LIMIT) + 1);
  if (everything) revalidatePath('/', 'layout');
  else for (const path of paths) revalidatePath(path);
  return { seq, paths: paths.length, everything };
}

/** The change log's newest entry. */
export async function latestChange(): Promise<number> {
  return (statement(await contentDb(), 'SELECT COALESCE(MAX(seq), 0) AS seq FROM changes').get() as { seq: number }).seq;
}

/** Whether this process has pages of changes it has not refreshed yet. */
export async function hasUnrevalidatedChanges(): Promise<boolean> {
  return publisher.seq === undefined || publisher.seq === null || (await latestChange()) > publisher.seq;
}

/**
 * Outside a request (a file event, a scan): asks this server's own /api/revalidate to refresh the
 * changed pages. Calls made meanwhile are folded into one more request after it.
 */
export function requestRevalidation(): void {
  if (process.env.NODE_ENV !== 'production') return;
  if (publisher.inFlight) {
    publisher.again = true;
    return;
  }
  const origin = process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`;
  publisher.inFlight = fetch(new URL('/api/revalidate', origin), {
    method: 'POST',
    headers: { 'x-content-internal': publisher.token },
  })
    .then((response) => {
      if (!response.ok) console.error(`[content] error: could not refresh changed pages: /api/revalidate answered ${response.status}`);
    })
    .catch((error: unknown) => console.error(`[content] error: could not refresh changed pages: ${(error as Error).message}`))
    .finally(() => {
      publisher.inFlight = undefined;
      if (publisher.again) {
        publisher.again = false;
        requestRevalidation();
      }
    });
}
