import type { ArticleSummary } from '@/lib/content';
import { ArticleMeta } from './article-meta';
import { ArticleTitleLink } from './article-title-link';
import { LeadImage } from './lead-image';

export function ArticleCard({ article, eagerImage = false }: { article: ArticleSummary; eagerImage?: boolean }) {
  return (
    <article className="lazy-render flex gap-4 border-b border-zinc-200 py-5 last:border-b-0 sm:gap-6 dark:border-zinc-800">
      <div className="min-w-0 flex-1">
        <ArticleTitleLink
          slug={article.slug}
          title={article.title}
          className="text-lg leading-snug font-semibold sm:text-xl"
        />
        {article.excerpt && (
          <p className="mt-2 line-clamp-3 text-[0.95rem] leading-relaxed text-zinc-700 dark:text-zinc-300">
            {article.excerpt}
          </p>
        )}
        <div className="mt-3">
          <ArticleMeta article={article} />
        </div>
      </div>
      {article.image && (
        <LeadImage
          src={article.image}
          eager={eagerImage}
          width={240}
          height={160}
          className="mt-1 aspect-[3/2] h-auto w-24 shrink-0 rounded-md sm:w-40 md:w-48"
        />
      )}
    </article>
  );
}
