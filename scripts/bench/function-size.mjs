// What a serverless function of the build would weigh on Vercel, whose limit is 250 MB
// uncompressed: the files Next.js traced for the article page's function (its own code, the
// chunks and node_modules it loads), plus the content folder and the content index, which a Vercel
// deployment traces in too (next.config.js's outputFileTracingIncludes). The benchmark keeps both
// outside the project, where nothing traces them, so they are added here.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const ARTICLE_FUNCTION = 'server/app/posts/[...slug]/page.js';
// Next.js's own server, which every function carries with the page's files.
const SERVER_TRACE = 'next-server.js.nft.json';

async function folderBytes(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** { codeBytes, contentBytes, indexBytes, totalBytes } for the build in distDir. */
export async function functionSize(distDir, contentDir, indexFile) {
  const entry = path.join(distDir, ARTICLE_FUNCTION);
  const files = new Set([entry]);
  for (const trace of [`${entry}.nft.json`, path.join(distDir, SERVER_TRACE)]) {
    const listed = JSON.parse(await readFile(trace, 'utf8')).files;
    for (const file of listed) files.add(path.resolve(path.dirname(trace), file));
  }
  let codeBytes = 0;
  for (const file of files) {
    // Only the code: the content and its index are counted from their folders, wherever they are.
    if (file.startsWith(path.resolve(contentDir)) || file.endsWith('.db')) continue;
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) codeBytes += info.size;
  }
  const contentBytes = await folderBytes(contentDir);
  const indexBytes = (await stat(indexFile)).size;
  return { codeBytes, contentBytes, indexBytes, totalBytes: codeBytes + contentBytes + indexBytes };
}
