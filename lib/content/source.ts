import 'server-only';
import path from 'node:path';
import { siteConfig } from '../config';

export type { SourceFile } from './list-files.mjs';
export { ContentFolderError } from './list-files.mjs';

export function contentRoot(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), siteConfig.contentDir);
}

