import Link from 'next/link';
import type { CategoryNode } from '@/lib/content';
import { categoryUrl } from '@/lib/urls';

export function CategoryTree({ nodes, level = 0 }: { nodes: CategoryNode[]; level?: number }) {
  return (
    <ul className={level === 0 ? 'space-y-3' : 'mt-1 space-y-1 border-l border-zinc-200 pl-4 dark:border-zinc-800'}>
      {nodes.map((node) => (
        <li key={node.name}>
          <Link
            href={categoryUrl(node.path)}
            className={`hover:text-accent-600 dark:hover:text-accent-400 hover:underline ${level === 0 ? 'text-lg font-semibold' : ''}`}
          >
            {node.name}
          </Link>{' '}
          <span className="text-sm text-zinc-500 dark:text-zinc-400">({node.count})</span>
          {node.children.length > 0 && <CategoryTree nodes={node.children} level={level + 1} />}
        </li>
      ))}
    </ul>
  );
}
