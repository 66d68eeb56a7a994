/**
 * The conformance diff's model: which table and column to show (the reviewer's choice, else
 * the focus, else the first column that needs attention), and the rows as a list that grows a
 * page at a time through `next` — from row 1, or from a focused row — with stale answers (for
 * an earlier start or filter) ignored.
 */
import type { ColumnConformance, ConformanceRows } from '../../../../shared/ipc/schemas/review';
import type { TableInfo } from '../../../../shared/ipc/schemas/preview';

export type ConformanceRow = ConformanceRows['rows'][number];

/** Rows asked for at a time (the channel's maximum). */
export const CONFORMANCE_PAGE = 200;

/** A table of the candidate, as the other channels address it. */
export type TableAddress = { file: string; sheet?: string | undefined };

export function tableId(table: TableAddress): string {
  return table.sheet === undefined ? table.file : `${table.file}\u0000${table.sheet}`;
}

/** `data/x.csv`, or `book.xlsx › Sheet1` for a workbook sheet. */
export function tableLabel(table: TableAddress): string {
  return table.sheet === undefined ? table.file : `${table.file} › ${table.sheet}`;
}

/**
 * The table to show: the one chosen (by the reviewer or a focus) when the candidate has it,
 * else the first table the manifest declares, else the first.
 */
export function pickDiffTable(tables: readonly TableInfo[], chosen: TableAddress | undefined): TableInfo | undefined {
  if (chosen?.file !== undefined) {
    const exact = tables.find((t) => t.file === chosen.file && t.sheet === chosen.sheet);
    if (exact) return exact;
    // A focus on a workbook without a sheet: its declared sheet.
    const inFile = tables.filter((t) => t.file === chosen.file);
    const found = inFile.find((t) => t.sheetInfo?.declared) ?? inFile[0];
    if (found) return found;
  }
  return tables.find((t) => t.sheetInfo === undefined || t.sheetInfo.declared) ?? tables[0];
}

/**
 * The column to show: the one chosen when the table has it, else the first with
 * non-conforming values, else the first the policy sets a transform for, else the first.
 */
export function pickColumn(columns: readonly ColumnConformance[], chosen: string | undefined): ColumnConformance | undefined {
  if (chosen !== undefined) {
    const found = columns.find((c) => c.column === chosen);
    if (found) return found;
  }
  return columns.find((c) => c.nonconforming > 0) ?? columns.find((c) => c.required.length > 0) ?? columns[0];
}

/** Share of the non-empty values that conform; null when there are none. */
export function conformingShare(column: ColumnConformance): number | null {
  const filled = column.conforming + column.nonconforming;
  return filled === 0 ? null : column.conforming / filled;
}

/** Columns sorted for the summary: the table's own order (main lists them so); totals of the whole table. */
export function summaryTotals(columns: readonly ColumnConformance[]): { conforming: number; nonconforming: number; empty: number; columnsWithProblems: number } {
  let conforming = 0;
  let nonconforming = 0;
  let empty = 0;
  let columnsWithProblems = 0;
  for (const c of columns) {
    conforming += c.conforming;
    nonconforming += c.nonconforming;
    empty += c.empty;
    if (c.nonconforming > 0) columnsWithProblems++;
  }
  return { conforming, nonconforming, empty, columnsWithProblems };
}

/** The rows loaded so far for one start row and filter. */
export type RowList = {
  /** First row asked for (1, or a focused row). */
  start: number;
  onlyNonconforming: boolean;
  rows: ConformanceRow[];
  /** The next row to ask for; null at the end of the table. */
  next: number | null;
  /** The `from` of the request on the way, if any. */
  pending: number | null;
  error: unknown;
  /** The column counts of the latest answer. */
  column: ColumnConformance | null;
};

export function startRows(start: number, onlyNonconforming: boolean): RowList {
  return { start: Math.max(1, Math.floor(start)), onlyNonconforming, rows: [], next: Math.max(1, Math.floor(start)), pending: null, error: null, column: null };
}

/** The request to make now, or null (one is on the way, the end is reached, or the last one failed). */
export function nextRequest(list: RowList): { from: number; count: number; onlyNonconforming: boolean } | null {
  if (list.pending !== null || list.next === null || list.error !== null) return null;
  return { from: list.next, count: CONFORMANCE_PAGE, onlyNonconforming: list.onlyNonconforming };
}

export function markPending(list: RowList, from: number): RowList {
  return { ...list, pending: from };
}

/** Adds an answer; an answer to another request (an earlier start or filter) changes nothing. */
export function addPage(list: RowList, from: number, onlyNonconforming: boolean, page: ConformanceRows): RowList {
  if (list.pending !== from || list.onlyNonconforming !== onlyNonconforming) return list;
  const last = list.rows.at(-1)?.row ?? 0;
  const fresh = page.rows.filter((r) => r.row > last);
  // A next that does not move forward would ask for the same rows forever: treat it as the end.
  const next = page.next !== null && page.next > from ? page.next : null;
  return { ...list, rows: fresh.length === 0 ? list.rows : [...list.rows, ...fresh], next, pending: null, error: null, column: page.column };
}

export function failPage(list: RowList, from: number, error: unknown): RowList {
  if (list.pending !== from) return list;
  return { ...list, pending: null, error };
}

/** Forgets a failure so the next request goes out again. */
export function retryRows(list: RowList): RowList {
  return { ...list, error: null };
}

/** The index in `rows` of `row`, or of the first row after it; -1 when none is loaded. */
export function indexOfRow(rows: readonly ConformanceRow[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid]?.row ?? 0) < row) lo = mid + 1;
    else hi = mid;
  }
  return lo < rows.length ? lo : -1;
}

/** True when the list should load more: the last rows on screen are within `margin` of the end. */
export function wantsMore(list: RowList, lastVisibleIndex: number, margin = 40): boolean {
  return nextRequest(list) !== null && lastVisibleIndex >= list.rows.length - margin;
}
