import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { ArticleFiles } from '@/lib/content/build-index';
import type { ArticleSummary } from '@/lib/content/types';

/** The content as the file system holds it now, and the reads of it under way, released by hand. */
const disk = { title: 'Old title' };
const gates: (() => void)[] = [];

vi.mock('@/lib/content/build-index', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/content/build-index')>();
  return {
    ...original,
    // A read takes its snapshot of the files at once, then waits: as a walk of many files would.
    readArticleFiles: async (): Promise<ArticleFiles> => {
      const summary: ArticleSummary = {
        slug: 'a',
        title: disk.title,
        date: '2021-01-01T00:00:00.000Z',
        categories: [],
        tags: [],
        excerpt: '',
        draft: true,
        file: 'a.md',
        format: 'html',
      };
      await new Promise<void>((resolve) => gates.push(resolve));
      return { summaries: [summary], problems: [], cache: new Map() };
    },
  };
});

const { getPreviewIndex } = await import('@/lib/content/store');

async function releaseAll() {
  for (let i = 0; i < 10; i++) {
    while (gates.length) gates.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('getPreviewIndex', () => {
  beforeEach(async () => {
    await releaseAll();
    disk.title = 'Old title';
  });

  test('lists drafts', async () => {
    const index = getPreviewIndex();
    await releaseAll();
    expect((await index).articles.map((a) => [a.slug, a.draft])).toEqual([['a', true]]);
  });

  test('a request after a save sees the save, even while a read from before it is under way', async () => {
    const before = getPreviewIndex();
    disk.title = 'New title';
    const after = getPreviewIndex();
    await releaseAll();
    expect((await before).articles[0]!.title).toBe('Old title');
    expect((await after).articles[0]!.title).toBe('New title');
  });

  test('requests arriving during a read share the one queued behind it', async () => {
    const first = getPreviewIndex();
    const second = getPreviewIndex();
    const third = getPreviewIndex();
    expect(third).toBe(second);
    await releaseAll();
    expect(await second).toBe(await third);
    expect(await first).not.toBe(await second);
  });
});
