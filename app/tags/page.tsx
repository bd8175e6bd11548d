import type { Metadata } from 'next';
import { getTags } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata/page-metadata';
import { tagUrl } from '@/lib/urls';
import { PillLink } from '@/components/pill-link';

export const metadata: Metadata = pageMetadata({ title: '全部标签', path: '/tags' });

export default async function TagsPage() {
  const tags = await getTags();
  return (
    <>
      <h1 className="mb-6 border-b border-zinc-200 pb-4 text-xl font-semibold dark:border-zinc-800">全部标签</h1>
      {tags.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">暂无标签。</p>
      ) : (
        <ul className="flex flex-wrap gap-2 text-sm">
          {tags.map(({ name, count }) => (
            <li key={name}>
              <PillLink href={tagUrl(name)} count={count}>
                #{name}
              </PillLink>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
