import { Feed } from '@/components/feed';

export default function HomePage() {
  return <Feed page={1} />;
}
