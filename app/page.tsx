import { Feed } from '@/components/feed';
import { pageMetadata } from '@/lib/metadata/page-metadata';

export const metadata = pageMetadata({ path: '/' });

export default function HomePage() {
  return <Feed page={1} />;
}
