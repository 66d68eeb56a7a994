/**
 * Entry point of a scan worker (worker_threads): receives one job at a time from the pool — a
 * ScanJob, whose file it scans, a RecoverJob, a slice of the reversibility test it searches, or
 * a RevisionDiffJob, two stored revisions it compares — posts progress and then the result or
 * the error. Bundled on its own to
 * dist/workers/scan-worker.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { ServiceError } from '../../../shared/ipc/result';
import { runRecoverJob } from '../recover/recover-job';
import { runRevisionDiffJob } from '../revisions/revision-job';
import { scanFile } from './scan-file';
import { foreignError } from './worker-errors';
import type { WorkerJob, WorkerMessage } from './worker-pool';

if (!parentPort) throw new Error('scan-worker must run in a worker thread');
const port = parentPort;

/** Progress is posted at most this often. */
const PROGRESS_MS = 100;

/**
 * A failed job, as main and the renderer will see it. Our own errors carry no values; any other
 * is named by its kind and where it was thrown, never by its message — a parser's message can
 * quote the raw bytes it choked on (V8's JSON.parse does).
 */
const failure = (error: unknown, code: string, params?: Record<string, string | number>): WorkerMessage => ({
  type: 'error',
  error: error instanceof ServiceError ? error.toIpcError() : { code, message: foreignError(error), ...(params ? { params } : {}) },
});

port.on('message', (job: WorkerJob) => {
  let last = 0;
  const due = () => {
    const now = Date.now();
    if (now - last < PROGRESS_MS) return false;
    last = now;
    return true;
  };
  if (job.kind === 'recover') {
    runRecoverJob(job, {
      onProgress: (done) => {
        if (due()) port.postMessage({ type: 'recover-progress', done } satisfies WorkerMessage);
      },
    }).then(
      (result) => port.postMessage({ type: 'recovered', result } satisfies WorkerMessage),
      (error: unknown) => port.postMessage(failure(error, 'scan.failed')),
    );
    return;
  }
  if (job.kind === 'revision-diff') {
    runRevisionDiffJob(job).then(
      (result) => port.postMessage({ type: 'revision-diffed', result } satisfies WorkerMessage),
      (error: unknown) => port.postMessage(failure(error, 'revision.failed', { id: job.id, revision: job.revision })),
    );
    return;
  }
  scanFile(job, {
    onProgress: (bytes, rows) => {
      if (due()) port.postMessage({ type: 'progress', bytes, rows } satisfies WorkerMessage);
    },
  }).then(
    (result) => port.postMessage({ type: 'done', result } satisfies WorkerMessage),
    (error: unknown) => port.postMessage(failure(error, 'scan.failed')),
  );
});
