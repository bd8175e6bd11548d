import { FrontPageListing } from '@/components/front-page-listing';
import { pageMetadata } from '@/lib/metadata/page-metadata';

export const metadata = pageMetadata({ path: '/' });

export default function HomePage() {
  return <FrontPageListing page={1} />;
}
