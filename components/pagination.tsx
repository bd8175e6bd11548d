import Link from 'next/link';
import { pageLabel } from '@/lib/page-title';

const linkClass =
  'rounded-md border border-zinc-300 px-3 py-1.5 hover:border-accent-600 hover:text-accent-600 dark:border-zinc-700 dark:hover:border-accent-400 dark:hover:text-accent-400';

/** Numbered pages around the current one, with the first and last always shown. */
function pageWindow(page: number, total: number): (number | 'gap')[] {
  const pages = new Set([1, total, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= total));
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1]! > 1 ? ['gap' as const, p] : [p]));
}

export function Pagination({
  page,
  totalPages,
  href,
}: {
  page: number;
  totalPages: number;
  href: (page: number) => string;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="分页" className="mt-8 flex flex-wrap items-center justify-center gap-2 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev" className={linkClass}>
          上一页
        </Link>
      )}
      {pageWindow(page, totalPages).map((p, i) =>
        p === 'gap' ? (
          <span key={`gap-${i}`} aria-hidden="true" className="px-1 text-zinc-500">
            …
          </span>
        ) : p === page ? (
          <span
            key={p}
            aria-current="page"
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            <span className="sr-only">第 </span>
            {p}
            <span className="sr-only"> 页</span>
          </span>
        ) : (
          <Link key={p} href={href(p)} className={linkClass} aria-label={pageLabel(p)}>
            {p}
          </Link>
        ),
      )}
      {page < totalPages && (
        <Link href={href(page + 1)} rel="next" className={linkClass}>
          下一页
        </Link>
      )}
    </nav>
  );
}
