// `npm run check:static`: the type check, ESLint and Prettier at once. Each is mostly one thread, so
// on two cores they finish together in about the time of the slowest. Each one's output is printed
// whole when it ends, never interleaved; the exit status is the first failure's.
import { spawn } from 'node:child_process';

const CHECKS = [
  ['typecheck', 'tsc', ['--noEmit']],
  ['eslint', 'eslint', ['.']],
  ['prettier', 'prettier', ['--check', '.']],
];

function run([name, command, args]) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const status = code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`;
      process.stdout.write(`── ${name}: ${status} in ${seconds} s\n${code === 0 ? '' : output}`);
      resolve(code === 0 ? 0 : (code ?? 1));
    });
  });
}

const codes = await Promise.all(CHECKS.map(run));
process.exitCode = codes.find((code) => code !== 0) ?? 0;
