import type { ArticleSummary } from '@/lib/content';
import { CategoryPath } from './category-path';
import { DateTime } from './date-time';
import { DraftBadge } from './draft-badge';

/** Date, author and categories of an article, as one line of small text. */
export function ArticleMeta({ article, withTime = false }: { article: ArticleSummary; withTime?: boolean }) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
      {article.draft && <DraftBadge />}
      <span>
        <span className="sr-only">发布于 </span>
        <DateTime iso={article.date} withTime={withTime} />
      </span>
      {withTime && article.updated && article.updated > article.date && (
        <span>
          更新于 <DateTime iso={article.updated} withTime />
        </span>
      )}
      {article.author && (
        <span>
          <span className="sr-only">作者 </span>
          {article.author}
        </span>
      )}
      {article.categories.map((path, i) => (
        <CategoryPath key={i} path={path} />
      ))}
    </p>
  );
}
