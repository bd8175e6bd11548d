import type { ReactNode } from 'react';

const FILLED = 'bg-zinc-100 hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700';
const OUTLINED =
  'border border-zinc-300 hover:border-accent-600 hover:text-accent-600 dark:border-zinc-700 dark:hover:border-accent-400 dark:hover:text-accent-400';

/**
 * A tag, category or month as a rounded chip, with its count if given. A plain link: pages show
 * dozens of them, and as Next.js links each would be a client component to hydrate.
 */
export function PillLink({
  href,
  children,
  count,
  outlined = false,
}: {
  href: string;
  children: ReactNode;
  count?: number;
  outlined?: boolean;
}) {
  return (
    <a href={href} className={`block rounded-full px-3 py-1 ${outlined ? OUTLINED : FILLED}`}>
      {children}
      {count !== undefined && <span className="text-zinc-600 dark:text-zinc-400"> ({count})</span>}
    </a>
  );
}
