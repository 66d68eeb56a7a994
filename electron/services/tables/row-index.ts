/**
 * The sparse row offset index a table scan builds: the byte offset where about every K-th data
 * row starts, so any row range can be served by seeking to the nearest indexed row and parsing
 * forward. Plain JSON, so it can be stored beside the payload and validated when read back.
 */
import { z } from 'zod';
import { ServiceError } from '../../../shared/ipc/result';
import { TABLE_ENCODINGS } from './encoding';

export const DEFAULT_INDEX_EVERY = 1024;

export const RowIndex = z.strictObject({
  format: z.literal('table-row-index'),
  formatVersion: z.literal(2),
  /** `csv` covers TSV too (the delimiter says which). */
  kind: z.enum(['csv', 'json', 'ndjson']),
  encoding: z.enum(TABLE_ENCODINGS),
  /** CSV/TSV only (null otherwise): the field delimiter and the record terminator found. */
  delimiter: z.string().length(1).nullable(),
  linebreak: z.enum(['\n', '\r\n', '\r']).nullable(),
  /** CSV: fields in the header row (decides whether an empty line is a blank line or an empty value). */
  fields: z.number().int().nonnegative(),
  /** K: a scan marks about every K-th data row (a table scanned in parts restarts the count in each part). */
  every: z.number().int().positive(),
  rows: z.number().int().nonnegative(),
  /** Size of the file the index describes; a reader refuses a file of another size. */
  bytes: z.number().int().nonnegative(),
  /** `offsets[i]` is the byte offset of the first byte of data row `marks[i]`. */
  marks: z.array(z.number().int().positive()),
  offsets: z.array(z.number().int().nonnegative()),
});
export type RowIndex = z.output<typeof RowIndex>;

/** Parses a stored index (e.g. read back from disk), throwing `tables.index-invalid` if it is not one. */
export function parseRowIndex(value: unknown, file: string): RowIndex {
  const parsed = RowIndex.safeParse(value);
  if (!parsed.success || !consistent(parsed.data)) {
    throw new ServiceError('tables.index-invalid', `The row index stored for "${file}" is damaged; scan the file again to rebuild it.`, { file });
  }
  return parsed.data;
}

/** Marks start at row 1 and rise, offsets never fall, and both stay inside the table. */
function consistent(index: RowIndex): boolean {
  const { marks, offsets, rows, bytes } = index;
  if (marks.length !== offsets.length || (rows > 0) !== (marks.length > 0)) return false;
  if (rows > 0 && marks[0] !== 1) return false;
  for (let i = 0; i < marks.length; i++) {
    if (marks[i]! > rows || offsets[i]! > bytes) return false;
    if (i > 0 && (marks[i]! <= marks[i - 1]! || offsets[i]! < offsets[i - 1]!)) return false;
  }
  return true;
}

/**
 * The index of a table scanned in parts: each part's index counts rows from 1 at its own start
 * (`rowOffset` is the rows of the parts before it) and records absolute byte offsets.
 */
export function mergeRowIndexes(parts: readonly { index: RowIndex; rowOffset: number }[]): RowIndex {
  const first = parts[0];
  if (!first) throw new RangeError('mergeRowIndexes needs at least one part');
  const marks: number[] = [];
  const offsets: number[] = [];
  let rows = 0;
  for (const { index, rowOffset } of parts) {
    for (let i = 0; i < index.marks.length; i++) {
      marks.push(index.marks[i]! + rowOffset);
      offsets.push(index.offsets[i]!);
    }
    rows = Math.max(rows, rowOffset + index.rows);
  }
  return { ...first.index, rows, marks, offsets };
}

/** The byte range to read for data rows `from … from+count-1`, and the number of the row it starts with. */
export type RowRange = { start: number; end: number; firstRow: number; from: number; count: number };

/**
 * Clamps the request to the table and finds the byte range holding it: from the indexed row at
 * or before `from` to the next indexed row after the last one wanted (or the end of the file).
 * Returns null when the range holds no rows.
 */
export function rangeFor(index: RowIndex, from: number, count: number, file: string): RowRange | null {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(count) || from < 1 || count < 0) {
    throw new ServiceError('tables.row-range', `Rows ${from}+${count} of "${file}" is not a valid range: rows are numbered from 1.`, { file, from, count });
  }
  const last = Math.min(index.rows, from + count - 1);
  if (from > last) return null;
  const { marks, offsets } = index;
  // The last mark at or before `from`, and the first one after `last`.
  const at = lastAtOrBefore(marks, from);
  const after = lastAtOrBefore(marks, last) + 1;
  const start = offsets[at];
  const firstRow = marks[at];
  const end = after < offsets.length ? offsets[after] : index.bytes;
  if (start === undefined || firstRow === undefined || end === undefined || end < start) {
    throw new ServiceError('tables.index-invalid', `The row index stored for "${file}" is damaged; scan the file again to rebuild it.`, { file });
  }
  return { start, end, firstRow, from, count: last - from + 1 };
}

/** The position of the last element ≤ `value` in an ascending list (-1 if none). */
function lastAtOrBefore(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
