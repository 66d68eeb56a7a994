/**
 * Scans one payload file completely: every cell of a table goes through the detectors and
 * into its column's profiler, and the row index for random access is built on the way; a text
 * file (report, model card, API spec) is scanned line by line for embedded identifiers. Runs
 * inside a scan worker (worker_threads) but is plain async code, so tests call it directly.
 * The result is structured-cloneable and holds no raw values.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { findInText } from '../../../shared/detect';
import type { Field } from '../../../shared/formats/candidate';
import { createColumnProfiler, type ColumnProfile, type ColumnProfiler } from '../../../shared/profile';
import { openTable } from '../tables';
import type { DetectedEncoding } from '../tables/encoding';
import type { RowIndex } from '../tables/row-index';
import type { Capped, LargeNumber, RaggedRow } from '../tables/table-io';
import { cellDetections } from './cell-detections';

export type ScanJob = {
  /** Absolute path of the stored payload file. */
  path: string;
  /** Its path in the package (for messages and results). */
  file: string;
  mediaType: string;
  kind: 'table' | 'text';
  /** The manifest's field declarations of a table (by column name). */
  fields: Field[];
  /** Evaluation date `YYYY-MM-DD` (resident IDs born later are not IDs). */
  asOf: string;
};

export type TextHit = { line: number; start: number; end: number; detector: string; confidence: number; personal: boolean };

export type TableResult = {
  kind: 'table';
  file: string;
  encoding: DetectedEncoding;
  columns: string[];
  rows: number;
  bytes: number;
  index: RowIndex;
  ragged: Capped<RaggedRow>;
  largeNumbers: Capped<LargeNumber>;
  profiles: ColumnProfile[];
};

export type TextResult = { kind: 'text'; file: string; lines: number; bytes: number; hits: TextHit[]; hitCount: number };

export type ScanResult = TableResult | TextResult;

export type ScanProgressFn = (bytesDone: number, rowsDone: number) => void;

const MAX_TEXT_HITS = 500;
/** Detections below this confidence (a 16-digit number failing Luhn…) are noise in a profile. */
export const PROFILE_MIN_CONFIDENCE = 0.5;
const isCredible = (d: { confidence: number }) => d.confidence >= PROFILE_MIN_CONFIDENCE;

export async function scanFile(job: ScanJob, options: { signal?: AbortSignal; onProgress?: ScanProgressFn } = {}): Promise<ScanResult> {
  return job.kind === 'table' ? scanTableFile(job, options) : scanTextFile(job, options);
}

async function scanTableFile(job: ScanJob, options: { signal?: AbortSignal; onProgress?: ScanProgressFn }): Promise<TableResult> {
  const table = await openTable(job.path, job.mediaType, { file: job.file, ...(options.signal ? { signal: options.signal } : {}) });
  const byName = new Map(job.fields.map((f) => [f.name, f]));
  const profilers: ColumnProfiler[] = [];
  const scan = await table.scan({
    file: job.file,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    onBatch: (rows, firstRow, columns) => {
      // JSON tables can gain columns as they go: earlier rows simply lacked them (null cells).
      while (profilers.length < columns.length) {
        const name = columns[profilers.length]!;
        const field = byName.get(name);
        const profiler = field ? createColumnProfiler(field) : createColumnProfiler(undefined, { name });
        for (let row = 1; row < firstRow; row++) profiler.add(row, null, []);
        profilers.push(profiler);
      }
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        const rowNumber = firstRow + r;
        for (let c = 0; c < profilers.length; c++) {
          const value = row[c];
          if (value === undefined || value.trim() === '') {
            profilers[c]!.add(rowNumber, value === undefined ? null : value, []);
          } else {
            profilers[c]!.add(rowNumber, value, cellDetections(value, job.asOf).filter(isCredible));
          }
        }
      }
    },
  });
  while (profilers.length < scan.columns.length) {
    const name = scan.columns[profilers.length]!;
    const field = byName.get(name);
    const profiler = field ? createColumnProfiler(field) : createColumnProfiler(undefined, { name });
    for (let row = 1; row <= scan.rows; row++) profiler.add(row, null, []);
    profilers.push(profiler);
  }
  return {
    kind: 'table',
    file: job.file,
    encoding: table.encoding,
    columns: scan.columns,
    rows: scan.rows,
    bytes: scan.bytes,
    index: scan.index,
    ragged: scan.ragged,
    largeNumbers: scan.largeNumbers,
    profiles: profilers.map((p) => p.finish()),
  };
}

async function scanTextFile(job: ScanJob, options: { signal?: AbortSignal; onProgress?: ScanProgressFn }): Promise<TextResult> {
  const stream = createReadStream(job.path, { encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const hits: TextHit[] = [];
  let hitCount = 0;
  let line = 0;
  let bytes = 0;
  for await (const text of lines) {
    line += 1;
    bytes += Buffer.byteLength(text) + 1;
    for (const d of findInText(text, { asOf: job.asOf })) {
      hitCount += 1;
      if (hits.length < MAX_TEXT_HITS) hits.push({ line, start: d.start, end: d.end, detector: d.detector, confidence: d.confidence, personal: d.personal });
    }
    if (line % 2000 === 0) options.onProgress?.(bytes, line);
  }
  options.onProgress?.(bytes, line);
  return { kind: 'text', file: job.file, lines: line, bytes, hits, hitCount };
}
