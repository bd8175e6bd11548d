import type { SearchResult as Result } from '@/lib/search';
import { ArticleMeta } from './article-meta';
import { ArticleTitleLink } from './article-title-link';

/** One search hit: its title, where the query matched (marked, as text) and its date and categories. */
export function SearchResult({ result: { article, snippet } }: { result: Result }) {
  return (
    <article className="lazy-render border-b border-zinc-200 py-5 last:border-b-0 dark:border-zinc-800">
      <ArticleTitleLink slug={article.slug} title={article.title} className="text-lg leading-snug font-semibold" />
      {snippet && (
        <p className="mt-2 text-[0.95rem] leading-relaxed break-words text-zinc-700 dark:text-zinc-300">
          {snippet.map((part, i) =>
            part.mark ? (
              <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-700/60">
                {part.text}
              </mark>
            ) : (
              part.text
            ),
          )}
        </p>
      )}
      <div className="mt-3">
        <ArticleMeta article={article} />
      </div>
    </article>
  );
}
