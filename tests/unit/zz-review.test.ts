import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test, vi } from 'vitest';
import { article, makeTempDir, writeTree } from './temp-tree';

let gate: Promise<void> | null = null;
let reached: () => void = () => {};
vi.mock('@/lib/content/build-index', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/content/build-index')>();
  return {
    ...real,
    readArticleFiles: async (...args: Parameters<typeof real.readArticleFiles>) => {
      const files = await real.readArticleFiles(...args);
      if (gate) { reached(); await gate; }
      return files;
    },
  };
});

test('a save during an in-flight preview re-index is not seen by the reload that follows it', async () => {
  const root = await makeTempDir('zz-review-');
  await writeTree(root, { 'a.md': article("title: 'Old title'\ndate: 2021-01-01T00:00:00Z") });
  vi.stubEnv('CONTENT_DIR', root);
  vi.resetModules();
  const { getPreviewIndex } = await import('@/lib/content/store');

  let release!: () => void;
  gate = new Promise<void>((r) => (release = r));
  const statDone = new Promise<void>((r) => (reached = r));
  const first = getPreviewIndex(); // e.g. a prefetch, or another editor's request
  await statDone; // it has stat'ed and read a.md
  // The editor saves...
  await fs.writeFile(path.join(root, 'a.md'), article("title: 'New title'\ndate: 2021-01-01T00:00:00Z"));
  // ...and reloads: this request starts after the save.
  const reload = getPreviewIndex();
  gate = null;
  release();
  await first;
  const seen = (await reload).articles[0]!.title;
  console.log('reload after save sees:', seen);
  // And a later one does see it:
  console.log('next request sees:', (await getPreviewIndex()).articles[0]!.title);
  expect(seen).toBe('Old title');
});
