/**
 * One slice of a reversibility test as a worker runs it: sampled rows of one digest column with
 * their context cells in, recovered rows (masked) out. The search runs in short slices between
 * which progress is reported and a signal is checked, so the same function serves a worker
 * thread (scan-worker.ts) and a caller without workers. Structured-cloneable both ways.
 */
import { ServiceError } from '../../../shared/ipc/result';
import { createSampleSearch, type ContextColumn, type SampleRow, type SampleSearchResult } from '../../../shared/rules/recover';

export type RecoverJob = {
  kind: 'recover';
  /** The context columns, in the order of each row's `cells`. */
  columns: ContextColumn[];
  rows: SampleRow[];
  /** Evaluation date `YYYY-MM-DD`. */
  asOf: string;
  /** `Date.now()` time after which the search stops and returns what it found. */
  deadline: number;
  /** Rows searched in full without any hit after which the search gives up. */
  giveUpAfter: number;
};

export type RecoverJobResult = SampleSearchResult;

/** Length of one slice of search between progress reports and cancellation checks. */
const SLICE_MS = 50;

export type RecoverJobOptions = {
  /** Rows done so far (of `job.rows.length`), after each slice. */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
};

/** Runs the search of a job to its end, its deadline or its giving up; rejects with `scan.cancelled` when the signal aborts. */
export async function runRecoverJob(job: RecoverJob, options: RecoverJobOptions = {}): Promise<RecoverJobResult> {
  const search = createSampleSearch(job.rows, { columns: job.columns, asOf: job.asOf, deadline: job.deadline, giveUpAfter: job.giveUpAfter });
  for (;;) {
    if (options.signal?.aborted) throw new ServiceError('scan.cancelled', 'The reversibility test was cancelled.');
    const finished = search.step(Date.now() + SLICE_MS);
    options.onProgress?.(search.result.done);
    if (finished) return search.result;
    // Let the event loop run: an abort, or the messages of the thread, between slices.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
