/**
 * The active reversibility test (`reversible.recovered`, RULES.md; issue 4 "Reversibility"): for
 * each digest column of the scanned tables, read a sample of up to 1,000 values with the cells
 * that can give their inputs away (masked or clear mobiles and resident IDs, region codes, birth
 * dates), search it in the worker pool — split across the workers — and report "k of n
 * recovered" with masked evidence. Bounded in time (20 s by default: what was found by then is
 * reported, with `timedOut`), cancellable, with progress in sampled values. No hit, no finding.
 */
import { sortFindings, type Finding } from '../../../shared/formats/findings';
import type { Candidate } from '../../../shared/formats/candidate';
import { ServiceError } from '../../../shared/ipc/result';
import { scannedTables } from '../../../shared/rules/policy/options';
import { DEFAULT_GIVE_UP_AFTER, confirmContext, contextCandidates, digestColumns, recoveredFinding, type ContextColumn, type RowHit, type SampleRow } from '../../../shared/rules/recover';
import type { TableResult } from '../scan/scan-file';
import type { RecoverPool } from '../scan/worker-pool';
import { runRecoverJob, type RecoverJob, type RecoverJobResult } from './recover-job';
import { digestSample, readSample, type Table } from './sample';

export type { RecoverJob, RecoverJobResult } from './recover-job';
export type { Table } from './sample';

/** Default time bound of the whole test. */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** Digest values sampled per column at most. */
export const DEFAULT_SAMPLE_SIZE = 1000;

export type RecoverInput = {
  manifest: Candidate;
  /** The table results of the scan (a workbook's sheets are tables too). */
  tables: TableResult[];
  /** Opens a scanned table to read its rows (as attachEvidence in check/run-check.ts does). */
  openTable: (table: TableResult) => Promise<Table>;
  /** Evaluation date `YYYY-MM-DD`. */
  asOf: string;
};

export type RecoverOptions = {
  /** The worker pool (createScanPool); without one the search runs on this thread, in slices. */
  pool?: RecoverPool;
  signal?: AbortSignal;
  /** Time bound of the whole test (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Sampled values searched so far, of the total over every digest column. */
  onProgress?: (done: number, total: number) => void;
  /** Digest values sampled per column (default DEFAULT_SAMPLE_SIZE). */
  sampleSize?: number;
  /** A column is given up after this many values searched in full without any hit (default DEFAULT_GIVE_UP_AFTER). */
  giveUpAfter?: number;
};

export type RecoverOutcome = { findings: Finding[]; timedOut: boolean };

/** One digest column ready to search. */
type ColumnSearch = { table: TableResult; column: string; context: ContextColumn[]; rows: SampleRow[] };

const cancelled = () => new ServiceError('scan.cancelled', 'The reversibility test was cancelled.');

/**
 * Tries to recover the inputs of every digest column of `input.tables` (see the module comment).
 * Rejects with `scan.cancelled` when the signal aborts.
 */
export async function recoverDigestColumns(input: RecoverInput, options: RecoverOptions = {}): Promise<RecoverOutcome> {
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const sampleSize = options.sampleSize ?? DEFAULT_SAMPLE_SIZE;
  const { signal } = options;
  const check = () => {
    if (signal?.aborted) throw cancelled();
  };
  check();

  const searches: ColumnSearch[] = [];
  let timedOut = false;
  for (const table of input.tables) {
    const digests = digestColumns(table.profiles);
    if (digests.length === 0) continue;
    const candidates = contextCandidates(table.profiles, digests);
    if (candidates.length === 0) continue;
    if (Date.now() > deadline) {
      timedOut = true;
      break;
    }
    check();
    let sample;
    try {
      sample = await readSample(await input.openTable(table), table, sampleSize, signal);
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      throw error;
    }
    const cellsOf = (name: string) => {
      const at = table.columns.indexOf(name);
      return sample.cells.map((cells) => cells[at] ?? '');
    };
    const context = confirmContext(candidates, cellsOf, input.asOf);
    if (context.length === 0) continue;
    for (const column of digests) {
      const rows = digestSample(sample, table.columns, column, context, sampleSize);
      if (rows.length > 0) searches.push({ table, column, context, rows });
    }
  }

  const total = searches.reduce((n, s) => n + s.rows.length, 0);
  let base = 0;
  options.onProgress?.(0, total);
  const findings: Finding[] = [];
  for (const search of searches) {
    check();
    if (timedOut || Date.now() > deadline) {
      timedOut = true;
      break;
    }
    const outcome = await searchColumn(search, input.asOf, deadline, options, (done) => options.onProgress?.(base + done, total));
    base += search.rows.length;
    options.onProgress?.(base, total);
    timedOut ||= outcome.timedOut;
    const finding = recoveredFinding({
      file: search.table.file,
      ...(search.table.sheet ? { sheet: search.table.sheet.name } : {}),
      column: search.column,
      sampled: search.rows.length,
      tried: outcome.done,
      hits: outcome.hits,
      timedOut: outcome.timedOut,
      ...declaredTransform(input.manifest, search.table, search.column),
    });
    if (finding) findings.push(finding);
  }
  return { findings: sortFindings(findings), timedOut };
}

/** Searches one column, its rows dealt round-robin to one job per worker; `onDone` gets the rows done so far. */
async function searchColumn(
  search: ColumnSearch,
  asOf: string,
  deadline: number,
  options: RecoverOptions,
  onDone: (done: number) => void,
): Promise<{ done: number; hits: RowHit[]; timedOut: boolean }> {
  const parts = Math.max(1, Math.min(options.pool?.size ?? 1, search.rows.length));
  const giveUpAfter = options.giveUpAfter ?? DEFAULT_GIVE_UP_AFTER;
  const jobs: RecoverJob[] = Array.from({ length: parts }, (_, p) => ({
    kind: 'recover',
    columns: search.context,
    // Round-robin, so every job searches rows from every block of the sample.
    rows: search.rows.filter((_, i) => i % parts === p),
    asOf,
    deadline,
    giveUpAfter: Number.isFinite(giveUpAfter) ? Math.ceil(giveUpAfter / parts) : giveUpAfter,
  }));
  const done = new Array<number>(parts).fill(0);
  const progress = (p: number) => (n: number) => {
    done[p] = n;
    onDone(done.reduce((a, b) => a + b, 0));
  };
  const { pool, signal } = options;
  const results: RecoverJobResult[] = await Promise.all(
    jobs.map((job, p) =>
      pool
        ? pool.recover(job, { onProgress: progress(p), ...(signal ? { signal } : {}) })
        : runRecoverJob(job, { onProgress: progress(p), ...(signal ? { signal } : {}) }),
    ),
  );
  return {
    done: results.reduce((n, r) => n + r.done, 0),
    hits: results.flatMap((r) => r.hits).sort((a, b) => a.row - b.row),
    timedOut: results.some((r) => r.timedOut),
  };
}

/** The declared transform of a table's column and its manifest path, when the manifest declares it. */
function declaredTransform(manifest: Candidate, table: TableResult, column: string): { declared?: { transform: string; path: string } } {
  const [scanned] = scannedTables(manifest, [{ file: table.file, ...(table.sheet ? { sheet: table.sheet.name } : {}), profiles: table.profiles }]);
  const field = scanned?.fields.find((d) => d.field.name === column);
  return field ? { declared: { transform: field.field.transform, path: field.path } } : {};
}
