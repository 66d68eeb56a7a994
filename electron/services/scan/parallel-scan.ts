/**
 * Runs one scan job in the worker pool, splitting a large CSV/TSV table into byte ranges that
 * the workers scan at the same time and merging their results, so one big table uses every
 * core. Parts start just after a line break; a part whose end turns out to lie inside a quoted
 * field (a value with line breaks) makes the table be scanned again in one piece, so the result
 * is always the one a single scan would give.
 */
import { ServiceError } from '../../../shared/ipc/result';
import { detectFileEncoding, findPartBoundary, readCsvHeader, sampleFileEncoding, tableKind, type DetectedEncoding } from '../tables';
import { jobOpener, mergeTableParts, type ScanJob, type ScanResult, type TablePart, type TablePartResult } from './scan-file';
import type { RunOptions, ScanPool, WorkerResult } from './worker-pool';

/** Tables smaller than this are scanned in one piece (splitting costs a little per part). */
export const SPLIT_MIN_BYTES = 8 * 1024 * 1024;
/**
 * Parts per worker by default: one. More would even out parts that scan at different speeds,
 * but every part costs its worker a start (profilers learning the columns afresh, a result to
 * post and merge): on the 1M-row bench table, three parts a worker took 0.4-0.5 s longer than
 * one, while halves of a table rarely differ that much.
 */
export const PARTS_PER_WORKER = 1;

export type PlanOptions = { workers: number; minBytes?: number; partsPerWorker?: number; signal?: AbortSignal };

/**
 * The parts to scan a table in, or null to scan it whole: JSON, small files, UTF-16, files with
 * bare `\r` line breaks, a header that does not end in the first MiB, or an aggregate table
 * under disclosure control. Exported for tests.
 */
export async function planTableParts(job: ScanJob, size: number, encoding: DetectedEncoding, options: PlanOptions): Promise<TablePart[] | null> {
  const kind = tableKind(job.mediaType, job.file);
  if (kind !== 'csv' && kind !== 'tsv') return null;
  if (size < (options.minBytes ?? SPLIT_MIN_BYTES) || options.workers < 2) return null;
  // An aggregate table's disclosure checks read margins across rows: it is scanned in one piece.
  if (job.sdc?.table.kind === 'aggregate') return null;
  if (encoding.encoding !== 'utf-8' && encoding.encoding !== 'utf-8-bom' && encoding.encoding !== 'gb18030') return null;
  const open = jobOpener(job);
  const header = await readCsvHeader(job.path, { encoding: encoding.encoding, delimiter: kind === 'tsv' ? '\t' : ',', file: job.file, open });
  if (!header) return null;
  const count = Math.min(options.workers * (options.partsPerWorker ?? PARTS_PER_WORKER), Math.floor((size - header.end) / ((options.minBytes ?? SPLIT_MIN_BYTES) / 2)));
  if (count < 2) return null;
  const cuts = [header.end];
  for (let i = 1; i < count; i++) {
    const target = header.end + Math.floor(((size - header.end) * i) / count);
    const cut = await findPartBoundary(job.path, Math.max(target, cuts.at(-1)! + 1), size, { file: job.file, open });
    if (cut === null) break;
    cuts.push(cut);
  }
  if (cuts.length < 2) return null;
  return cuts.map((start, i) => ({
    index: i,
    // The first part reads the header itself (and any blank lines before it).
    start: i === 0 ? 0 : start,
    end: cuts[i + 1] ?? size,
    header: i === 0 ? null : { columns: header.columns, linebreak: header.linebreak },
  }));
}

/**
 * Scans `job` in the pool, in parts when that pays; resolves to the result of the whole file.
 * A table whose encoding is not known yet starts at once with what its first bytes show; if
 * that was UTF-8 and a later byte is not, the table is scanned again with the encoding of the
 * whole file (GB18030, guessed) — the result is the one a scan after a full check would give.
 */
export async function scanInPool(pool: ScanPool, job: ScanJob, options: RunOptions & { size?: number; minBytes?: number; partsPerWorker?: number } = {}): Promise<ScanResult> {
  if (job.kind !== 'table' || options.size === undefined) return whole(await pool.run(job, options), job);
  if (job.encoding) return scanTableInPool(pool, job, job.encoding, options);
  const open = jobOpener(job);
  const sampled = await sampleFileEncoding(job.path, { file: job.file, open });
  if (sampled.final) return scanTableInPool(pool, job, sampled.detected, options);
  try {
    return await scanTableInPool(pool, job, sampled.detected, options);
  } catch (error) {
    if (!(error instanceof ServiceError) || error.code !== 'intake.encoding-unknown') throw error;
    const encoding = await detectFileEncoding(job.path, { file: job.file, open, ...(options.signal ? { signal: options.signal } : {}) });
    return scanTableInPool(pool, job, encoding, options);
  }
}

async function scanTableInPool(pool: ScanPool, job: ScanJob, encoding: DetectedEncoding, options: RunOptions & { size?: number; minBytes?: number; partsPerWorker?: number }): Promise<ScanResult> {
  const withEncoding: ScanJob = { ...job, encoding };
  const parts = await planTableParts(withEncoding, options.size!, encoding, {
    workers: pool.size,
    ...(options.minBytes !== undefined ? { minBytes: options.minBytes } : {}),
    ...(options.partsPerWorker !== undefined ? { partsPerWorker: options.partsPerWorker } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!parts) return whole(await pool.run(withEncoding, options), job);

  const { done, report } = progressOf(parts.length, (bytes, rows) => options.onProgress?.(bytes, rows));
  // One part failing stops the others: their work is lost either way.
  const siblings = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, siblings.signal]) : siblings.signal;
  const results = await Promise.all(
    parts.map(async (part, i) => {
      const result = await pool.run(
        { ...withEncoding, part },
        {
          signal,
          onProgress: (at, rows) => {
            done[i] = { bytes: Math.max(0, at - part.start), rows };
            report();
          },
        },
      );
      if (result.kind !== 'table-part') throw new ServiceError('scan.failed', `The scan of part ${i + 1} of "${job.file}" returned no table.`, { file: job.file });
      done[i] = { bytes: part.end - part.start, rows: result.rows };
      report();
      return result;
    }),
  ).catch((error: unknown) => {
    siblings.abort();
    throw error;
  });
  if (results.some((r: TablePartResult) => r.openQuoteAtEnd)) {
    // A line break inside a quoted value was taken for the end of a record: scan in one piece.
    return whole(await pool.run(withEncoding, options), job);
  }
  return mergeTableParts(withEncoding, results);
}

/**
 * The progress of several jobs run at once: each sets `done[i]`, and `report()` hands the sums
 * of bytes and rows to `emit`.
 */
export function progressOf(count: number, emit: (bytes: number, rows: number) => void): { done: { bytes: number; rows: number }[]; report: () => void } {
  const done = Array.from({ length: count }, () => ({ bytes: 0, rows: 0 }));
  const report = () => {
    let bytes = 0;
    let rows = 0;
    for (const d of done) {
      bytes += d.bytes;
      rows += d.rows;
    }
    emit(bytes, rows);
  };
  return { done, report };
}

function whole(result: WorkerResult, job: ScanJob): ScanResult {
  if (result.kind === 'table-part') throw new ServiceError('scan.failed', `The scan of "${job.file}" returned a part instead of the whole table.`, { file: job.file });
  return result;
}
