import { feedResponse } from '@/lib/feeds/feed-response';

export const dynamic = 'force-static';

export function GET() {
  return feedResponse('atom');
}
