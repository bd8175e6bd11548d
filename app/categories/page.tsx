import type { Metadata } from 'next';
import { CategoryTree } from '@/components/category-tree';
import { getCategoryTree } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata/page-metadata';

export const metadata: Metadata = pageMetadata({ title: '全部分类', path: '/categories' });

export default async function CategoriesPage() {
  const tree = await getCategoryTree();
  return (
    <>
      <h1 className="mb-6 border-b border-zinc-200 pb-4 text-xl font-semibold dark:border-zinc-800">全部分类</h1>
      {tree.length > 0 ? <CategoryTree nodes={tree} /> : <p className="text-zinc-600 dark:text-zinc-400">暂无分类。</p>}
    </>
  );
}
