import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SyncResult } from '@/lib/content/sync/sync-content';

/** The folder as the file system holds it now, and the syncs under way, released by hand. */
const disk = { title: 'Old title' };
const gates: (() => void)[] = [];

vi.mock('@/lib/content/sync/sync-content', () => ({
  // A sync takes its snapshot of the files at once, then waits: as a walk of many files would.
  syncContent: async (): Promise<SyncResult> => {
    const seen = disk.title;
    await new Promise<void>((resolve) => gates.push(resolve));
    return { added: [{ file: 'a.md', slug: seen }], changed: [], removed: [], seq: null, problems: [], unsettled: 0 };
  },
}));

const { contentDb, refreshContent } = await import('@/lib/content/store');

async function releaseAll() {
  for (let i = 0; i < 10; i++) {
    while (gates.length) gates.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('refreshContent', () => {
  beforeAll(async () => {
    const opened = contentDb();
    await releaseAll();
    await opened;
  });

  beforeEach(async () => {
    await releaseAll();
    disk.title = 'Old title';
  });

  test('a call after a save sees the save, even while a sync from before it is under way', async () => {
    const before = refreshContent();
    // The first sync has taken its snapshot and is reading.
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    disk.title = 'New title';
    const after = refreshContent();
    await releaseAll();
    expect((await before).added[0]!.slug).toBe('Old title');
    expect((await after).added[0]!.slug).toBe('New title');
  });

  test('calls arriving during a sync share the one queued behind it', async () => {
    const first = refreshContent();
    const second = refreshContent();
    const third = refreshContent(['a.md']);
    expect(third).toBe(second);
    await releaseAll();
    expect(await second).toBe(await third);
    expect(await first).not.toBe(await second);
  });
});
