import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Runs `work` while holding a lock file that other processes (the build's workers) wait for. A
 * lock left by a process that died is taken over.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(/* turbopackIgnore: true */ path.dirname(file), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(/* turbopackIgnore: true */ file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = 0;
      try {
        owner = Number(readFileSync(/* turbopackIgnore: true */ file, 'utf8'));
      } catch {
        continue;
      }
      if (owner > 0 && !isAlive(owner)) {
        try {
          unlinkSync(/* turbopackIgnore: true */ file);
        } catch {
          // Another waiter took it over first.
        }
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    try {
      unlinkSync(/* turbopackIgnore: true */ file);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
