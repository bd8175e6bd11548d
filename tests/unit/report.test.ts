import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Problem } from '@/lib/content/types';
import { makeTempDir, writeTree } from './temp-tree';

let root: string;
vi.mock('@/lib/content/source', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/content/source')>()),
  contentRoot: () => root,
}));
const { reportProblems } = await import('@/lib/content/report');

const problem = (overrides: Partial<Problem> = {}): Problem => ({
  file: 'a.md',
  severity: 'error',
  kind: 'yaml',
  line: 3,
  reason: 'front matter is not valid YAML: x',
  ...overrides,
});

describe('reportProblems', () => {
  const logs: string[] = [];
  beforeAll(async () => {
    root = await makeTempDir('news-report-');
    await writeTree(root, { 'a.md': 'one', 'b.md': 'two', 'c.md': 'three', 'd.md': 'four' });
    vi.spyOn(console, 'error').mockImplementation((line: string) => void logs.push(line));
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void logs.push(line));
  });
  afterEach(() => void logs.splice(0));

  // Each test has files of its own: what one logged is never another's precondition.
  test('logs each error and warning with its file, line and reason', () => {
    reportProblems([
      problem({ file: 'a.md' }),
      problem({ file: 'b.md', severity: 'warning', kind: 'title', line: undefined, reason: 'no title' }),
    ]);
    expect(logs).toEqual([
      '[content] error: a.md:3: front matter is not valid YAML: x',
      '[content] warning: b.md: no title',
    ]);
  });

  test('the same problem again, even as a new object, is not logged again', () => {
    reportProblems([problem({ file: 'c.md' })]);
    reportProblems([problem({ file: 'c.md' }), problem({ file: 'c.md' })]);
    expect(logs).toEqual(['[content] error: c.md:3: front matter is not valid YAML: x']);
  });

  test('once its file changes, a problem still there is logged again', async () => {
    reportProblems([problem({ file: 'd.md' })]);
    const later = new Date(Date.now() + 5000);
    await fs.utimes(path.join(root, 'd.md'), later, later);
    reportProblems([problem({ file: 'd.md' })]);
    expect(logs).toEqual([
      '[content] error: d.md:3: front matter is not valid YAML: x',
      '[content] error: d.md:3: front matter is not valid YAML: x',
    ]);
  });

  test('notices are never logged', () => {
    reportProblems([problem({ severity: 'notice', kind: 'date-zone', reason: 'date has no time zone' })]);
    expect(logs).toEqual([]);
  });
});
