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
const logged: Set<string> = ((globalThis as { __newsContentLogged?: Set<string> }).__newsContentLogged ??= new Set());

function ledgerDir(): string | null {
  if (process.env.NODE_ENV === 'production') {
    return path.join(/* turbopackIgnore: true */ process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'content-problems');
  }
  if (process.env.NODE_ENV === 'development') {
    const session = (process.env.NEWS_CONTENT_REPORT_SESSION ??= `${process.pid}-${Date.now()}`);
    return path.join(os.tmpdir(), `news-content-problems-${session}`);
  }
  return null;
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
  if (logged.has(key)) return false;
  logged.add(key);
  const dir = ledgerDir();
  if (!dir) return true;
  try {
    fs.mkdirSync(/* turbopackIgnore: true */ dir, { recursive: true });
    fs.writeFileSync(/* turbopackIgnore: true */ path.join(dir, key), '', { flag: 'wx' });
    return true;
  } catch (error) {
    // EEXIST: another process logged it. Any other failure (a read-only deployment): log it here.
    return (error as NodeJS.ErrnoException).code !== 'EEXIST';
  }
}

/** Logs the errors and warnings not logged before; notices are for `npm run check:content` only. */
export function reportProblems(problems: readonly Problem[]): void {
  for (const problem of problems) {
    if (problem.severity === 'notice' || !firstSighting(problem)) continue;
    const line = `[content] ${problem.severity}: ${formatProblem(problem)}`;
    if (problem.severity === 'error') console.error(line);
    else console.warn(line);
  }
}
