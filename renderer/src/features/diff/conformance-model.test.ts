// The conformance model: which table and column to show (choice, focus, then the first that
// needs attention), and the row list that grows a page at a time through `next`, ignoring
// answers to an earlier start or filter and stopping when `next` does not move forward.
import { describe, expect, it } from 'vitest';
import type { ColumnConformance, ConformanceRows } from '../../../../shared/ipc/schemas/review';
import type { TableInfo } from '../../../../shared/ipc/schemas/preview';
import {
  addPage,
  conformingShare,
  failPage,
  indexOfRow,
  markPending,
  nextRequest,
  pickColumn,
  pickDiffTable,
  retryRows,
  startRows,
  summaryTotals,
  tableId,
  tableLabel,
  wantsMore,
} from './conformance-model';

const table = (file: string, sheet?: string, declared = true): TableInfo => ({
  file,
  ...(sheet !== undefined ? { sheet, sheetInfo: { state: 'visible' as const, declared, hiddenRows: { count: 0, first: [] }, hiddenColumns: [] } } : {}),
  mediaType: 'text/csv',
  encoding: 'utf-8',
  encodingGuessed: false,
  columns: [],
  rows: 10,
  raggedRows: 0,
});

const col = (column: string, conforming: number, nonconforming: number, required: string[] = []): ColumnConformance => ({ column, required, conforming, nonconforming, empty: 0 });

const row = (n: number, conforming = true) => ({ row: n, conforming, candidate: [{ text: 'x', kind: 'same' as const }], required: [{ text: 'x', kind: 'same' as const }] });

const page = (rows: number[], next: number | null): ConformanceRows => ({ column: col('c', 1, 1), rows: rows.map((n) => row(n)), next });

describe('table and column choice', () => {
  const tables = [table('book.xlsx', '备注', false), table('book.xlsx', '名录'), table('a.csv')];

  it('takes the chosen table, a workbook declared sheet for a file alone, else the first declared', () => {
    expect(tableId(pickDiffTable(tables, { file: 'a.csv' })!)).toBe('a.csv');
    expect(pickDiffTable(tables, { file: 'book.xlsx', sheet: '备注' })?.sheet).toBe('备注');
    expect(pickDiffTable(tables, { file: 'book.xlsx' })?.sheet).toBe('名录');
    expect(pickDiffTable(tables, { file: 'gone.csv' })?.sheet).toBe('名录');
    expect(pickDiffTable(tables, undefined)?.sheet).toBe('名录');
    expect(pickDiffTable([], undefined)).toBeUndefined();
    expect(tableLabel({ file: 'book.xlsx', sheet: '名录' })).toBe('book.xlsx › 名录');
    expect(tableLabel({ file: 'a.csv' })).toBe('a.csv');
  });

  it('takes the chosen column, else the first non-conforming, else the first with a requirement', () => {
    const columns = [col('name', 5, 0), col('code', 5, 0, ['none']), col('phone', 3, 2, ['mask:3,4'])];
    expect(pickColumn(columns, 'code')?.column).toBe('code');
    expect(pickColumn(columns, 'gone')?.column).toBe('phone');
    expect(pickColumn(columns.slice(0, 2), undefined)?.column).toBe('code');
    expect(pickColumn(columns.slice(0, 1), undefined)?.column).toBe('name');
    expect(pickColumn([], undefined)).toBeUndefined();
  });

  it('sums the counts and the conforming share', () => {
    expect(summaryTotals([col('a', 3, 2), col('b', 4, 0)])).toEqual({ conforming: 7, nonconforming: 2, empty: 0, columnsWithProblems: 1 });
    expect(conformingShare(col('a', 3, 1))).toBe(0.75);
    expect(conformingShare(col('a', 0, 0))).toBeNull();
  });
});

describe('row list', () => {
  it('asks from the start row, one request at a time, and follows next to the end', () => {
    let list = startRows(17, true);
    expect(nextRequest(list)).toEqual({ from: 17, count: 200, onlyNonconforming: true });
    list = markPending(list, 17);
    expect(nextRequest(list)).toBeNull();
    list = addPage(list, 17, true, page([17, 30, 31], 400));
    expect(list.rows.map((r) => r.row)).toEqual([17, 30, 31]);
    expect(nextRequest(list)?.from).toBe(400);
    list = addPage(markPending(list, 400), 400, true, page([401], null));
    expect(list.rows.map((r) => r.row)).toEqual([17, 30, 31, 401]);
    expect(nextRequest(list)).toBeNull();
    expect(list.column?.column).toBe('c');
  });

  it('ignores an answer for another request or filter', () => {
    const list = markPending(startRows(1, false), 1);
    expect(addPage(list, 201, false, page([201], null))).toBe(list);
    expect(addPage(list, 1, true, page([1], null))).toBe(list);
    expect(failPage(list, 201, new Error('x'))).toBe(list);
  });

  it('stops when next does not move forward and drops rows it already has', () => {
    let list = addPage(markPending(startRows(1, false), 1), 1, false, page([1, 2], 3));
    list = addPage(markPending(list, 3), 3, false, page([2, 3], 3));
    expect(list.rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(list.next).toBeNull();
  });

  it('holds a failure until retried', () => {
    let list = failPage(markPending(startRows(1, false), 1), 1, new Error('down'));
    expect(list.error).toBeInstanceOf(Error);
    expect(nextRequest(list)).toBeNull();
    list = retryRows(list);
    expect(nextRequest(list)?.from).toBe(1);
  });

  it('finds a row or the first after it, and asks for more near the end', () => {
    const rows = [2, 5, 9, 12].map((n) => row(n));
    expect(indexOfRow(rows, 5)).toBe(1);
    expect(indexOfRow(rows, 6)).toBe(2);
    expect(indexOfRow(rows, 1)).toBe(0);
    expect(indexOfRow(rows, 13)).toBe(-1);
    const list = { ...startRows(1, false), rows: Array.from({ length: 100 }, (_, i) => row(i + 1)), next: 101 };
    expect(wantsMore(list, 30)).toBe(false);
    expect(wantsMore(list, 70)).toBe(true);
    expect(wantsMore({ ...list, next: null }, 99)).toBe(false);
  });
});
