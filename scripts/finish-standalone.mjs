// After `next build`: when the build made a standalone server (NEXT_OUTPUT=standalone), puts into
// .next/standalone what Next.js leaves out of it, so that the folder runs as it is, anywhere:
// public/, the static assets, and the content index the build made (the server would otherwise
// read every article again when it starts). Does nothing for a normal build.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, process.env.NEXT_DIST_DIR || '.next');
const standalone = path.join(dist, 'standalone');

if (existsSync(standalone)) {
  cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });
  cpSync(path.join(dist, 'static'), path.join(standalone, path.basename(dist), 'static'), { recursive: true });
  const index = path.join(dist, 'cache', 'content', 'index.db');
  if (process.env.CONTENT_INDEX) {
    console.log(
      `finish-standalone: CONTENT_INDEX is set; the standalone server uses ${process.env.CONTENT_INDEX} as it is`,
    );
  } else if (existsSync(index)) {
    const copy = path.join(standalone, path.basename(dist), 'cache', 'content', 'index.db');
    mkdirSync(path.dirname(copy), { recursive: true });
    rmSync(copy, { force: true });
    // A consistent, compacted copy, whatever the index's journal holds.
    const db = new DatabaseSync(index, { readOnly: true });
    db.prepare('VACUUM INTO ?').run(copy);
    db.close();
  }
  console.log(
    `finish-standalone: ${path.relative(root, standalone)} has public/, the static assets and the content index`,
  );
}
