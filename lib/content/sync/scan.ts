import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { ContentFolderError } from '../list-files.mjs';
import { storedVersionsIn, type ScanRequest, type ScanResult } from './scan-folder.mjs';

export type { ScanResult } from './scan-folder.mjs';

export type ScanOptions = {
  /** Only these paths (files or folders, relative to the content folder); all when undefined. */
  paths?: readonly string[];
  /** A file changed less than this many milliseconds ago is read only if it stays unchanged that long. */
  settleMs: number;
};

type Pending = { resolve: (result: ScanResult) => void; reject: (error: Error) => void };
type ScanThread = { worker: Worker; pending: Map<number, Pending>; next: number; idle?: NodeJS.Timeout };

/**
 * How long the worker thread waits for another scan before it stops. A scan of 100,000 files leaves
 * tens of megabytes of garbage in the thread's heap, which V8, with memory to spare, collected
 * rarely: kept between the periodic scans, the server's memory grew by hundreds of megabytes.
 * Stopped, the thread gives it all back, and starting one costs a few milliseconds.
 */
const IDLE_MS = 1000;

let thread: ScanThread | null = null;

type ThreadError = { name: string; message: string; stack?: string; code?: string };

/** An error of the worker thread as this thread's own: its class (ContentFolderError is fatal), code and stack. */
function rebuilt({ name, message, stack, code }: ThreadError): Error {
  const error = name === 'ContentFolderError' ? new ContentFolderError(message) : new Error(message);
  return Object.assign(error, { stack: stack ?? error.stack }, code === undefined ? {} : { code });
}

/**
 * The scan's worker thread, started when a scan needs one and stopped once idle. It holds the
 * process open only while a scan is under way; if it dies, the scans it had fail and the next one
 * starts another.
 */
function scanThread(): ScanThread {
  if (thread) {
    clearTimeout(thread.idle);
    return thread;
  }
  const worker = new Worker(new URL('./scan-worker.mjs', import.meta.url));
  const started: ScanThread = { worker, pending: new Map(), next: 0 };
  const fail = (error: Error) => {
    if (thread === started) thread = null;
    for (const { reject } of started.pending.values()) reject(error);
    started.pending.clear();
  };
  worker.on('message', ({ id, result, error }: { id: number; result?: ScanResult; error?: ThreadError }) => {
    const pending = started.pending.get(id);
    if (!pending) return;
    started.pending.delete(id);
    if (started.pending.size === 0) {
      worker.unref();
      started.idle = setTimeout(() => {
        if (thread === started) thread = null;
        void worker.terminate();
      }, IDLE_MS).unref();
    }
    if (error) pending.reject(rebuilt(error));
    else pending.resolve(result!);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the content scan's worker thread stopped (exit code ${code})`)));
  worker.unref();
  thread = started;
  return started;
}

/**
 * Finds what changed in the content folder since the index last read it: a walk and a stat per
 * file, no reads. It runs in a worker thread, with synchronous file-system calls: measured at
 * 100,000 articles, a full scan took the server's main thread 3.3–3.9 s of CPU with async stats;
 * in the worker it takes about 1 s, and the main thread none (README, "Following the folder").
 */
export function scanContent(db: DatabaseSync, root: string, { paths, settleMs }: ScanOptions): Promise<ScanResult> {
  const indexFile = db.location();
  const request: ScanRequest = {
    root,
    paths: paths && [...paths],
    settleMs,
    indexFile,
    // An index in memory (no file to open from the worker) is a small one: its versions are sent.
    stored: indexFile ? undefined : storedVersionsIn(db, paths),
  };
  const scan = scanThread();
  const id = scan.next++;
  return new Promise<ScanResult>((resolve, reject) => {
    scan.pending.set(id, { resolve, reject });
    scan.worker.ref();
    scan.worker.postMessage({ id, request });
  });
}
