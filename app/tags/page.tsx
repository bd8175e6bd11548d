import type { Metadata } from 'next';
import Link from 'next/link';
import { getTags } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata/page-metadata';
import { tagUrl } from '@/lib/urls';

export const metadata: Metadata = pageMetadata({ title: '全部标签', path: '/tags' });

export default async function TagsPage() {
  const tags = await getTags();
  return (
    <>
      <h1 className="mb-6 border-b border-zinc-200 pb-4 text-xl font-semibold dark:border-zinc-800">全部标签</h1>
      {tags.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">暂无标签。</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {tags.map(({ name, count }) => (
            <li key={name}>
              <Link
                href={tagUrl(name)}
                className="block rounded-full bg-zinc-100 px-3 py-1 text-sm hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700"
              >
                #{name} <span className="text-zinc-500 dark:text-zinc-400">({count})</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
