import Link from 'next/link';
import { articleUrl } from '@/lib/urls';

/** An article's title as the heading of a card or a search result, linking to the article. */
export function ArticleTitleLink({ slug, title, className }: { slug: string; title: string; className: string }) {
  return (
    <h2 className={className}>
      <Link href={articleUrl(slug)} className="hover:text-accent-600 dark:hover:text-accent-400 hover:underline">
        {title}
      </Link>
    </h2>
  );
}
