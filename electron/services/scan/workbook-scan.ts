/**
 * Scans a payload file in the worker pool, splitting an Excel workbook into its sheets first:
 * every worksheet is a table (FORMATS.md §1) — the one `table.sheet` names (else the first
 * visible worksheet) with the manifest's fields, the others as undeclared tables — and each is
 * one job, so a workbook's sheets are scanned side by side. Chart sheets hold no cells and are
 * only listed. Each sheet's rows are written to a derived NDJSON file under `<base>/derived/`,
 * where `base` is the directory the scan results are kept in (the candidate's directory in the
 * store, a scratch directory for `review check`), never beside the payload.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ServiceError } from '../../../shared/ipc/result';
import { maskName } from '../../../shared/mask';
import { WORKBOOK_ENCODING, isWorkbook, readWorkbook, type WorkbookSummary } from '../tables';
import type { OpenBytes } from '../tables/open-bytes';
import { progressOf, scanInPool } from './parallel-scan';
import type { ScanJob, ScanResult, WorkbookResult } from './scan-file';
import type { ScanPool } from './worker-pool';

/** The folder, relative to the scan results, that holds the derived rows of workbook sheets. */
export const DERIVED_DIR = 'derived';

export type PoolScanOptions = {
  /** The directory the results are kept in; derived rows go to `<base>/derived/`. */
  base: string;
  signal?: AbortSignal;
  /** Opens a workbook's bytes to list its sheets (default: the plain file; the store passes its decrypting opener). */
  open?: OpenBytes;
  /** The size of the file from the manifest (lets a large CSV/TSV be split into parts). */
  size?: number;
  /** Bytes of the file and rows scanned so far (a workbook's sheets summed). */
  onProgress?: (bytes: number, rows: number) => void;
};

/** `derived/<32 hex>.ndjson`: a stable name for a sheet's rows that no file or sheet name can steer. */
export function derivedName(file: string, sheet: string): string {
  const hash = createHash('sha256').update(file).update('\u0000').update(sheet).digest('hex');
  return `${DERIVED_DIR}/${hash.slice(0, 32)}.ndjson`;
}

/** Whether `relative` is a name `derivedName` could have made (a stored scan is checked against it). */
export function isDerivedName(relative: unknown): relative is string {
  return typeof relative === 'string' && /^derived\/[0-9a-f]{32}\.ndjson$/.test(relative);
}

/** The absolute path of a derived file named in a result. */
export function derivedPath(base: string, relative: string): string {
  return join(base, ...relative.split('/'));
}

/** The sheet whose table the manifest describes: `table.sheet`, else the first visible worksheet (else the first). */
export function declaredSheetOf(summary: WorkbookSummary, named: string | null | undefined): string | null {
  if (named) return named;
  const worksheets = summary.sheets.filter((s) => s.kind === 'worksheet');
  return (worksheets.find((s) => s.state === 'visible') ?? worksheets[0])?.name ?? null;
}

/**
 * The workbook's summary as a result, and one job per worksheet. Refuses a `table.sheet` that
 * names no worksheet of the workbook, since the declared fields would then describe nothing.
 */
export async function planWorkbook(job: ScanJob, base: string, signal?: AbortSignal, open?: OpenBytes): Promise<{ workbook: WorkbookResult; jobs: ScanJob[] }> {
  const summary = await readWorkbook(job.path, { file: job.file, ...(signal ? { signal } : {}), ...(open ? { open } : {}) });
  const declared = declaredSheetOf(summary, job.declaredSheet);
  const named = summary.sheets.find((s) => s.name === declared);
  if (declared !== null && named?.kind !== 'worksheet') {
    const names = summary.sheets.filter((s) => s.kind === 'worksheet').map((s) => `"${s.name}"`);
    throw new ServiceError(
      named ? 'tables.xlsx-not-a-table' : 'tables.xlsx-no-sheet',
      named
        ? `"${job.file}": the sheet "${declared}" that table.sheet names is a chart or other non-cell sheet, not a table. Correct table.sheet in the manifest.`
        : `"${job.file}" has no sheet named "${declared}", which table.sheet names; its worksheets are ${names.join(', ') || 'none'}. Correct table.sheet in the manifest, or ask the operator for the right workbook.`,
      { file: job.file, sheet: declared },
    );
  }
  await mkdir(join(base, DERIVED_DIR), { recursive: true });
  const { declaredSheet: _declaredSheet, sdc, ...common } = job;
  // Excel refuses two sheets of one name; a workbook that has them anyway is read by the first.
  const seen = new Set<string>();
  const jobs: ScanJob[] = summary.sheets
    .filter((s) => s.kind === 'worksheet' && !seen.has(s.name) && seen.add(s.name))
    .map((s) => {
      const isDeclared = s.name === declared;
      const derived = derivedName(job.file, s.name);
      return {
        ...common,
        fields: isDeclared ? job.fields : [],
        // The manifest's table (and so its disclosure control) describes the declared sheet only.
        ...(isDeclared && sdc ? { sdc } : {}),
        encoding: WORKBOOK_ENCODING,
        sheet: { name: s.name, declared: isDeclared, derived, derivedPath: derivedPath(base, derived) },
      };
    });
  return {
    workbook: {
      kind: 'workbook',
      file: job.file,
      bytes: summary.bytes,
      sheets: summary.sheets.map((s) => ({ name: s.name, state: s.state, kind: s.kind, declared: s.name === declared })),
      // A name is masked before it is kept anywhere: the results hold no raw value.
      people: summary.people.map((p) => ({ field: p.field, masked: maskName(p.value) })),
    },
    jobs,
  };
}

/**
 * Scans one job of `scanJobs` in the pool: one result for a table or a text, and for a
 * workbook its summary followed by the table result of each worksheet, in workbook order.
 */
export async function scanJobInPool(pool: ScanPool, job: ScanJob, options: PoolScanOptions): Promise<ScanResult[]> {
  const { signal, onProgress } = options;
  if (job.kind !== 'table' || job.sheet || !isWorkbook(job.mediaType)) {
    return [
      await scanInPool(pool, job, {
        ...(signal ? { signal } : {}),
        ...(options.size !== undefined ? { size: options.size } : {}),
        ...(onProgress ? { onProgress } : {}),
      }),
    ];
  }
  const { workbook, jobs } = await planWorkbook(job, options.base, signal, options.open);
  // Each sheet's progress runs over the whole workbook's bytes; the file's is their average.
  const { done, report } = progressOf(jobs.length, (bytes, rows) => onProgress?.(Math.floor(bytes / Math.max(jobs.length, 1)), rows));
  const sheets = await Promise.all(
    jobs.map(async (sheetJob, i) => {
      const result = await scanInPool(pool, sheetJob, {
        ...(signal ? { signal } : {}),
        onProgress: (bytes, rows) => {
          done[i] = { bytes, rows };
          report();
        },
      });
      done[i] = { bytes: workbook.bytes, rows: result.kind === 'table' ? result.rows : 0 };
      report();
      return result;
    }),
  );
  return [workbook, ...sheets];
}
