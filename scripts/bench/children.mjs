// Child processes in their own process groups, and everything the benchmark must undo however it
// ends: servers and nginx are killed by their own group id, temporary folders removed, on success,
// on failure, and on Ctrl-C.
import { spawn } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const running = new Set();
const tempPaths = new Set();
let interrupted = null;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class Interrupted extends Error {}

/** The signal that stopped the run, if one did (whatever error it then caused). */
export const interruptedBy = () => interrupted;

/** Throws once Ctrl-C (or SIGTERM/SIGHUP) has been received, so the run unwinds through its finally blocks. */
export function checkInterrupted() {
  if (interrupted) throw new Interrupted(`interrupted by ${interrupted}`);
}

/** A path removed at the end of the run whatever happens (also by removeTemp). */
export function registerTemp(path) {
  tempPaths.add(path);
  return path;
}

export function removeTemp(path) {
  rmSync(path, { recursive: true, force: true, maxRetries: 3 });
  tempPaths.delete(path);
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

const groupAlive = (pgid) => signalGroup(pgid, 0);

/**
 * Spawns a command as the leader of a new process group, its output going to logFile.
 * `child.exited` resolves to { code, signal, error } when the leader ends.
 */
export function spawnGroup(command, args, { cwd, env, logFile }) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let open = 2;
  const closeLog = () => --open === 0 && log.end();
  child.stdout.on('close', closeLog);
  child.stderr.on('close', closeLog);
  child.logFile = logFile;
  /** Resolves once everything the child wrote is in logFile. */
  child.logWritten = new Promise((resolve) => log.on('close', resolve));
  running.add(child);
  child.exited = new Promise((resolve) => {
    child.on('error', (error) => {
      running.delete(child);
      resolve({ code: null, signal: null, error });
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, error: null });
    });
  });
  return child;
}

/** SIGTERM to the child's group, SIGKILL after graceMs if any of it is left. */
export async function stopGroup(child, graceMs = 5000) {
  const pgid = child.pid;
  if (!pgid) return;
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
  if (groupAlive(pgid)) {
    signalGroup(pgid, 'SIGKILL');
    const hardDeadline = Date.now() + 3000;
    while (groupAlive(pgid) && Date.now() < hardDeadline) await sleep(50);
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
  await Promise.race([child.exited, sleep(1000)]);
  running.delete(child);
}

/** The last lines of a child's log, for an error message. */
export async function logTail(child, lines = 30) {
  const text = await readFile(child.logFile, 'utf8').catch(() => '(no log)');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function killEverythingNow() {
  for (const child of running) if (child.pid) signalGroup(child.pid, 'SIGKILL');
  running.clear();
  for (const path of tempPaths) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      /* best effort on the way out */
    }
  }
  tempPaths.clear();
}

/** Makes the process stop its children and remove its temp paths however it ends. */
export function cleanUpOnExit() {
  process.on('exit', killEverythingNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      // A second signal: stop waiting for the run to unwind (the exit handler still cleans up).
      if (interrupted) process.exit(130);
      interrupted = signal;
      console.error(`\nbench: ${signal} received, stopping the servers and cleaning up`);
      for (const child of running) if (child.pid) signalGroup(child.pid, 'SIGTERM');
    });
  }
}
