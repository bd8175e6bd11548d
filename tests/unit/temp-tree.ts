import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const tempDirs: string[] = [];

afterAll(async () => {
  for (const dir of tempDirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

/** A new empty folder, removed after the test file's tests. */
export async function makeTempDir(prefix = 'news-test-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Writes `files` (relative path → text or bytes) under `root`, creating folders. */
export async function writeTree(root: string, files: Record<string, string | Buffer>) {
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, relative);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, content);
  }
}

/** An article file's text: front matter lines, then the body. */
export const article = (fields: string, body = '<p>正文。</p>') => `---\n${fields}\n---\n${body}\n`;
