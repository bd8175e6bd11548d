import { spawn, type ChildProcess } from 'node:child_process';
import { createClient } from '@redis/client';
import { stopChild } from './next-server';

export type RedisServer = {
  url: string;
  /** The keys Redis holds that match the pattern. */
  keys(pattern: string): Promise<string[]>;
  stop(): Promise<void>;
};

const newClient = (url: string) => createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });

const ask = async <T>(url: string, question: (client: ReturnType<typeof newClient>) => Promise<T>): Promise<T> => {
  const client = newClient(url);
  client.on('error', () => {});
  await client.connect();
  try {
    return await question(client);
  } finally {
    client.destroy();
  }
};

/**
 * Debian's redis-server on loopback, keeping nothing on disk (so a restart starts empty, as a
 * Redis without persistence does), stopped by its own process id.
 */
export async function startRedis(port: number): Promise<RedisServer> {
  const url = `redis://127.0.0.1:${port}`;
  let output = '';
  const server: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const failed = new Promise<never>((_, reject) => {
    server.once('error', (error) =>
      reject(new Error(`redis-server could not start (scripts/ensure-servers.sh installs it): ${error.message}`)),
    );
    server.once('exit', () => reject(new Error(`redis-server on port ${port} exited:\n${output}`)));
  });
  failed.catch(() => {});
  const stop = () => stopChild(server);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const pong = await Promise.race([ask(url, (client) => client.ping()).catch(() => null), failed]);
    if (pong === 'PONG') return { url, keys: (pattern) => ask(url, (client) => client.keys(pattern)), stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`redis-server did not answer on ${url} in time:\n${output}`);
}
