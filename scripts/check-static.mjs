// `npm run check:static`: the package's type check, ESLint and Prettier scripts at once. Each is
// mostly one thread, so on two cores they finish together in about the time of the slowest. Each
// one's output is printed whole when it ends, never interleaved; the exit status is the first failure's.
import { spawn } from 'node:child_process';

const SCRIPTS = ['typecheck', 'lint:eslint', 'lint:prettier'];

function run(name) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', name], { stdio: ['ignore', 'pipe', 'pipe'] });
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

const codes = await Promise.all(SCRIPTS.map(run));
process.exitCode = codes.find((code) => code !== 0) ?? 0;
