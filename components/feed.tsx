import { getFeedPage } from '@/lib/content';
import { feedUrl } from '@/lib/urls';
import { ListingPage } from './listing-page';
import { NotFoundPage } from './not-found-page';

export async function Feed({ page }: { page: number }) {
  const listing = await getFeedPage(page);
  if (!listing) return <NotFoundPage />;
  return (
    <ListingPage
      heading={<h1 className="text-xl font-semibold">{page === 1 ? '最新文章' : `最新文章 · 第 ${page} 页`}</h1>}
      page={listing}
      href={feedUrl}
    />
  );
}
