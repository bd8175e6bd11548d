import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export type NextServer = {
  origin: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): void;
};

/** Stops a process the test started (SIGTERM), resolving once it has exited. */
export const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/**
 * `next start` (the build the suite made) on its own port and environment, as an operator runs a
 * second server: used by specs that need other content or settings than the main server's. With
 * `standalone`, the standalone server of the same build (start-server.sh builds it standalone).
 */
export async function startNextServer(
  port: number,
  env: Record<string, string>,
  { standalone = false } = {},
): Promise<NextServer> {
  const origin = `http://127.0.0.1:${port}`;
  const busy = await fetch(`${origin}/`, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`something already listens on ${origin}; stop it first`);
  let output = '';
  const args = standalone
    ? ['.next/standalone/server.js']
    : ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'];
  const server: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      // What the standalone server listens on (next start takes -p and -H).
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () => stopChild(server);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode) throw new Error(`next start exited:\n${output}`);
    try {
      if ((await fetch(`${origin}/`, { signal: AbortSignal.timeout(10_000) })).status === 200) {
        return { origin, output: () => output, stop, kill: () => void server.kill('SIGKILL') };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`next start did not answer on ${origin} in time:\n${output}`);
}
