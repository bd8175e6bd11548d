/**
 * A document's key, the rowid of its row in search_index: its minute of publication, a slot among
 * the documents of that minute, and a draft bit. FTS5 reads a term's documents in key order, so
 * "the newest N matches" is a LIMIT that stops early, recency is read from the key, and drafts are
 * filtered without a join. Keys close in time are close in value, which keeps FTS5's delta-encoded
 * rowids small (seconds would cost about 15% more index).
 */
const SLOTS = 32;
const DRAFT = 1;

export const keyOf = (dateMs: number, draft: boolean, slot: number) =>
  Math.floor(dateMs / 60_000) * SLOTS * 2 + (slot % SLOTS) * 2 + (draft ? DRAFT : 0);

/** The next key after `key` with the same draft bit: where a minute's documents spill when its slots are taken. */
export const nextKey = (key: number) => key + 2;

/** Mask of the key bits that say "draft": a query without drafts asks for (key & mask) = 0. */
export const DRAFT_MASK = DRAFT;
