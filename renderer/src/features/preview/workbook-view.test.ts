/** Workbooks in the preview: one file per workbook, the sheet shown, and keyboard moves between sheet tabs. */
import { describe, expect, it } from 'vitest';
import type { TableInfo } from '../../../../shared/ipc/schemas/preview';
import { groupTables, hiddenSheets, pickTable, tabKeyTarget } from './workbook-view';

const table = (file: string, sheet?: string, state: 'visible' | 'hidden' | 'veryHidden' = 'visible', declared = false): TableInfo => ({
  file,
  ...(sheet !== undefined ? { sheet, sheetInfo: { state, declared, hiddenRows: { count: 0, first: [] }, hiddenColumns: [] } } : {}),
  mediaType: sheet === undefined ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  encoding: 'utf-8',
  encodingGuessed: false,
  columns: [],
  rows: 1,
  raggedRows: 0,
});

describe('workbook view', () => {
  const tables = [table('a.csv'), table('book.xlsx', '说明'), table('book.xlsx', '名录', 'visible', true), table('book.xlsx', '联系人', 'hidden'), table('b.csv')];

  it('groups the sheets of a workbook into one file, in order', () => {
    expect(groupTables(tables).map((f) => [f.file, f.workbook, f.tables.map((t) => t.sheet ?? null)])).toEqual([
      ['a.csv', false, [null]],
      ['book.xlsx', true, ['说明', '名录', '联系人']],
      ['b.csv', false, [null]],
    ]);
  });

  it('shows the chosen sheet, else the declared one, else the first', () => {
    const book = groupTables(tables)[1]!;
    expect(pickTable(book, '联系人')?.sheet).toBe('联系人');
    expect(pickTable(book, undefined)?.sheet).toBe('名录');
    expect(pickTable(book, 'gone')?.sheet).toBe('名录');
    expect(pickTable({ ...book, tables: book.tables.filter((t) => !t.sheetInfo?.declared) }, undefined)?.sheet).toBe('说明');
    expect(hiddenSheets(book)).toBe(1);
    expect(pickTable(groupTables(tables)[0]!, '联系人')?.file).toBe('a.csv');
  });

  it('moves between tabs with arrows (wrapping), Home and End, and ignores other keys', () => {
    expect(tabKeyTarget('ArrowRight', 0, 3)).toBe(1);
    expect(tabKeyTarget('ArrowRight', 2, 3)).toBe(0);
    expect(tabKeyTarget('ArrowLeft', 0, 3)).toBe(2);
    expect(tabKeyTarget('Home', 2, 3)).toBe(0);
    expect(tabKeyTarget('End', 0, 3)).toBe(2);
    expect(tabKeyTarget('Enter', 0, 3)).toBeNull();
    expect(tabKeyTarget('ArrowRight', 0, 0)).toBeNull();
  });
});
