export type PathSettler = {
  /** Notes that `path` changed (a folder's path ends with `/`). */
  touch(path: string): void;
  /** Drops what is waiting, and resolves once a batch being handed on is done with. */
  close(): Promise<void>;
};

/**
 * Hands changed paths on in batches, each path once it has not changed for `settleMs`, so that
 * a file still being written (an importer, a slow copy) is not handed on half. A change inside a
 * folder that is itself waiting keeps the folder waiting, so a folder copied or checked out in
 * one go settles as a whole; the paths under a folder handed on in the same batch are left out
 * (the folder stands for its subtree). While the whole tree keeps changing, what has settled is
 * handed on at least every `maxWaitMs`. One batch is handed on at a time: what settles meanwhile
 * waits for it, then goes as one batch.
 */
export function settlePaths(
  settleMs: number,
  handOn: (paths: string[]) => void | Promise<void>,
  onHandOnError: (error: unknown) => void,
): PathSettler {
  const maxWaitMs = Math.max(1000, 4 * settleMs);
  const waiting = new Map<string, number>();
  let outbox = new Set<string>();
  let lastChange = 0;
  let oldestWait = 0;
  let timer: NodeJS.Timeout | undefined;
  let handing: Promise<void> | undefined;
  let closed = false;

  const arm = (delay: number) => {
    timer = setTimeout(check, Math.max(1, delay));
  };

  function check() {
    timer = undefined;
    const now = performance.now();
    const due = Math.min(lastChange + settleMs, oldestWait + maxWaitMs);
    if (now < due) return arm(due - now);
    for (const [path, changed] of waiting) {
      if (now - changed < settleMs) continue;
      outbox.add(path);
      waiting.delete(path);
    }
    oldestWait = now;
    if (waiting.size > 0) arm(Math.min(lastChange + settleMs, oldestWait + maxWaitMs) - now);
    pump();
  }

  function pump() {
    if (closed || handing || outbox.size === 0) return;
    const batch = withoutCovered(outbox);
    outbox = new Set();
    handing = (async () => {
      try {
        await handOn(batch);
      } catch (error) {
        onHandOnError(error);
      }
    })().finally(() => {
      handing = undefined;
      pump();
    });
  }

  return {
    touch(path) {
      if (closed) return;
      const now = performance.now();
      if (waiting.size === 0) oldestWait = now;
      waiting.set(path, now);
      for (const folder of ancestors(path)) if (waiting.has(folder)) waiting.set(folder, now);
      lastChange = now;
      if (!timer) arm(settleMs);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      waiting.clear();
      outbox.clear();
      await handing;
    },
  };
}

/** `a/b/c.md` → `a/b/`, `a/`. */
function* ancestors(path: string): Generator<string> {
  for (let slash = path.lastIndexOf('/', path.length - 2); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
    yield path.slice(0, slash + 1);
  }
}

function withoutCovered(paths: Set<string>): string[] {
  const covered = (path: string) => {
    for (const folder of ancestors(path)) if (paths.has(folder)) return true;
    return false;
  };
  return [...paths].filter((path) => !covered(path)).sort();
}
