/**
 * The entry point for reading a table payload: `openTable` picks the reader for the file's
 * media type (FORMATS.md §1), detects its encoding, and returns one handle to scan the file
 * and to read row ranges through the index the scan built.
 */
import { basename } from 'node:path';
import { ServiceError } from '../../../shared/ipc/result';
import { readRows, scanTable, type CsvPartScan, type CsvScanOptions } from './csv-reader';
import { detectFileEncoding, type DetectedEncoding } from './encoding';
import { readJsonRows, scanJsonTable } from './json-reader';
import type { RowIndex } from './row-index';
import type { ScanCommonOptions, TableScan } from './table-io';

export type { DetectedEncoding, TableEncoding } from './encoding';
export { detectEncoding, detectFileEncoding, normaliseForDetection } from './encoding';
export type { RowIndex } from './row-index';
export { mergeRowIndexes, parseRowIndex } from './row-index';
export { findPartBoundary, readCsvHeader, type CsvHeader } from './csv-reader';
export type { BatchHandler, Capped, LargeNumber, QuoteProblem, RaggedRow, ScanCommonOptions, TableScan } from './table-io';

export type TableKind = 'csv' | 'tsv' | 'json' | 'ndjson';

export const TABLE_MEDIA_TYPES: Readonly<Record<string, TableKind>> = {
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'application/json': 'json',
  'application/x-ndjson': 'ndjson',
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type TableHandle = {
  path: string;
  /** The name used in messages (the file's path in the package). */
  file: string;
  kind: TableKind;
  /** `guessed` → the `intake.encoding-guessed` finding. */
  encoding: DetectedEncoding;
  /**
   * Reads the whole file once (or, for CSV/TSV, the `part` given); see `scanTable` /
   * `scanJsonTable`. Only CSV/TSV tables can be scanned in parts.
   */
  scan(options: ScanCommonOptions & { part?: CsvScanOptions['part'] }): Promise<TableScan & Partial<Pick<CsvPartScan, 'terminators' | 'openQuoteAtEnd'>>>;
  /** Data rows `from … from+count-1` (1-based), via the index and columns of a scan of this file. */
  readRows(index: RowIndex, columns: readonly string[], from: number, count: number): Promise<string[][]>;
};

export type OpenTableOptions = {
  file?: string;
  /** A detection already made (e.g. stored at intake); skips reading the file to detect it. */
  encoding?: DetectedEncoding;
  signal?: AbortSignal;
};

/** The reader kind for a media type (parameters such as `; charset=…` ignored), or `tables.unsupported`. */
export function tableKind(mediaType: string, file: string): TableKind {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  if (type === XLSX) {
    throw new ServiceError('tables.unsupported', `"${file}" is an Excel workbook, which this version cannot read yet. Ask the operator for CSV exports of its sheets.`, {
      file,
      mediaType: type,
    });
  }
  const kind = Object.hasOwn(TABLE_MEDIA_TYPES, type) ? TABLE_MEDIA_TYPES[type] : undefined;
  if (!kind) {
    throw new ServiceError('tables.unsupported', `"${file}" has the media type "${type}", which is not a table the workstation reads (CSV, TSV, JSON or NDJSON).`, {
      file,
      mediaType: type,
    });
  }
  return kind;
}

/** Opens the table at `path` (a payload file in the store) as the reader for `mediaType`. */
export async function openTable(path: string, mediaType: string, options: OpenTableOptions = {}): Promise<TableHandle> {
  const file = options.file ?? basename(path);
  const kind = tableKind(mediaType, file);
  const encoding = options.encoding ?? (await detectFileEncoding(path, { file, ...(options.signal ? { signal: options.signal } : {}) }));
  const { guessed } = encoding;
  const delimiter = kind === 'tsv' ? '\t' : ',';
  switch (kind) {
    case 'csv':
    case 'tsv':
      return {
        path,
        file,
        kind,
        encoding,
        scan: (scan) => scanTable(path, { file, ...scan, encoding: encoding.encoding, delimiter, guessed }),
        readRows: (index, columns, from, count) => readRows(path, { encoding: encoding.encoding, delimiter, index, columns, file }, from, count),
      };
    case 'json':
    case 'ndjson':
      return {
        path,
        file,
        kind,
        encoding,
        scan: ({ part, ...scan }) => {
          if (part) throw new RangeError(`"${file}" is a ${kind} table, which is scanned in one piece`);
          return scanJsonTable(path, { file, ...scan, kind, encoding: encoding.encoding, guessed });
        },
        readRows: (index, columns, from, count) => readJsonRows(path, { encoding: encoding.encoding, index, columns, file }, from, count),
      };
  }
}
