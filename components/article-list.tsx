import type { ArticleSummary } from '@/lib/content';
import { ArticleCard } from './article-card';

export function ArticleList({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) {
    return <p className="py-10 text-center text-zinc-600 dark:text-zinc-400">暂无文章。</p>;
  }
  return (
    <div>
      {articles.map((article, i) => (
        <ArticleCard key={article.slug} article={article} eagerImage={i < 2} />
      ))}
    </div>
  );
}
