// The app's production server (`next start` on the benchmark's build), started the way a host
// would: node running Next's CLI directly, so that npm's own start-up is not counted.
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkInterrupted, logTail, sleep, spawnGroup, stopGroup } from './children.mjs';
import { request } from './http.mjs';

const START_TIMEOUT_MS = 180_000;
const RETRY_MS = 20;

export const nextCli = (projectDir) => path.join(projectDir, 'node_modules', 'next', 'dist', 'bin', 'next');

/** Fails when something already listens on the port: the figures would be someone else's. */
export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      reject(new Error(`port ${port} is in use; choose others with BENCH_PORT`));
    });
    socket.once('error', () => resolve());
  });
}

export function spawnServer({ projectDir, env, port, logFile }) {
  return spawnGroup(process.execPath, [nextCli(projectDir), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: projectDir,
    env,
    logFile,
  });
}

/**
 * Requests url until the just-spawned server answers (a refused connection is retried every 20 ms):
 * the answer, with firstByteMs counted from spawnedAt.
 */
export async function firstAnswer(server, url, spawnedAt) {
  let exit = null;
  server.exited.then((info) => (exit = info));
  for (;;) {
    checkInterrupted();
    if (exit)
      throw new Error(
        `the server exited before answering (${exit.error?.message ?? `exit ${exit.code ?? exit.signal}`}):\n${await logTail(server)}`,
      );
    if (performance.now() - spawnedAt > START_TIMEOUT_MS)
      throw new Error(
        `the server did not answer ${url} within ${START_TIMEOUT_MS / 1000} s:\n${await logTail(server)}`,
      );
    try {
      // A fresh connection each time: a kept-alive one would have been opened before the server listened.
      const res = await request(url, { agent: false, timeoutMs: START_TIMEOUT_MS });
      return {
        ...res,
        firstByteMs: res.startedAt + res.firstByteMs - spawnedAt,
        totalMs: res.startedAt + res.totalMs - spawnedAt,
      };
    } catch (error) {
      if (error.code !== 'ECONNREFUSED' && error.code !== 'ECONNRESET') throw error;
      await sleep(RETRY_MS);
    }
  }
}

/** Starts the server and waits until its home page answers 200; returns it with the time that took. */
export async function startServer(options) {
  await assertPortFree(options.port);
  const spawnedAt = performance.now();
  const server = spawnServer(options);
  try {
    const home = await firstAnswer(server, `http://127.0.0.1:${options.port}/`, spawnedAt);
    if (home.status !== 200) throw new Error(`the home page answered ${home.status}:\n${await logTail(server)}`);
    return { server, readyMs: home.totalMs };
  } catch (error) {
    await stopGroup(server);
    throw error;
  }
}

/**
 * One cold start: spawn a fresh server and time spawn → first byte of url (a page the build did not
 * prerender, so it is rendered from the content index), then stop the server.
 */
export async function coldStart(options, urlPath) {
  await assertPortFree(options.port);
  const spawnedAt = performance.now();
  const server = spawnServer(options);
  try {
    const res = await firstAnswer(server, `http://127.0.0.1:${options.port}${urlPath}`, spawnedAt);
    if (res.status !== 200) throw new Error(`cold start: ${urlPath} answered ${res.status}:\n${await logTail(server)}`);
    return {
      url: urlPath,
      firstByteMs: res.firstByteMs,
      totalMs: res.totalMs,
      cache: res.headers['x-nextjs-cache'] ?? null,
    };
  } finally {
    await stopGroup(server);
  }
}
