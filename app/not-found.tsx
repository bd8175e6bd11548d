import { NotFoundMessage } from '@/components/not-found-message';
import { NOT_FOUND_METADATA } from '@/lib/metadata/page-metadata';

export const metadata = NOT_FOUND_METADATA;

export default function NotFound() {
  return <NotFoundMessage />;
}
