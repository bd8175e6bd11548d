#!/usr/bin/env node
// Lighthouse (mobile settings) on the feed and an article page: prints the performance,
// accessibility, best-practices and SEO scores of each, as medians of LIGHTHOUSE_RUNS runs (5), then
// each run's performance score, total blocking time, LCP and the machine's benchmark index: the
// performance score moves by several points between runs of the same build on a shared machine.
//
// Usage: npm run lighthouse                 builds the app on the bundled content, starts it, measures
//        npm run lighthouse -- URL [PATH…]  measures a server that is already running
//
// Drives Debian's Chromium (scripts/chromium.mjs) through chrome-launcher; downloads nothing.
// When it starts its own server, images on other hosts are blocked: these machines have no
// internet, and failing image hosts would measure the network, not the site (say so when you
// quote the figures). A server given by URL is measured as it is.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const DEFAULT_PATHS = ['/', '/posts/chongqing-talent-conference-2021'];

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_DIR, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

async function startServer() {
  const port = await freePort();
  const env = { NEXT_TELEMETRY_DISABLED: '1', SITE_URL: `http://127.0.0.1:${port}` };
  await run('npx', ['next', 'build'], env);
  const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: PROJECT_DIR,
    env: { ...process.env, ...env },
    stdio: 'ignore',
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(base)).ok) return { base, stop: () => process.kill(-server.pid, 'SIGTERM') };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  process.kill(-server.pid, 'SIGTERM');
  throw new Error('the server did not answer within 60 s');
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const [givenBase, ...givenPaths] = process.argv.slice(2);
const server = givenBase ? { base: givenBase.replace(/\/$/, ''), stop: () => {} } : await startServer();
// The bundled articles' images are all on https hosts, and our own server is plain http.
const blockedUrlPatterns = givenBase ? [] : ['https://*'];
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: chromiumArgs.map((flag) => (flag === '--headless' ? '--headless=new' : flag)),
});
try {
  console.log(`Lighthouse ${RUNS}× per page, mobile settings, medians (${server.base})`);
  console.log(['page'.padEnd(44), ...CATEGORIES.map((c) => c.padStart(15))].join(''));
  for (const pagePath of givenPaths.length ? givenPaths : DEFAULT_PATHS) {
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${server.base}${pagePath}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
        blockedUrlPatterns,
      });
      for (const c of CATEGORIES) scores[c].push(Math.round((result.lhr.categories[c].score ?? 0) * 100));
      runs.push(
        `${scores.performance.at(-1)} (TBT ${Math.round(result.lhr.audits['total-blocking-time'].numericValue)} ms, ` +
          `LCP ${Math.round(result.lhr.audits['largest-contentful-paint'].numericValue)} ms, ` +
          `benchmark ${Math.round(result.lhr.environment.benchmarkIndex)})`,
      );
      if (process.env.LIGHTHOUSE_VERBOSE) {
        const failing = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 0.9);
        console.log(failing.map((a) => `  ${a.id}: ${a.score} ${a.displayValue ?? ''}`).join('\n'));
      }
    }
    console.log([pagePath.padEnd(44), ...CATEGORIES.map((c) => String(median(scores[c])).padStart(15))].join(''));
    console.log(`  performance runs: ${runs.join(', ')}`);
  }
} finally {
  await chrome.kill();
  server.stop();
}
