/** Files read at once: enough to keep the disk busy, few enough to bound memory. */
export const READ_CONCURRENCY = 32;

/** Runs `task` for each item, `limit` at a time, each next item started as soon as one finishes. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
