/**
 * The entry point for reading a table payload: `openTable` picks the reader for the file's
 * media type (FORMATS.md §1), detects its encoding, and returns one handle to scan the file
 * and to read row ranges through the index the scan built. A workbook is opened one sheet at a
 * time: its scan writes the sheet's rows to a derived NDJSON file, from which rows are read.
 */
import { basename } from 'node:path';
import { ServiceError } from '../../../shared/ipc/result';
import { readRows, scanTable, type CsvPartScan, type CsvScanOptions } from './csv-reader';
import { detectFileEncoding, type DetectedEncoding } from './encoding';
import { readJsonRows, scanJsonTable } from './json-reader';
import type { RowIndex } from './row-index';
import { openPlain, type OpenBytes, type ScanCommonOptions, type TableScan } from './table-io';
import { readXlsxRows, scanXlsxSheet, type XlsxLimits, type XlsxScan } from './xlsx-reader';

export type { DetectedEncoding, TableEncoding } from './encoding';
export { detectEncoding, detectFileEncoding, normaliseForDetection, sampleFileEncoding } from './encoding';
export type { RowIndex } from './row-index';
export { mergeRowIndexes, parseRowIndex } from './row-index';
export { findPartBoundary, readCsvHeader, type CsvHeader } from './csv-reader';
export type { BatchHandler, Capped, LargeNumber, QuoteProblem, RaggedRow, ScanCommonOptions, TableScan } from './table-io';

export { readWorkbook, type PersonField, type PersonMetadata, type SheetKind, type SheetState, type WorkbookSummary } from './xlsx-reader';

export type TableKind = 'csv' | 'tsv' | 'json' | 'ndjson' | 'xlsx';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const TABLE_MEDIA_TYPES: Readonly<Record<string, TableKind>> = {
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'application/json': 'json',
  'application/x-ndjson': 'ndjson',
  [XLSX_MEDIA_TYPE]: 'xlsx',
};

/**
 * What a workbook's cells are as text: the XML parts are Unicode (UTF-8, or UTF-16 as their
 * declaration says) and the derived rows are written as UTF-8, so nothing is ever guessed.
 */
export const WORKBOOK_ENCODING: DetectedEncoding = Object.freeze({ encoding: 'utf-8', guessed: false });

/** What a sheet's scan adds to a table scan: the sheet, its visibility, hidden rows and columns. */
export type SheetScan = Omit<XlsxScan, keyof TableScan>;

export type TableHandle = {
  path: string;
  /** The name used in messages (the file's path in the package). */
  file: string;
  kind: TableKind;
  /** `guessed` → the `intake.encoding-guessed` finding. A workbook's is `WORKBOOK_ENCODING`. */
  encoding: DetectedEncoding;
  /**
   * Reads the whole file once (or, for CSV/TSV, the `part` given; for a workbook, its sheet);
   * see `scanTable` / `scanJsonTable` / `scanXlsxSheet`. Only CSV/TSV tables can be scanned in parts.
   */
  scan(options: ScanCommonOptions & { part?: CsvScanOptions['part'] }): Promise<TableScan & Partial<Pick<CsvPartScan, 'terminators' | 'openQuoteAtEnd'>> & Partial<SheetScan>>;
  /** Data rows `from … from+count-1` (1-based), via the index and columns of a scan of this file. */
  readRows(index: RowIndex, columns: readonly string[], from: number, count: number): Promise<string[][]>;
};

export type OpenTableOptions = {
  file?: string;
  /** A detection already made (e.g. stored at intake); skips reading the file to detect it. */
  encoding?: DetectedEncoding;
  signal?: AbortSignal;
  /** Opens the file's bytes (default: a plain file; the store passes its decrypting opener). */
  open?: OpenBytes;
  /** A workbook: the sheet this handle reads (by its exact name). */
  sheet?: string;
  /**
   * A workbook: the sheet's derived NDJSON rows — written by `scan`, read by `readRows`. It
   * lives outside the package (beside the scan results), never beside the payload file.
   */
  derivedPath?: string;
  /**
   * A workbook: encrypt the derived rows with this key (the workspace key, for a candidate in
   * the encrypted store), since they are raw cell values; reading them back needs it too.
   */
  derivedKey?: Uint8Array;
  /** A workbook: overrides of the reader's zip limits (tests). */
  xlsxLimits?: Partial<XlsxLimits>;
};

/** The reader kind for a media type (parameters such as `; charset=…` ignored), or `tables.unsupported`. */
export function tableKind(mediaType: string, file: string): TableKind {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  const kind = Object.hasOwn(TABLE_MEDIA_TYPES, type) ? TABLE_MEDIA_TYPES[type] : undefined;
  if (!kind) {
    throw new ServiceError('tables.unsupported', `"${file}" has the media type "${type}", which is not a table the workstation reads (CSV, TSV, Excel .xlsx, JSON or NDJSON).`, {
      file,
      mediaType: type,
    });
  }
  return kind;
}

/** Whether `mediaType` is an Excel workbook (parameters ignored). */
export function isWorkbook(mediaType: string): boolean {
  return mediaType.split(';')[0]!.trim().toLowerCase() === XLSX_MEDIA_TYPE;
}

/**
 * Opens the table at `path` (a payload file in the store) as the reader for `mediaType`. A
 * workbook needs `sheet` and `derivedPath` (see `OpenTableOptions`).
 */
export async function openTable(path: string, mediaType: string, options: OpenTableOptions = {}): Promise<TableHandle> {
  const file = options.file ?? basename(path);
  const kind = tableKind(mediaType, file);
  if (kind === 'xlsx') return openSheet(path, file, options);
  const open = options.open ?? openPlain;
  const encoding = options.encoding ?? (await detectFileEncoding(path, { file, open, ...(options.signal ? { signal: options.signal } : {}) }));
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
        scan: (scan) => scanTable(path, { file, open, ...scan, encoding: encoding.encoding, delimiter, guessed }),
        readRows: (index, columns, from, count) => readRows(path, { open, encoding: encoding.encoding, delimiter, index, columns, file }, from, count),
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
          return scanJsonTable(path, { file, open, ...scan, kind, encoding: encoding.encoding, guessed });
        },
        readRows: (index, columns, from, count) => readJsonRows(path, { open, encoding: encoding.encoding, index, columns, file }, from, count),
      };
  }
}

function openSheet(path: string, file: string, options: OpenTableOptions): TableHandle {
  const { sheet, derivedPath } = options;
  if (sheet === undefined || derivedPath === undefined) throw new RangeError(`"${file}" is a workbook: open it with the sheet to read and the path of its derived rows`);
  return {
    path,
    file,
    kind: 'xlsx',
    encoding: WORKBOOK_ENCODING,
    scan: ({ part, ...scan }) => {
      if (part) throw new RangeError(`"${file}" is a workbook, whose sheets are scanned in one piece`);
      return scanXlsxSheet(path, {
        file,
        ...scan,
        sheet,
        derivedPath,
        ...(options.open ? { open: options.open } : {}),
        ...(options.derivedKey ? { derivedKey: options.derivedKey } : {}),
        ...(options.xlsxLimits ? { limits: options.xlsxLimits } : {}),
      });
    },
    readRows: (index, columns, from, count) => readXlsxRows(derivedPath, { index, columns, file, ...(options.derivedKey ? { derivedKey: options.derivedKey } : {}) }, from, count),
  };
}
