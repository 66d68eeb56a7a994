/**
 * Where the revision diff reads a table's raw rows from: a payload file (CSV, TSV, JSON, NDJSON)
 * read through an opener — the store's decrypting one, or plain files for `review check` —,
 * a workbook sheet the scan has already derived (its NDJSON rows, through the scan's index),
 * or a workbook sheet derived now into a scratch folder (`review check --previous`). Each is
 * streamed once, in batches, and afterwards serves the few rows the diff lists by number.
 */
import { XLSX_MEDIA_TYPE, openTable, type RowIndex, type TableHandle } from '../tables';
import type { DetectedEncoding } from '../tables/encoding';
import type { OpenBytes } from '../tables/open-bytes';

export type RowBatchHandler = (rows: string[][], firstRow: number, columns: readonly string[]) => void | Promise<void>;

export type TableRowsSource = {
  /** Every data row, in order and in batches; resolves with the table's columns and row count. */
  stream(onBatch: RowBatchHandler, signal?: AbortSignal): Promise<{ columns: string[]; rows: number }>;
  /** Raw rows by number (1-based), after `stream` has finished. */
  read(rows: readonly number[]): Promise<Map<number, string[]>>;
};

/** Rows read per call when a sheet's derived rows are streamed through its index. */
const SHEET_BATCH = 4096;
/** Listed rows closer than this are read in one range. */
const READ_GAP = 64;

/** Reads the rows asked for in a few ranges through the scan's index. */
async function readListed(handle: TableHandle, index: RowIndex, columns: readonly string[], wanted: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  const sorted = [...new Set(wanted)].sort((a, b) => a - b);
  let i = 0;
  while (i < sorted.length) {
    const from = sorted[i]!;
    let to = from;
    while (i + 1 < sorted.length && sorted[i + 1]! - to <= READ_GAP) to = sorted[++i]!;
    i++;
    const rows = await handle.readRows(index, columns, from, to - from + 1);
    rows.forEach((row, k) => out.set(from + k, row));
  }
  for (const row of sorted) if (!out.has(row)) throw new RangeError(`row ${row} is beyond the end of the table`);
  return out;
}

/**
 * A CSV, TSV, JSON or NDJSON payload: streamed by the table reader's scan (which also builds the
 * row index the listed rows are then read through).
 */
export function fileTableSource(path: string, mediaType: string, options: { file: string; open: OpenBytes; encoding?: DetectedEncoding }): TableRowsSource {
  let read: { handle: TableHandle; index: RowIndex; columns: string[] } | null = null;
  return {
    async stream(onBatch, signal) {
      const handle = await openTable(path, mediaType, {
        file: options.file,
        open: options.open,
        ...(options.encoding ? { encoding: options.encoding } : {}),
        ...(signal ? { signal } : {}),
      });
      const scan = await handle.scan({ onBatch, ...(signal ? { signal } : {}) });
      read = { handle, index: scan.index, columns: scan.columns };
      return { columns: scan.columns, rows: scan.rows };
    },
    async read(rows) {
      if (!read) throw new Error(`"${options.file}" must be streamed before rows are read`);
      return readListed(read.handle, read.index, read.columns, rows);
    },
  };
}

/** A scanned workbook sheet: its rows as the scan derived them (NDJSON, encrypted with `derivedKey` in the store). */
export function scannedSheetSource(
  path: string,
  options: { file: string; sheet: string; derivedPath: string; derivedKey?: Uint8Array; index: RowIndex; columns: readonly string[]; rows: number },
): TableRowsSource {
  const open = () =>
    openTable(path, XLSX_MEDIA_TYPE, {
      file: options.file,
      sheet: options.sheet,
      derivedPath: options.derivedPath,
      ...(options.derivedKey ? { derivedKey: options.derivedKey } : {}),
    });
  return {
    async stream(onBatch, signal) {
      const handle = await open();
      for (let from = 1; from <= options.rows; from += SHEET_BATCH) {
        signal?.throwIfAborted();
        const rows = await handle.readRows(options.index, options.columns, from, Math.min(SHEET_BATCH, options.rows - from + 1));
        await onBatch(rows, from, options.columns);
      }
      return { columns: [...options.columns], rows: options.rows };
    },
    async read(rows) {
      return readListed(await open(), options.index, options.columns, rows);
    },
  };
}

/** A workbook sheet not scanned before: derived now into `derivedPath` (a scratch file the caller removes) while it is streamed. */
export function derivingSheetSource(path: string, options: { file: string; sheet: string; derivedPath: string; open: OpenBytes }): TableRowsSource {
  let read: { handle: TableHandle; index: RowIndex; columns: string[] } | null = null;
  return {
    async stream(onBatch, signal) {
      const handle = await openTable(path, XLSX_MEDIA_TYPE, { file: options.file, sheet: options.sheet, derivedPath: options.derivedPath, open: options.open });
      const scan = await handle.scan({ onBatch, ...(signal ? { signal } : {}) });
      read = { handle, index: scan.index, columns: scan.columns };
      return { columns: scan.columns, rows: scan.rows };
    },
    async read(rows) {
      if (!read) throw new Error(`"${options.file}", sheet "${options.sheet}" must be streamed before rows are read`);
      return readListed(read.handle, read.index, read.columns, rows);
    },
  };
}
