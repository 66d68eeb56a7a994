/**
 * Scans one payload file completely: every cell of a table goes through the detectors and
 * into its column's profiler, and the row index for random access is built on the way; a text
 * file (report, model card, API spec) is scanned line by line for embedded identifiers. A
 * workbook is scanned one sheet per job (see workbook-scan.ts). Runs inside a scan worker
 * (worker_threads) but is plain async code, so tests call it directly. The result is
 * structured-cloneable and holds no raw values.
 */
import { findInText, type Detection } from '../../../shared/detect';
import type { Field } from '../../../shared/formats/candidate';
import { createColumnProfiler, type ColumnProfile, type ColumnProfiler, type ColumnProfilerState } from '../../../shared/profile';
import { mergeRowIndexes, openTable, type CsvHeader, type PersonField, type SheetKind, type SheetState, type TableHandle } from '../tables';
import type { DetectedEncoding } from '../tables/encoding';
import type { RowIndex } from '../tables/row-index';
import { PROBLEM_CAP, type Capped, type LargeNumber, type RaggedRow } from '../tables/table-io';
import { openEncryptedFile } from '../at-rest/encrypted-file';
import { openPlain, type OpenBytes } from '../tables/open-bytes';
import { readTextLines } from '../tables/text-lines';
import {
  createMicrodataAccumulator,
  createSdcAccumulator,
  sdcThresholds,
  type MicrodataAccumulator,
  type SdcAccumulator,
  type MicrodataState,
  type SdcResult,
  type SdcTable,
  type SdcTableInput,
  type ThresholdsInput,
} from '../../../shared/rules/sdc';
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
  /** The table's encoding when already detected (every part of a table shares one detection). */
  encoding?: DetectedEncoding;
  /** Scan only this part of a CSV/TSV table (see parallel-scan.ts). */
  part?: TablePart;
  /** A workbook before it is split into sheets: the sheet `table.sheet` names, if it names one. */
  declaredSheet?: string | null;
  /** A workbook: the one sheet this job scans (see workbook-scan.ts). */
  sheet?: SheetJob;
  /**
   * The workspace key the stored payload is encrypted with (the worker decrypts as it reads,
   * and writes a sheet's derived rows encrypted with it). Absent: a plain file (`review check`).
   */
  key?: Uint8Array;
  /**
   * Statistical disclosure control of this table (shared/rules/sdc): its manifest `table` and
   * the policy's thresholds (null: RULES.md defaults). Absent: not evaluated.
   */
  sdc?: { table: SdcTable; thresholds: ThresholdsInput | null };
};

/** How a job's payload is opened: decrypted with its key, or as a plain file. */
export function jobOpener(job: Pick<ScanJob, 'key'>): OpenBytes {
  const { key } = job;
  return key ? (path, file) => openEncryptedFile(path, key, { name: file }) : openPlain;
}

/** Which sheet of a workbook a job scans, and where its derived rows go. */
export type SheetJob = {
  name: string;
  /** The sheet the manifest's `table` describes (its `fields` apply); the others are undeclared tables. */
  declared: boolean;
  /** Where the scan writes the sheet's rows as NDJSON (absolute). */
  derivedPath: string;
  /** The same file relative to the directory the scan results are kept in (`derived/….ndjson`). */
  derived: string;
};

/** What a table result of a workbook sheet adds: the sheet, and what Excel would not show. */
export type SheetResult = {
  name: string;
  state: SheetState;
  declared: boolean;
  /** The derived NDJSON rows, relative to the directory of the scan results; `index` describes this file. */
  derived: string;
  /** The sheet row holding the header; data row n is sheet row `headerRow + n`. */
  headerRow: number;
  /** Data rows hidden in Excel. */
  hiddenRows: Capped<number>;
  /** Columns hidden in Excel, by name. */
  hiddenColumns: string[];
  /** Header names used twice (later ones are renamed after their column letter). */
  duplicateColumns: string[];
};

/** A byte range of a CSV/TSV table scanned on its own; parts after the first are given the header. */
export type TablePart = { index: number; start: number; end: number; header: CsvHeader | null };

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
  /** Only for a sheet of a workbook. */
  sheet?: SheetResult;
  /** When the job asked for it: the statistical disclosure findings and what could not be checked. */
  sdc?: SdcResult;
};

export type TextResult = { kind: 'text'; file: string; lines: number; bytes: number; hits: TextHit[]; hitCount: number };

/**
 * A workbook as a whole, beside the table results of its worksheets: every sheet in workbook
 * order (chart sheets too, which can be hidden as well but hold no table) and the people its
 * document properties name — masked as `mask-name` does (`王**`), like every value a result keeps.
 */
export type WorkbookResult = {
  kind: 'workbook';
  file: string;
  bytes: number;
  sheets: { name: string; state: SheetState; kind: SheetKind; declared: boolean }[];
  people: { field: PersonField; masked: string }[];
};

export type ScanResult = TableResult | TextResult | WorkbookResult;

/** The scan of one part of a table: numbers count from the part's start; profiles are mergeable states. */
export type TablePartResult = Omit<TableResult, 'kind' | 'profiles'> & {
  kind: 'table-part';
  part: number;
  terminators: number;
  openQuoteAtEnd: boolean;
  profiles: ColumnProfilerState[];
  /** A microdata table's equivalence classes in this part (aggregate tables are never split). */
  sdcState?: MicrodataState;
};

export type ScanProgressFn = (bytesDone: number, rowsDone: number) => void;

const MAX_TEXT_HITS = 500;
/** Detections below this confidence (a 16-digit number failing Luhn…) are noise in a profile. */
export const PROFILE_MIN_CONFIDENCE = 0.5;
const NONE: readonly Detection[] = [];
/** The detections worth counting in a profile (allocates nothing for the common empty case). */
function credible(found: readonly Detection[]): readonly Detection[] {
  if (found.length === 0) return NONE;
  return found.every((d) => d.confidence >= PROFILE_MIN_CONFIDENCE) ? found : found.filter((d) => d.confidence >= PROFILE_MIN_CONFIDENCE);
}

export async function scanFile(job: ScanJob, options: { signal?: AbortSignal; onProgress?: ScanProgressFn } = {}): Promise<ScanResult | TablePartResult> {
  if (job.kind === 'text') return scanTextFile(job, options);
  const scanned = await scanTableRows(job, options);
  if (job.part) return partResult(job.file, job.part, scanned);
  const { scan } = scanned;
  return {
    kind: 'table',
    file: job.file,
    encoding: scanned.encoding,
    columns: scan.columns,
    rows: scan.rows,
    bytes: scan.bytes,
    index: scan.index,
    ragged: scan.ragged,
    largeNumbers: scan.largeNumbers,
    profiles: scanned.profilers.map((p) => p.finish()),
    ...(scanned.sdc ? { sdc: scanned.sdc.finish() } : {}),
    ...(job.sheet
      ? {
          sheet: {
            name: job.sheet.name,
            state: scan.state ?? 'visible',
            declared: job.sheet.declared,
            derived: job.sheet.derived,
            headerRow: scan.headerRow ?? 0,
            hiddenRows: scan.hiddenRows ?? { count: 0, first: [] },
            hiddenColumns: scan.hiddenColumns ?? [],
            duplicateColumns: scan.duplicateColumns ?? [],
          },
        }
      : {}),
  };
}

type ScannedRows = {
  encoding: DetectedEncoding;
  scan: Awaited<ReturnType<TableHandle['scan']>>;
  profilers: ColumnProfiler[];
  sdc: SdcAccumulator | MicrodataAccumulator | null;
};

/** The inputs of the SDC evaluator a job asks for, over the table's header `columns`. */
function sdcInput(job: ScanJob, columns: readonly string[]): SdcTableInput | null {
  if (!job.sdc) return null;
  return { target: { file: job.file, ...(job.sheet ? { sheet: job.sheet.name } : {}) }, table: job.sdc.table, columns, policy: { thresholds: job.sdc.thresholds ?? undefined } };
}

/** A part's accumulator: always microdata (aggregate tables are not split), so its state merges. */
function microdataFor(input: SdcTableInput): MicrodataAccumulator {
  return createMicrodataAccumulator({ ...input, thresholds: sdcThresholds(input.policy) });
}

function sdcFor(job: ScanJob, columns: readonly string[]): SdcAccumulator | MicrodataAccumulator | null {
  const input = sdcInput(job, columns);
  if (!input) return null;
  return job.part ? microdataFor(input) : createSdcAccumulator(input);
}

async function scanTableRows(job: ScanJob, options: { signal?: AbortSignal; onProgress?: ScanProgressFn }): Promise<ScannedRows> {
  const table = await openTable(job.path, job.mediaType, {
    file: job.file,
    open: jobOpener(job),
    ...(job.encoding ? { encoding: job.encoding } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(job.sheet ? { sheet: job.sheet.name, derivedPath: job.sheet.derivedPath } : {}),
    ...(job.sheet && job.key ? { derivedKey: job.key } : {}),
  });
  const byName = new Map(job.fields.map((f) => [f.name, f]));
  // cellDetections classifies a wholly masked value by its shape and finds nothing in a short
  // decimal (see ColumnProfilerOptions.maskedByShape and shortDecimalsUndetected; both tested in cell-detections.test.ts).
  const detect = (value: string) => credible(cellDetections(value, job.asOf));
  const profilers: ColumnProfiler[] = [];
  // Made at the first batch, when the header is known (held in an object: the batch callback sets it).
  const disclosure: { sdc: SdcAccumulator | MicrodataAccumulator | null; ready: boolean } = { sdc: null, ready: false };
  const scan = await table.scan({
    file: job.file,
    ...(job.part ? { part: job.part } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    onBatch: (rows, firstRow, columns) => {
      // JSON tables can gain columns as they go: earlier rows simply lacked them (null cells).
      while (profilers.length < columns.length) {
        const name = columns[profilers.length]!;
        const profiler = createColumnProfiler(byName.get(name), { name, detect, maskedByShape: true, shortDecimalsUndetected: true });
        for (let row = 1; row < firstRow; row++) profiler.add(row, null, []);
        profilers.push(profiler);
      }
      if (!disclosure.ready) {
        disclosure.sdc = sdcFor(job, columns);
        disclosure.ready = true;
      }
      const { sdc } = disclosure;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        const rowNumber = firstRow + r;
        for (let c = 0; c < profilers.length; c++) profilers[c]!.addValue(rowNumber, row[c] ?? null);
        sdc?.add(rowNumber, row);
      }
    },
  });
  while (profilers.length < scan.columns.length) {
    const name = scan.columns[profilers.length]!;
    const profiler = createColumnProfiler(byName.get(name), { name });
    for (let row = 1; row <= scan.rows; row++) profiler.add(row, null, []);
    profilers.push(profiler);
  }
  // A table without data rows still gets its SDC notes (no classes, nothing to check).
  if (!disclosure.ready) disclosure.sdc = sdcFor(job, scan.columns);
  return { encoding: table.encoding, scan, profilers, sdc: disclosure.sdc };
}

function partResult(file: string, part: TablePart, { encoding, scan, profilers, sdc }: ScannedRows): TablePartResult {
  return {
    kind: 'table-part',
    file,
    part: part.index,
    encoding,
    columns: scan.columns,
    rows: scan.rows,
    bytes: scan.bytes,
    terminators: scan.terminators ?? 0,
    openQuoteAtEnd: scan.openQuoteAtEnd ?? false,
    index: scan.index,
    ragged: scan.ragged,
    largeNumbers: scan.largeNumbers,
    profiles: profilers.map((p) => p.state()),
    ...(sdc && 'state' in sdc ? { sdcState: sdc.state() } : {}),
  };
}

/**
 * Joins the scans of a table's parts, in order, into the result of scanning it in one piece:
 * row and line numbers of each part are shifted by the rows and lines before it, and the
 * column profilers absorb each other's counts (FORMATS.md's "first 100 rows" lists stay the
 * first 100 of the whole table).
 */
export function mergeTableParts(job: ScanJob, parts: readonly TablePartResult[]): TableResult {
  const first = parts[0];
  if (!first) throw new RangeError(`no parts to merge for "${job.file}"`);
  const byName = new Map(job.fields.map((f) => [f.name, f]));
  const columns = first.columns;
  const profilers = columns.map((name) => createColumnProfiler(byName.get(name), { name }));
  const ragged: TableResult['ragged'] = { count: 0, first: [] };
  const largeNumbers: TableResult['largeNumbers'] = { count: 0, first: [] };
  const indexes: { index: RowIndex; rowOffset: number }[] = [];
  let sdc: MicrodataAccumulator | null = null;
  let rows = 0;
  let lines = 0;
  for (const part of parts) {
    if (part.columns.length !== columns.length) throw new RangeError(`the parts of "${job.file}" disagree on its columns`);
    part.profiles.forEach((state, c) => profilers[c]!.absorb(state, rows));
    for (const r of part.ragged.first) if (ragged.first.length < PROBLEM_CAP) ragged.first.push({ ...r, row: r.row + rows, line: r.line + lines });
    ragged.count += part.ragged.count;
    for (const n of part.largeNumbers.first) if (largeNumbers.first.length < PROBLEM_CAP) largeNumbers.first.push({ ...n, row: n.row + rows });
    largeNumbers.count += part.largeNumbers.count;
    indexes.push({ index: part.index, rowOffset: rows });
    if (part.sdcState) {
      const input = sdcInput(job, columns);
      if (input) {
        sdc ??= microdataFor(input);
        sdc.absorb(part.sdcState, rows);
      }
    }
    rows += part.rows;
    lines += part.terminators;
  }
  return {
    kind: 'table',
    file: job.file,
    encoding: first.encoding,
    columns,
    rows,
    bytes: first.bytes,
    index: mergeRowIndexes(indexes),
    ragged,
    largeNumbers,
    profiles: profilers.map((p) => p.finish()),
    ...(sdc ? { sdc: sdc.finish() } : {}),
  };
}

async function scanTextFile(job: ScanJob, options: { signal?: AbortSignal; onProgress?: ScanProgressFn }): Promise<TextResult> {
  const hits: TextHit[] = [];
  let hitCount = 0;
  let line = 0;
  let bytes = 0;
  for await (const { text, bytes: read } of readTextLines(jobOpener(job), job.path, job.file, options.signal)) {
    line += 1;
    bytes = read;
    for (const d of findInText(text, { asOf: job.asOf })) {
      hitCount += 1;
      if (hits.length < MAX_TEXT_HITS) hits.push({ line, start: d.start, end: d.end, detector: d.detector, confidence: d.confidence, personal: d.personal });
    }
    if (line % 2000 === 0) options.onProgress?.(bytes, line);
  }
  options.onProgress?.(bytes, line);
  return { kind: 'text', file: job.file, lines: line, bytes, hits, hitCount };
}
