import type { Stats } from 'node:fs';

/** The date given to an article whose `date` is missing or unreadable, and where it came from. */
export type FallbackDate = { date: Date; source: 'creation time' | 'modification time' };

/**
 * As Hexo does (its post processor falls back to `stats.birthtime`), the file's creation time.
 * File systems that do not record one report the epoch; the modification time is the next best.
 */
export function fallbackDateOf(stat: Pick<Stats, 'birthtimeMs' | 'birthtime' | 'mtime'>): FallbackDate {
  return stat.birthtimeMs > 0
    ? { date: stat.birthtime, source: 'creation time' }
    : { date: stat.mtime, source: 'modification time' };
}
