import Link from 'next/link';
import type { ArticleSummary, Neighbours } from '@/lib/content';
import { articleUrl } from '@/lib/urls';
import { DateTime } from './date-time';

function NeighbourLink({ article, rel }: { article: ArticleSummary; rel: 'prev' | 'next' }) {
  return (
    <Link
      href={articleUrl(article.slug)}
      rel={rel}
      className={`group hover:border-accent-600 dark:hover:border-accent-400 block rounded-lg border border-zinc-200 p-4 dark:border-zinc-800 ${rel === 'next' ? 'text-right' : ''}`}
    >
      <span className="block text-xs text-zinc-500 dark:text-zinc-400">{rel === 'prev' ? '上一篇' : '下一篇'}</span>
      <span className="group-hover:text-accent-600 dark:group-hover:text-accent-400 mt-1 block font-medium">
        {article.title}
      </span>
    </Link>
  );
}

/** Newer/older links and related articles, below an article's body. */
export function ArticleFooter({ neighbours }: { neighbours: Neighbours }) {
  const { newer, older, related } = neighbours;
  return (
    <footer className="mt-10 space-y-8 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      {(newer || older) && (
        <nav aria-label="上一篇与下一篇" className="grid gap-4 sm:grid-cols-2">
          {older ? <NeighbourLink article={older} rel="prev" /> : <span />}
          {newer && <NeighbourLink article={newer} rel="next" />}
        </nav>
      )}
      {related.length > 0 && (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading" className="text-lg font-semibold">
            相关文章
          </h2>
          <ul className="mt-3 space-y-2">
            {related.map((a) => (
              <li key={a.slug} className="flex flex-wrap items-baseline justify-between gap-x-4">
                <Link
                  href={articleUrl(a.slug)}
                  className="hover:text-accent-600 dark:hover:text-accent-400 hover:underline"
                >
                  {a.title}
                </Link>
                <span className="text-sm text-zinc-500 dark:text-zinc-400">
                  <DateTime iso={a.date} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </footer>
  );
}
