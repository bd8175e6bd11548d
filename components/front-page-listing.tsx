import { getFrontPage } from '@/lib/content';
import { frontPageUrl } from '@/lib/urls';
import { ListingPage } from './listing-page';
import { NotFoundPage } from './not-found-page';
import { withPage } from '@/lib/page-title';

export async function FrontPageListing({ page }: { page: number }) {
  const listing = await getFrontPage(page);
  if (!listing) return <NotFoundPage />;
  return (
    <ListingPage
      heading={<h1 className="text-xl font-semibold">{withPage('最新文章', page)}</h1>}
      page={listing}
      href={frontPageUrl}
    />
  );
}
