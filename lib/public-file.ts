import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { safeDecode } from './content/slugs';

/**
 * Whether a URL path names a file in public/, which Next.js serves before any page. `next start`
 * and the standalone server both run in the folder that holds public/.
 */
export async function isPublicFile(
  pathname: string,
  root = path.join(/* turbopackIgnore: true */ process.cwd(), 'public'),
): Promise<boolean> {
  const file = path.join(/* turbopackIgnore: true */ root, ...pathname.split('/').map(safeDecode));
  if (!file.startsWith(root + path.sep)) return false;
  try {
    return (await fs.stat(/* turbopackIgnore: true */ file)).isFile();
  } catch {
    return false;
  }
}
