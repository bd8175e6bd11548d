import { draftMode } from 'next/headers';
import { refererPath, sameSitePath } from '@/lib/preview/return-path';

/** Turns preview off and goes back to the page it was left from (`?to=/path`, else the Referer, else home). */
export async function GET(request: Request): Promise<Response> {
  (await draftMode()).disable();
  const params = new URL(request.url).searchParams;
  const target =
    sameSitePath(params.get('to')) ?? refererPath(request.headers.get('referer'), request.headers.get('host')) ?? '/';
  return new Response(null, { status: 307, headers: { Location: target, 'Cache-Control': 'no-store' } });
}
