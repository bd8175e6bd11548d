import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { isPublicFile } from '@/lib/public-file';
import { makeTempDir, writeTree } from './temp-tree';

let root: string;

beforeAll(async () => {
  const dir = await makeTempDir('public-file-');
  root = path.join(dir, 'public');
  await writeTree(dir, { 'public/old/name.html': 'x', 'public/图片/重庆.html': 'x', 'secret.html': 'x' });
});

test('a file in public/, by its URL path, raw or percent-encoded', async () => {
  expect(await isPublicFile('/old/name.html', root)).toBe(true);
  expect(await isPublicFile('/图片/重庆.html', root)).toBe(true);
  expect(await isPublicFile(`/${encodeURIComponent('图片')}/${encodeURIComponent('重庆')}.html`, root)).toBe(true);
});

test('not a folder, a missing file, or anything outside public/', async () => {
  expect(await isPublicFile('/old', root)).toBe(false);
  expect(await isPublicFile('/old/', root)).toBe(false);
  expect(await isPublicFile('/old/other.html', root)).toBe(false);
  expect(await isPublicFile('/../secret.html', root)).toBe(false);
  expect(await isPublicFile('/%2E%2E/secret.html', root)).toBe(false);
  expect(await isPublicFile('/', root)).toBe(false);
});
