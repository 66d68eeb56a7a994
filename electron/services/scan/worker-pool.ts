/**
 * A small pool of scan workers (one per core, at most `size`): jobs queue up and each runs in
 * its own worker thread, so a candidate's files are scanned in parallel off the main thread.
 * The same workers run the searches of the reversibility test (`recover`, see
 * electron/services/recover), which are CPU-bound slices of a sample. Cancelling a job
 * terminates its worker at once (and a fresh one takes its place), which is the only way to stop
 * CPU-bound work promptly.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ServiceError, type IpcError } from '../../../shared/ipc/result';
import type { RevisionDiff } from '../../../shared/ipc/schemas/review';
import type { RecoverJob, RecoverJobResult } from '../recover/recover-job';
import type { RevisionDiffJob } from '../revisions/revision-job';
import type { ScanJob, ScanResult, TablePartResult } from './scan-file';
import { foreignError } from './worker-errors';

/** What a worker returns: a file's scan, or the scan of one part of a table. */
export type WorkerResult = ScanResult | TablePartResult;

export type WorkerMessage =
  | { type: 'progress'; bytes: number; rows: number }
  | { type: 'done'; result: WorkerResult }
  | { type: 'recover-progress'; done: number }
  | { type: 'recovered'; result: RecoverJobResult }
  | { type: 'revision-diffed'; result: RevisionDiff }
  | { type: 'error'; error: IpcError };

/** What the pool posts to a worker: a scan, a search of the reversibility test, or a revision diff. */
export type WorkerJob = ScanJob | RecoverJob | RevisionDiffJob;

export type RunOptions = { signal?: AbortSignal; onProgress?: (bytes: number, rows: number) => void };

export type RecoverOptions = { signal?: AbortSignal; onProgress?: (done: number) => void };

export type ScanPool = {
  /** Workers in the pool at most (what splitting a table into parts is planned for). */
  readonly size: number;
  run(job: ScanJob, options?: RunOptions): Promise<WorkerResult>;
  close(): Promise<void>;
};

/** The searches of the reversibility test, in the same workers (what `recoverDigestColumns` takes). */
export type RecoverPool = {
  /** Workers in the pool at most (what a sample is split for). */
  readonly size: number;
  recover(job: RecoverJob, options?: RecoverOptions): Promise<RecoverJobResult>;
};

/** Revision diffs in the same workers (what the revision service takes). */
export type RevisionDiffPool = {
  diffRevisions(job: RevisionDiffJob, options?: { signal?: AbortSignal }): Promise<RevisionDiff>;
};

/** The pool `createScanPool` makes: scans, reversibility searches and revision diffs. */
export type WorkerPool = ScanPool &
  RecoverPool &
  RevisionDiffPool & {
    /**
     * Starts the workers now rather than with the first jobs, so that loading their code
     * overlaps with what the caller does first (`review check` reads the package meanwhile).
     */
    warm(): void;
  };

type Task = {
  job: WorkerJob;
  signal: AbortSignal | undefined;
  /** Handles a progress message. */
  progress: (message: WorkerMessage) => void;
  /** Settles the task with a final message's result. */
  resolve: (message: WorkerMessage) => void;
  reject: (e: unknown) => void;
  /** What the job is, in an error message: `The scan of "x.csv"` or `The reversibility test`. */
  label: string;
  file: string;
  cancelled: () => ServiceError;
};

/**
 * A scan allocates a short-lived string per cell: a larger young generation than V8's default
 * spends less time collecting it. Measured on the 109 MB bench (2 workers): 48 MB keeps the
 * whole `review check` near 310 MB RSS; 64 MB reached 380 MB and 80 MB 400–415 MB (the limit
 * is 400 MB) for no faster a scan.
 */
const WORKER_YOUNG_GENERATION_MB = 48;

export function createScanPool(script: string, size = Math.max(1, Math.min(4, availableParallelism()))): WorkerPool {
  const idle: Worker[] = [];
  let live = 0;
  const queue: Task[] = [];
  let closed = false;

  const cancelled = () => new ServiceError('scan.cancelled', 'The scan was cancelled.');

  const start = (task: Task, worker: Worker) => {
    const { signal } = task;
    let settled = false;
    const finish = (release: boolean) => {
      settled = true;
      worker.removeAllListeners('message');
      worker.removeAllListeners('error');
      worker.removeAllListeners('exit');
      signal?.removeEventListener('abort', onAbort);
      if (release) {
        idle.push(worker);
      } else {
        live -= 1;
      }
      pump();
    };
    const onAbort = () => {
      if (settled) return;
      finish(false);
      void worker.terminate();
      task.reject(task.cancelled());
    };
    if (signal?.aborted) {
      idle.push(worker);
      task.reject(task.cancelled());
      pump();
      return;
    }
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.type === 'progress' || message.type === 'recover-progress') task.progress(message);
      else if (message.type === 'done' || message.type === 'recovered' || message.type === 'revision-diffed') {
        finish(true);
        task.resolve(message);
      } else {
        finish(true);
        task.reject(new ServiceError(message.error.code, message.error.message, message.error.params ?? {}));
      }
    });
    worker.on('error', (error: Error) => {
      if (settled) return;
      finish(false);
      task.reject(new ServiceError('scan.failed', `${task.label} failed: ${foreignError(error)}.`, { file: task.file }));
    });
    worker.on('exit', () => {
      if (settled) return;
      finish(false);
      task.reject(new ServiceError('scan.failed', `${task.label} stopped unexpectedly (its worker exited).`, { file: task.file }));
    });
    worker.postMessage(task.job);
  };

  const submit = (task: Task): void => {
    queue.push(task);
    pump();
  };

  const spawn = (): Worker => {
    const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    worker.unref();
    live += 1;
    return worker;
  };

  function pump(): void {
    while (queue.length > 0 && !closed) {
      const worker = idle.pop() ?? (live < size ? spawn() : null);
      if (!worker) return;
      start(queue.shift()!, worker);
    }
  }

  /** Submits a job; settles with what `take` finds in its final message (another kind of answer is `wrong()`). */
  const ask = <T>(spec: Omit<Task, 'resolve' | 'reject'> & { take: (m: WorkerMessage) => T | undefined; wrong: () => ServiceError }): Promise<T> => {
    if (closed) return Promise.reject(new Error('the scan pool is closed'));
    const { take, wrong, ...task } = spec;
    return new Promise<T>((resolve, reject) => {
      submit({
        ...task,
        resolve: (m) => {
          const value = take(m);
          if (value === undefined) reject(wrong());
          else resolve(value);
        },
        reject,
      });
    });
  };

  return {
    size,
    warm() {
      while (!closed && live < size) {
        const worker = spawn();
        // A worker that fails before it is given a job leaves the pool (the next job starts another).
        const gone = () => {
          const at = idle.indexOf(worker);
          if (at === -1) return;
          idle.splice(at, 1);
          live -= 1;
        };
        worker.once('error', gone);
        worker.once('exit', gone);
        idle.push(worker);
      }
    },
    run(job, options = {}) {
      return ask<WorkerResult>({
        job,
        signal: options.signal,
        progress: (m) => {
          if (m.type === 'progress') options.onProgress?.(m.bytes, m.rows);
        },
        take: (m) => (m.type === 'done' ? m.result : undefined),
        wrong: () => new ServiceError('scan.failed', `The scan of "${job.file}" got an answer of another kind.`, { file: job.file }),
        label: `The scan of "${job.file}"`,
        file: job.file,
        cancelled,
      });
    },
    recover(job, options = {}) {
      return ask<RecoverJobResult>({
        job,
        signal: options.signal,
        progress: (m) => {
          if (m.type === 'recover-progress') options.onProgress?.(m.done);
        },
        take: (m) => (m.type === 'recovered' ? m.result : undefined),
        wrong: () => new ServiceError('scan.failed', 'The reversibility test got an answer of another kind.'),
        label: 'The reversibility test',
        file: '',
        cancelled: () => new ServiceError('scan.cancelled', 'The reversibility test was cancelled.'),
      });
    },
    diffRevisions(job, options = {}) {
      const params = { id: job.id, revision: job.revision };
      const what = `The revision diff of ${job.id} revision ${job.revision}`;
      return ask<RevisionDiff>({
        job,
        signal: options.signal,
        progress: () => undefined,
        take: (m) => (m.type === 'revision-diffed' ? m.result : undefined),
        wrong: () => new ServiceError('revision.failed', `${what} got an answer of another kind.`, params),
        label: what,
        file: '',
        cancelled: () => new ServiceError('revision.cancelled', `${what} was cancelled.`, params),
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(task.cancelled());
      await Promise.all(idle.splice(0).map((w) => w.terminate()));
    },
  };
}
