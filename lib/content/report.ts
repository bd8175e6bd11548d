import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem } from './format-problem';
import { contentRoot } from './source';
import type { Problem } from './types';

/**
 * Each problem is logged once, not once per process: `next build` and `next start` (and the
 * build's workers) each read the content, so a production ledger on disk records what has been
 * logged. It lives in .next/, which every build starts afresh. A problem is new again when its
 * file changes, so an editor who saves a still-broken file sees the error again.
 */
type ReportState = { logged: Set<string>; summarized: boolean };
const state: ReportState = ((globalThis as { __newsContentReport?: ReportState }).__newsContentReport ??= {
  logged: new Set(),
  summarized: false,
});

const ledgerDir = () => path.join(/* turbopackIgnore: true */ process.cwd(), '.next', 'content-problems');

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
  if (process.env.NODE_ENV !== 'production') return true;
  try {
    fs.mkdirSync(/* turbopackIgnore: true */ ledgerDir(), { recursive: true });
    fs.writeFileSync(/* turbopackIgnore: true */ path.join(ledgerDir(), key), '', { flag: 'wx' });
    return true;
  } catch (error) {
    // EEXIST: another process logged it. Any other failure (a read-only deployment): log it here.
    return (error as NodeJS.ErrnoException).code !== 'EEXIST';
  }
}

/**
 * Logs the errors and warnings not logged before; notices are for `npm run check:content` only.
 * A process whose whole content index holds only known problems says so once (`summarizeKnown`).
 */
export function reportProblems(problems: readonly Problem[], { summarizeKnown = true } = {}): void {
  let fresh = 0;
  let known = 0;
  for (const problem of problems) {
    if (problem.severity === 'notice') continue;
    if (!firstSighting(problem)) {
      known++;
      continue;
    }
    fresh++;
    const line = `[content] ${problem.severity}: ${formatProblem(problem)}`;
    if (problem.severity === 'error') console.error(line);
    else console.warn(line);
  }
  if (summarizeKnown && fresh === 0 && known > 0 && !state.summarized) {
    state.summarized = true;
    console.warn(`[content] ${known} known problem(s) in the content, logged when first found; \`npm run check:content\` lists them again.`);
  }
}
