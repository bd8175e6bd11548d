// After `next build`: when the build made a standalone server (NEXT_OUTPUT=standalone), puts into
// .next/standalone what Next.js leaves out of it, so that the folder runs as it is, anywhere:
// public/ and the static assets (the content folder and its index are traced in: next.config.js).
// Does nothing for a normal build.
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, process.env.NEXT_DIST_DIR || '.next');
const standalone = path.join(dist, 'standalone');

if (existsSync(standalone)) {
  cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });
  cpSync(path.join(dist, 'static'), path.join(standalone, path.basename(dist), 'static'), { recursive: true });
  console.log(`finish-standalone: ${path.relative(root, standalone)} has public/ and the static assets`);
}
