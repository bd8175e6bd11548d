import { parentPort, workerData } from 'node:worker_threads';
import type { SourceFile } from '../source';
import type { CheckOptions, FileCheck } from './check-file';
import { checkFiles } from './check-content';

export type WorkerRequest = { batch: number; files: SourceFile[] } | { done: true };
export type WorkerReply = { batch: number; results: FileCheck[] } | { ready: true };

const options = workerData as CheckOptions;
const port = parentPort!;

async function handle(request: WorkerRequest) {
  if ('done' in request) return port.close();
  const results = await checkFiles(request.files, options);
  port.postMessage({ batch: request.batch, results } satisfies WorkerReply);
}

// One request at a time, in order: `done` must wait for the batch queued before it.
let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => handle(request));
});
port.postMessage({ ready: true } satisfies WorkerReply);
