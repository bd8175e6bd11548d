import { categoryUrl } from '@/lib/urls';

/** One category hierarchy as linked names: 新媒体 › 趣头条 › 分类. */
export function CategoryPath({ path }: { path: string[] }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1">
      {path.map((name, i) => (
        <span key={i} className="inline-flex items-center gap-x-1">
          {i > 0 && (
            <span aria-hidden="true" className="text-zinc-400">
              ›
            </span>
          )}
          {/* A plain link: every card names its categories, and as Next.js links each would be a
              client component to hydrate and watch for prefetching, which phones pay for. */}
          <a
            href={categoryUrl(path.slice(0, i + 1))}
            className="hover:text-accent-600 dark:hover:text-accent-400 hover:underline"
          >
            {name}
          </a>
        </span>
      ))}
    </span>
  );
}
