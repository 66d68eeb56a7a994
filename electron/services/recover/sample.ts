/**
 * The sample the reversibility test searches: up to `size` rows of a scanned table, read through
 * the scan's row index — the whole table when it is small, else evenly spread blocks of rows, so
 * the sample is not only the head of the file — and, per digest column, the rows whose cell is
 * digest-shaped with the row's context cells beside it.
 */
import { parseDigestCell, type ContextColumn, type SampleRow } from '../../../shared/rules/recover';
import type { TableResult } from '../scan/scan-file';
import type { TableHandle } from '../tables';

/** How rows are read: the `readRows` of a table opened for its scan result. */
export type Table = Pick<TableHandle, 'readRows'>;

/** Rows of a table the sample reads: their 1-based data row and all their cells. */
export type SampledRows = { rows: number[]; cells: string[][] };

/** A sample is read in at most this many blocks of consecutive rows. */
export const SAMPLE_BLOCKS = 10;

/**
 * The blocks `[from, count]` of a sample of about `size` rows from a table of `rows` rows: the
 * whole table when it has at most 1.5 × `size` rows, else SAMPLE_BLOCKS evenly spread blocks.
 */
export function sampleBlocks(rows: number, size: number): [number, number][] {
  if (rows <= 0 || size <= 0) return [];
  if (rows <= size * 1.5) return [[1, rows]];
  const count = Math.ceil(size / SAMPLE_BLOCKS);
  return Array.from({ length: SAMPLE_BLOCKS }, (_, i) => [1 + Math.floor((i * (rows - count)) / (SAMPLE_BLOCKS - 1)), count]);
}

/** Reads the sample blocks of a scanned table (all columns; a ragged row's missing cells are empty). */
export async function readSample(table: Table, result: Pick<TableResult, 'index' | 'columns' | 'rows'>, size: number, signal?: AbortSignal): Promise<SampledRows> {
  const out: SampledRows = { rows: [], cells: [] };
  for (const [from, count] of sampleBlocks(result.rows, size)) {
    signal?.throwIfAborted();
    const rows = await table.readRows(result.index, result.columns, from, count);
    rows.forEach((cells, i) => {
      out.rows.push(from + i);
      out.cells.push(cells);
    });
  }
  return out;
}

/**
 * The sampled rows of one digest column for the search: those whose cell is digest-shaped (at
 * most `size`), each with its cells of the context columns in their order.
 */
export function digestSample(sample: SampledRows, allColumns: readonly string[], digestColumn: string, context: readonly ContextColumn[], size: number): SampleRow[] {
  const at = allColumns.indexOf(digestColumn);
  const contextAt = context.map((c) => allColumns.indexOf(c.name));
  const out: SampleRow[] = [];
  for (let i = 0; i < sample.rows.length && out.length < size; i++) {
    const cells = sample.cells[i]!;
    const digest = cells[at] ?? '';
    if (!parseDigestCell(digest)) continue;
    out.push({ row: sample.rows[i]!, digest, cells: contextAt.map((j) => cells[j] ?? '') });
  }
  return out;
}
