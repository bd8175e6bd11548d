import { fileResponse } from '@/lib/assets/file-response';
import { findAsset } from '@/lib/content';
import { notFoundResponse } from '@/lib/not-found-response';

// Images, audio, video and PDFs of the content folder: next.config.js rewrites every such path that
// no file of public/ and no static route answers here (see resolveAsset for what each path means).
const PUBLISHED = 'public, max-age=604800';
// A draft's asset, seen in preview, is cached by no one, as preview pages are not.
const DRAFT = 'private, no-cache, no-store, max-age=0, must-revalidate';

async function serve(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const found = await findAsset((await params).path);
  if (!found) return notFoundResponse();
  if (found.kind === 'moved') return new Response(null, { status: 308, headers: { Location: found.location } });
  return fileResponse(request, found.file, found.draft ? DRAFT : PUBLISHED);
}

export const GET = serve;
export const HEAD = serve;
