import { revalidateSecret } from '@/lib/config';
import { refreshContent } from '@/lib/content/store';
import { hookRequest } from '@/lib/content/live/hook-paths';
import { internalToken, revalidateLoggedChanges } from '@/lib/content/live/revalidate-changes';
import { matchesSecret } from '@/lib/preview/secret';
import { checkSecret } from '@/lib/secret-attempts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

// 10,000 paths of 100 characters.
const MAX_BODY_BYTES = 1024 * 1024;

const bearer = (request: Request) =>
  request.headers
    .get('authorization')
    ?.match(/^Bearer\s+(.+)$/i)?.[1]
    ?.trim() ?? null;

/**
 * `POST /api/revalidate` with `Authorization: Bearer REVALIDATE_SECRET`: the content folder (or the
 * paths the body names, lib/content/live/hook-paths.ts) is checked now (only changed files are read)
 * and the pages of what changed are refreshed. Answers with what changed. Concurrent calls share one check. The server's own file watcher calls it too,
 * with a token that never leaves the process, to refresh pages (Next.js revalidates only inside a request).
 */
export async function POST(request: Request): Promise<Response> {
  if (matchesSecret(request.headers.get('x-content-internal'), internalToken())) {
    return json(200, await revalidateLoggedChanges());
  }
  if (!revalidateSecret) return json(404, { error: 'REVALIDATE_SECRET is not set on this server.' });
  const check = checkSecret(request, bearer(request), revalidateSecret);
  if (typeof check === 'object') {
    const error = `Too many wrong secrets: try again in ${check.retryAfter} s.`;
    return json(429, { error }, { 'Retry-After': String(check.retryAfter) });
  }
  if (check === 'wrong') return json(401, { error: 'Wrong or missing secret.' });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES)
    return json(413, { error: 'The body is over 1 MB.' });
  const asked = hookRequest(await request.text());
  if ('error' in asked) return json(400, { error: asked.error });
  const { added, changed, removed } = await refreshContent(asked.paths ?? undefined);
  const revalidated = await revalidateLoggedChanges();
  return json(200, { added, changed, removed, revalidated });
}
