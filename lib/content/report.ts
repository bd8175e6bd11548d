import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatProblem } from './format-problem';
import { contentRoot } from './source';
import type { Problem } from './types';

/**
 * Each problem is logged once, not once per process. `next build` and `next start` each read the
 * content, and so do the build's workers and the worker `next dev` starts for each
 * generateStaticParams call. A ledger on disk records what has been logged: in production, in the
 * build folder, which every build starts afresh; in development, one per `next dev` run (its
 * workers inherit the session variable). A problem is new again when its file changes, so an
 * editor who saves a still-broken file sees the error again.
 */
type ReportState = { logged: Set<string>; seen: WeakSet<Problem> };
const state: ReportState = ((globalThis as { __newsContentReport?: ReportState }).__newsContentReport ??= {
  logged: new Set(),
  seen: new WeakSet(),
});

const DEV_LEDGER_PREFIX = 'news-content-problems-';
// Set as soon as the dev server loads this module (at boot, by instrumentation.ts), before it forks
// any worker: a worker that made its own session would log everything again.
if (process.env.NODE_ENV === 'development') process.env.NEWS_CONTENT_REPORT_SESSION ??= `${process.pid}-${Date.now()}`;

function ledgerDir(): string | null {
  if (process.env.NODE_ENV === 'production') {
    return path.join(/* turbopackIgnore: true */ process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'content-problems');
  }
  const session = process.env.NEWS_CONTENT_REPORT_SESSION;
  return process.env.NODE_ENV === 'development' && session
    ? path.join(os.tmpdir(), `${DEV_LEDGER_PREFIX}${session}`)
    : null;
}

/** Development ledgers of earlier `next dev` runs, a day old or more, are removed when a run starts its own. */
function removeOldDevLedgers() {
  const cutoff = Date.now() - 24 * 60 * 60 * 1000;
  try {
    for (const name of fs.readdirSync(os.tmpdir())) {
      if (!name.startsWith(DEV_LEDGER_PREFIX)) continue;
      const dir = path.join(os.tmpdir(), name);
      if (fs.statSync(dir).mtimeMs < cutoff) fs.rmSync(dir, { recursive: true, force: true });
    }
  } catch {
    // Housekeeping only.
  }
}

function fileVersion(file: string): string {
  try {
    const stat = fs.lstatSync(/* turbopackIgnore: true */ path.join(contentRoot(), file));
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return '';
  }
}

/** True the first time any process sees this problem in this state of its file. */
function firstSighting(problem: Problem): boolean {
  const key = createHash('sha1')
    .update([problem.file, problem.line ?? '', problem.reason, fileVersion(problem.file)].join('\u0000'))
    .digest('hex');
  if (state.logged.has(key)) return false;
  state.logged.add(key);
  const dir = ledgerDir();
  if (!dir) return true;
  try {
    if (process.env.NODE_ENV === 'development' && !fs.existsSync(/* turbopackIgnore: true */ dir)) removeOldDevLedgers();
    fs.mkdirSync(/* turbopackIgnore: true */ dir, { recursive: true });
    fs.writeFileSync(path.join(/* turbopackIgnore: true */ dir, key), '', { flag: 'wx' });
    return true;
  } catch (error) {
    // EEXIST: another process logged it. Any other failure (a read-only deployment): log it here.
    return (error as NodeJS.ErrnoException).code !== 'EEXIST';
  }
}

/** Logs the errors and warnings not logged before; notices are for `npm run check:content` only. */
export function reportProblems(problems: readonly Problem[]): void {
  for (const problem of problems) {
    // Problems of unchanged files are the same objects on every preview re-index: skip them cheaply.
    if (problem.severity === 'notice' || state.seen.has(problem)) continue;
    state.seen.add(problem);
    if (!firstSighting(problem)) continue;
    const line = `[content] ${problem.severity}: ${formatProblem(problem)}`;
    if (problem.severity === 'error') console.error(line);
    else console.warn(line);
  }
}
