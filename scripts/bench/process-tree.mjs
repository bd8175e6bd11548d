// Memory of a whole process tree, read from /proc (Linux): `next build` and `next start` fork
// workers, so the figure that matters is the sum over the tree, not the parent's own.
import { readdir, readFile } from 'node:fs/promises';

/** pid -> { ppid, pgrp } for every process visible in /proc. */
async function processTable() {
  const table = new Map();
  const names = await readdir('/proc').catch(() => []);
  await Promise.all(
    names.map(async (name) => {
      if (!/^\d+$/.test(name)) return;
      try {
        const stat = await readFile(`/proc/${name}/stat`, 'utf8');
        // The command name (field 2) may hold spaces and parentheses: read after the last ')'.
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        table.set(Number(name), { ppid: Number(rest[1]), pgrp: Number(rest[2]) });
      } catch {
        /* gone meanwhile */
      }
    }),
  );
  return table;
}

/** root, its descendants, and whatever is left in root's process group (re-parented orphans). */
function treePids(table, root) {
  const children = new Map();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out = new Set();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    if (out.has(pid)) continue;
    if (table.has(pid)) out.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  for (const [pid, { pgrp }] of table) if (pgrp === root) out.add(pid);
  return out;
}

async function rssKiB(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0; // zombies have none
  } catch {
    return 0;
  }
}

/** Resident memory (bytes) summed over the tree rooted at pid, and how many processes it has. */
export async function treeRss(root) {
  const pids = [...treePids(await processTable(), root)];
  const kib = await Promise.all(pids.map(rssKiB));
  return { bytes: kib.reduce((a, b) => a + b, 0) * 1024, processes: pids.length };
}

/** Samples the tree's memory every intervalMs until stop(), which resolves to the peak. */
export function sampleTreeRss(root, intervalMs = 200) {
  let peak = 0;
  let processes = 0;
  let stopped = false;
  let timer;
  let pending = Promise.resolve();
  const tick = () => {
    pending = treeRss(root).then((sample) => {
      peak = Math.max(peak, sample.bytes);
      processes = Math.max(processes, sample.processes);
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pending;
      return { peak, processes };
    },
  };
}
