// Run by watch-content.test.ts inside `unshare --user`, with inotify limits lowered for this
// process alone: watches ROOT, prints what happened as JSON, and must then exit by itself.
// With LATER=1 the watch limit is lowered only once the watch is ready, then new folders need more.
import fs from 'node:fs/promises';
import path from 'node:path';
import { watchContent } from '../../lib/content/live/watch-content';

const root = process.argv[2]!;
const failures: string[] = [];
let ready = false;
let readyBeforeFailure = false;
const watch = watchContent(root, {
  settleMs: 50,
  onPaths: () => {},
  onFailure: (reason) => void failures.push(reason),
});

async function inotifyWatches() {
  let count = 0;
  for (const fd of await fs.readdir('/proc/self/fd')) {
    const link = await fs.readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (link !== 'anon_inode:inotify') continue;
    const info = await fs.readFile(`/proc/self/fdinfo/${fd}`, 'utf8');
    count += info.split('\n').filter((line) => line.startsWith('inotify wd:')).length;
  }
  return count;
}

async function main() {
  await watch.ready;
  ready = true;
  readyBeforeFailure = failures.length === 0;
  if (process.env.LATER) {
    await fs.writeFile('/proc/sys/user/max_inotify_watches', String(await inotifyWatches()));
    for (let i = 0; i < 5; i++) await fs.mkdir(path.join(root, `later-${i}`, 'deeper'), { recursive: true });
  }
  for (let waited = 0; failures.length === 0 && waited < 10_000; waited += 20)
    await new Promise((r) => setTimeout(r, 20));
  // More folders after the failure must not call onFailure again.
  for (let i = 0; i < 3; i++) await fs.mkdir(path.join(root, `after-${i}`), { recursive: true });
  await new Promise((r) => setTimeout(r, 200));
  await watch.close();
  process.stdout.write(JSON.stringify({ ready, readyBeforeFailure, failures }));
}

void main();
