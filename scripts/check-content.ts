// Checks every article of a content folder and reports each problem with its file, line and reason.
// Usage: npm run check:content [-- [DIR] [--json] [--strict] [--verbose]]
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ContentReport } from '../lib/content/check/check-content';
import { formatProblem } from '../lib/content/format-problem';
import type { Problem, Severity } from '../lib/content/types';

const USAGE = `Usage: npm run check:content [-- [DIR] [--json] [--strict] [--verbose]]
  DIR        the content folder (default: CONTENT_DIR, else ./content)
  --json     print the whole report as JSON on stdout, for CI and other tools
  --strict   exit non-zero on warnings too, not only on errors
  --verbose  list every notice (dates read in SITE_TIMEZONE, presentational markup removed)`;

function fail(message: string): never {
  console.error(`check:content: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.positionals.length > 1) fail('give at most one content folder');

// The folder given replaces CONTENT_DIR before the configuration is read, so that the Hexo site's
// _config.yml beside it is the one that sets the time zone and the permalink pattern.
if (args.positionals[0] !== undefined) process.env.CONTENT_DIR = args.positionals[0];
const { json, strict, verbose } = args.values;

/** Progress goes to stderr, so `--json > report.json` stays clean: live on a terminal, every quarter otherwise. */
function progress(): ((done: number, total: number) => void) | undefined {
  let lastQuarter = 0;
  let lastDraw = 0;
  return (done, total) => {
    if (total < 1000) return;
    if (process.stderr.isTTY) {
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      process.stderr.write(`\rchecking ${done}/${total} articles…${done === total ? '\n' : ''}`);
    } else if (Math.floor((done / total) * 4) > lastQuarter) {
      lastQuarter = Math.floor((done / total) * 4);
      process.stderr.write(`checked ${done}/${total} articles\n`);
    }
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function printText(report: ContentReport, seconds: number) {
  const shown = report.problems.filter((p) => verbose || p.severity !== 'notice');
  const order: Severity[] = ['error', 'warning', 'notice'];
  for (const severity of order) {
    for (const problem of shown.filter((p: Problem) => p.severity === severity)) {
      console.log(`${severity}: ${formatProblem(problem)}`);
    }
  }
  const { bySeverity, byKind, removed } = report;
  if (shown.length > 0) console.log('');
  console.log(`Checked ${count(report.files, 'file')} in ${report.root} in ${seconds.toFixed(1)} s`);
  console.log(
    `  ${count(report.articles, 'article')}, ${count(report.drafts, 'draft')}, ${count(report.categories, 'category', 'categories')}, ${count(report.tags, 'tag')}`,
  );
  console.log(
    `  ${count(bySeverity.error, 'error')}, ${count(bySeverity.warning, 'warning')}, ${count(bySeverity.notice, 'notice')}`,
  );
  const kinds = Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b));
  if (kinds.length > 0) console.log(`  by kind: ${kinds.map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  if (removed.articles > 0) {
    console.log(
      `  sanitizing removed ${count(removed.elements, 'element')}, ${count(removed.attributes, 'attribute')} and ${count(removed.urls, 'URL')} from ${count(removed.articles, 'article')}`,
    );
  }
  if (!verbose && bySeverity.notice > 0) console.log('  notices are not listed: add --verbose to see them');
}

async function main() {
  const started = performance.now();
  let config;
  try {
    config = await import('../lib/config');
  } catch (error) {
    console.error(`check:content: ${(error as Error).message}`);
    process.exit(2);
  }
  const { siteConfig, configLog } = config;
  // stderr, as the progress: `--json` output stays clean.
  for (const line of configLog) console.error(line);
  const { checkContent } = await import('../lib/content/check/check-content');
  const { ContentFolderError } = await import('../lib/content/source');
  const root = path.resolve(siteConfig.contentDir);
  try {
    const report = await checkContent(root, {
      timeZone: siteConfig.timeZone,
      publicDir: path.resolve('public'),
      contentDir: root,
      onProgress: progress(),
    });
    const seconds = (performance.now() - started) / 1000;
    if (json) console.log(JSON.stringify({ ...report, seconds: Number(seconds.toFixed(2)) }, null, 2));
    else printText(report, seconds);
    const failed = report.bySeverity.error > 0 || (strict && report.bySeverity.warning > 0);
    process.exitCode = failed ? 1 : 0;
  } catch (error) {
    if (error instanceof ContentFolderError) fail(error.message);
    throw error;
  }
}

void main();
