import type { ArchiveMonth } from '@/lib/content';
import { archiveUrl } from '@/lib/urls';
import { PillLink } from './pill-link';

/** A year's months as links, each with its number of articles. */
export function MonthLinks({ months, label }: { months: ArchiveMonth[]; label: string }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2 text-sm">
        {months.map(({ year, month, count }) => (
          <li key={month}>
            <PillLink href={archiveUrl(year, month)} count={count} outlined>
              {month} 月
            </PillLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
