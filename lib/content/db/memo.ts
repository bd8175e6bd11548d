import type { View } from '../current-index';

type Memo = { generation: string; values: Map<string, unknown> };
const memo: Memo = ((globalThis as { __newsContentMemo?: Memo }).__newsContentMemo ??= { generation: '', values: new Map() });

/**
 * A value derived from the whole index (the category tree, the tag counts, the archive), computed
 * once per generation of the index: a page asks for them on every render, and they only change
 * when the content does.
 */
export function memoized<T>(view: View, key: string, compute: () => T): T {
  if (memo.generation !== view.generation) {
    memo.generation = view.generation;
    memo.values.clear();
  }
  const full = `${view.withDrafts ? 'all' : 'published'}\u0000${key}`;
  if (!memo.values.has(full)) memo.values.set(full, compute());
  return memo.values.get(full) as T;
}
