/**
 * The sparse row offset index a table scan builds: the byte offset where every K-th data row
 * starts, so any row range can be served by seeking to the nearest indexed row and parsing
 * forward. Plain JSON, so it can be stored beside the payload and validated when read back.
 */
import { z } from 'zod';
import { ServiceError } from '../../../shared/ipc/result';
import { TABLE_ENCODINGS } from './encoding';

export const DEFAULT_INDEX_EVERY = 1024;

export const RowIndex = z.strictObject({
  format: z.literal('table-row-index'),
  formatVersion: z.literal(1),
  /** `csv` covers TSV too (the delimiter says which). */
  kind: z.enum(['csv', 'json', 'ndjson']),
  encoding: z.enum(TABLE_ENCODINGS),
  /** CSV/TSV only (null otherwise): the field delimiter and the record terminator found. */
  delimiter: z.string().length(1).nullable(),
  linebreak: z.enum(['\n', '\r\n', '\r']).nullable(),
  /** CSV: fields in the header row (decides whether an empty line is a blank line or an empty value). */
  fields: z.number().int().nonnegative(),
  /** K: `offsets[i]` is the byte offset of the first byte of data row `i * every + 1`. */
  every: z.number().int().positive(),
  rows: z.number().int().nonnegative(),
  /** Size of the file the index describes; a reader refuses a file of another size. */
  bytes: z.number().int().nonnegative(),
  offsets: z.array(z.number().int().nonnegative()),
});
export type RowIndex = z.output<typeof RowIndex>;

/** Parses a stored index (e.g. read back from disk), throwing `tables.index-invalid` if it is not one. */
export function parseRowIndex(value: unknown, file: string): RowIndex {
  const parsed = RowIndex.safeParse(value);
  if (!parsed.success || parsed.data.offsets.length !== Math.ceil(parsed.data.rows / parsed.data.every)) {
    throw new ServiceError('tables.index-invalid', `The row index stored for "${file}" is damaged; scan the file again to rebuild it.`, { file });
  }
  return parsed.data;
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
  const firstBlock = Math.floor((from - 1) / index.every);
  const lastBlock = Math.floor((last - 1) / index.every);
  const start = index.offsets[firstBlock];
  const end = lastBlock + 1 < index.offsets.length ? index.offsets[lastBlock + 1] : index.bytes;
  if (start === undefined || end === undefined || end < start) {
    throw new ServiceError('tables.index-invalid', `The row index stored for "${file}" is damaged; scan the file again to rebuild it.`, { file });
  }
  return { start, end, firstRow: firstBlock * index.every + 1, from, count: last - from + 1 };
}
