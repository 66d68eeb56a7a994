/**
 * Entry point of a scan worker (worker_threads): receives one ScanJob at a time from the pool,
 * scans the file, posts progress and then the result or the error. Bundled on its own to
 * dist/workers/scan-worker.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { ServiceError } from '../../../shared/ipc/result';
import { scanFile, type ScanJob } from './scan-file';
import type { WorkerMessage } from './worker-pool';

if (!parentPort) throw new Error('scan-worker must run in a worker thread');
const port = parentPort;

port.on('message', (job: ScanJob) => {
  let last = 0;
  scanFile(job, {
    onProgress: (bytes, rows) => {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      port.postMessage({ type: 'progress', bytes, rows } satisfies WorkerMessage);
    },
  }).then(
    (result) => port.postMessage({ type: 'done', result } satisfies WorkerMessage),
    (error: unknown) => {
      const e = error instanceof ServiceError ? error.toIpcError() : { code: 'scan.failed', message: error instanceof Error ? error.message : String(error) };
      port.postMessage({ type: 'error', error: e } satisfies WorkerMessage);
    },
  );
});
