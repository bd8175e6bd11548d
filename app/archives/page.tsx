import type { Metadata } from 'next';
import Link from 'next/link';
import { MonthLinks } from '@/components/month-links';
import { getArchive } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata/page-metadata';
import { archiveUrl } from '@/lib/urls';

export const metadata: Metadata = pageMetadata({ title: '归档', path: '/archives' });

export default async function ArchivesPage() {
  const years = await getArchive();
  return (
    <>
      <h1 className="mb-6 border-b border-zinc-200 pb-4 text-xl font-semibold dark:border-zinc-800">归档</h1>
      {years.length > 0 ? (
        <ol className="space-y-6">
          {years.map(({ year, count, months }) => (
            <li key={year}>
              <h2 className="mb-3 text-lg font-semibold">
                <Link
                  href={archiveUrl(year)}
                  className="hover:text-accent-600 dark:hover:text-accent-400 hover:underline"
                >
                  {year} 年
                </Link>
                <span className="ml-2 text-sm font-normal text-zinc-500 dark:text-zinc-400">{count} 篇</span>
              </h2>
              <MonthLinks months={months} label={`${year} 年的月份`} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-zinc-600 dark:text-zinc-400">暂无文章。</p>
      )}
    </>
  );
}
