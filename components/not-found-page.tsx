import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { isPreview } from '@/lib/content';
import { NotFoundMessage } from './not-found-message';

async function NotFoundSignal(): Promise<never> {
  notFound();
}

/**
 * A page's answer when what its address names does not exist: a 404 with the not-found message
 * in the HTML. Pages return this instead of calling notFound() themselves: a production build of
 * Next.js 16 answers a page's notFound() with an empty document that only JavaScript fills in
 * (vercel/next.js#62228), so readers without JavaScript saw a blank page. Thrown inside a
 * Suspense boundary, the same 404 (status, noindex) keeps the layout and this fallback in the
 * HTML, and with JavaScript the client shows app/not-found.tsx in its place, the same message.
 * That needs a page rendered whole before it is sent (at build time, or on its first request and
 * then kept): a page streamed per request, as in `next dev` and in preview, would have sent its
 * 200 already, so there notFound() is thrown as usual.
 */
export async function NotFoundPage() {
  if (process.env.NODE_ENV === 'development' || (await isPreview())) notFound();
  return (
    <Suspense fallback={<NotFoundMessage />}>
      <NotFoundSignal />
    </Suspense>
  );
}
