import Link from 'next/link';
import type { ArchiveMonth } from '@/lib/content';
import { archiveUrl } from '@/lib/urls';

/** A year's months as links, each with its number of articles. */
export function MonthLinks({ months, label }: { months: ArchiveMonth[]; label: string }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2 text-sm">
        {months.map(({ year, month, count }) => (
          <li key={month}>
            <Link
              href={archiveUrl(year, month)}
              className="hover:border-accent-600 hover:text-accent-600 dark:hover:border-accent-400 dark:hover:text-accent-400 block rounded-full border border-zinc-300 px-3 py-1 dark:border-zinc-700"
            >
              {month} 月 <span className="text-zinc-500 dark:text-zinc-400">({count})</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
