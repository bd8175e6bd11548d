import { getTagPage } from '@/lib/content';
import { tagUrl } from '@/lib/urls';
import { Breadcrumbs } from './breadcrumbs';
import { ListingPage } from './listing-page';
import { NotFoundPage } from './not-found-page';

export async function TagListing({ tag, page }: { tag: string; page: number }) {
  const listing = await getTagPage(tag, page);
  if (!listing) return <NotFoundPage />;
  return (
    <ListingPage
      heading={
        <>
          <Breadcrumbs
            items={[
              { name: '标签', href: '/tags' },
              { name: tag, href: page > 1 ? tagUrl(tag) : undefined },
            ]}
          />
          <h1 className="mt-3 text-2xl font-semibold">
            <span className="text-zinc-500 dark:text-zinc-400">#</span>
            {tag}
            <span className="ml-2 text-base font-normal text-zinc-500 dark:text-zinc-400">{listing.total} 篇</span>
          </h1>
        </>
      }
      page={listing}
      href={(p) => tagUrl(tag, p)}
    />
  );
}
