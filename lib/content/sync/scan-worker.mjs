// @ts-check
// The scan's worker thread (scan.ts): scans of the content folder, one at a time as asked, off the
// server's main thread, which goes on answering requests.
import { parentPort } from 'node:worker_threads';
import { scanFolder } from './scan-folder.mjs';

parentPort?.on('message', async ({ id, request }) => {
  try {
    parentPort?.postMessage({ id, result: await scanFolder(request) });
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    parentPort?.postMessage({ id, error: { name, message, stack, code: error?.code } });
  }
});
