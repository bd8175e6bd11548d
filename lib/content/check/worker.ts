import { parentPort, workerData } from 'node:worker_threads';
import type { SourceFile } from '../source';
import type { CheckOptions, FileCheck } from './check-file';
import { checkFiles } from './check-content';

export type WorkerRequest = { batch: number; files: SourceFile[] } | { done: true };
export type WorkerReply = { batch: number; results: FileCheck[] } | { ready: true };

const options = workerData as CheckOptions;
const port = parentPort!;

port.on('message', async (request: WorkerRequest) => {
  if ('done' in request) return port.close();
  const results = await checkFiles(request.files, options);
  port.postMessage({ batch: request.batch, results } satisfies WorkerReply);
});
port.postMessage({ ready: true } satisfies WorkerReply);
