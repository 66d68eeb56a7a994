/**
 * `openTable` picks the reader from the manifest's media type, surfaces the encoding guess
 * (for `intake.encoding-guessed`), opens a workbook one sheet at a time through its derived
 * rows, and refuses what it cannot read with `tables.unsupported`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptToFile, openEncryptedFile } from '../at-rest/encrypted-file';
import { encodeGb18030 } from '../demo/gb18030';
import { writeXlsx, xlsxBuffer } from '../testing/make-xlsx';
import { XLSX_MEDIA_TYPE, openTable, readWorkbook, tableKind, type TableHandle } from './index';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tables-open-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function roundTrip(handle: TableHandle): Promise<{ columns: string[]; rows: string[][]; again: string[][] }> {
  const rows: string[][] = [];
  const scan = await handle.scan({ onBatch: (batch) => void rows.push(...batch) });
  const again = await handle.readRows(scan.index, scan.columns, 1, scan.rows);
  return { columns: scan.columns, rows, again };
}

describe('openTable', () => {
  it.each([
    ['text/csv', 'a,b\n1,中\n'],
    ['text/csv; charset=utf-8', 'a,b\n1,中\n'],
    ['text/tab-separated-values', 'a\tb\n1\t中\n'],
    ['application/json', '[{"a":1,"b":"中"}]'],
    ['application/x-ndjson', '{"a":1,"b":"中"}\n'],
  ])('reads %s', async (mediaType, content) => {
    const path = join(dir, `t-${mediaType.replace(/\W/g, '_')}`);
    await writeFile(path, content);
    const handle = await openTable(path, mediaType, { file: 'data/t' });
    expect(handle.encoding).toEqual({ encoding: 'utf-8', guessed: false });
    expect(await roundTrip(handle)).toEqual({ columns: ['a', 'b'], rows: [['1', '中']], again: [['1', '中']] });
  });

  it('reports a GB18030 guess', async () => {
    const path = join(dir, 'gb.csv');
    await writeFile(path, encodeGb18030('区县\n西湖区\n'));
    const handle = await openTable(path, 'text/csv');
    expect(handle.encoding).toEqual({ encoding: 'gb18030', guessed: true });
    expect((await roundTrip(handle)).rows).toEqual([['西湖区']]);
  });

  it('reads a workbook sheet by sheet through derived rows, with an encoding that is not guessed', async () => {
    const path = await writeXlsx(join(dir, 'book.xlsx'), {
      sheets: [
        { name: '名录', rows: [['a', 'b'], ['1', '中'], { cells: ['2', '西'], hidden: true }] },
        { name: '隐藏', state: 'hidden', rows: [['phone'], ['13812345678']] },
      ],
    });
    expect(tableKind(XLSX_MEDIA_TYPE, 'data/book.xlsx')).toBe('xlsx');
    const first = await openTable(path, XLSX_MEDIA_TYPE, { file: 'data/book.xlsx', sheet: '名录', derivedPath: join(dir, 'book-1.ndjson') });
    expect(first.kind).toBe('xlsx');
    expect(first.encoding).toEqual({ encoding: 'utf-8', guessed: false });
    expect(await roundTrip(first)).toEqual({ columns: ['a', 'b'], rows: [['1', '中'], ['2', '西']], again: [['1', '中'], ['2', '西']] });
    const scan = await first.scan({ onBatch: () => undefined });
    expect(scan).toMatchObject({ sheet: '名录', state: 'visible', hiddenRows: { count: 1, first: [2] } });
    const second = await openTable(path, XLSX_MEDIA_TYPE, { file: 'data/book.xlsx', sheet: '隐藏', derivedPath: join(dir, 'book-2.ndjson') });
    expect(await roundTrip(second)).toEqual({ columns: ['phone'], rows: [['13812345678']], again: [['13812345678']] });
    await expect(openTable(path, XLSX_MEDIA_TYPE, { file: 'data/book.xlsx' })).rejects.toThrow(/sheet/);
  });

  it('reads a workbook kept encrypted, and keeps its derived rows encrypted too', async () => {
    const key = randomBytes(32);
    const path = join(dir, 'stored.xlsx');
    const bytes = await xlsxBuffer({ creator: '王小明', sheets: [{ name: '隐藏', state: 'hidden', rows: [['phone'], ['13812345678'], ['13987654321']] }] });
    await encryptToFile([bytes], path, key);
    const open = (p: string, file: string) => openEncryptedFile(p, key, { name: file });
    expect(await readWorkbook(path, { file: 'data/book.xlsx', open })).toMatchObject({ sheets: [{ name: '隐藏', state: 'hidden' }], people: [{ field: 'creator', value: '王小明' }], bytes: bytes.length });
    const derivedPath = join(dir, 'stored-1.ndjson');
    const handle = await openTable(path, XLSX_MEDIA_TYPE, { file: 'data/book.xlsx', sheet: '隐藏', derivedPath, open, derivedKey: key });
    expect(await roundTrip(handle)).toEqual({ columns: ['phone'], rows: [['13812345678'], ['13987654321']], again: [['13812345678'], ['13987654321']] });
    expect((await handle.scan({ onBatch: () => undefined })).bytes).toBe(bytes.length);
    // On disk, neither the workbook nor the rows derived from it show a value.
    expect((await readFile(derivedPath)).includes('13812345678')).toBe(false);
    // Read without the key, the derived rows are refused rather than misread.
    const plain = await openTable(path, XLSX_MEDIA_TYPE, { file: 'data/book.xlsx', sheet: '隐藏', derivedPath });
    const scan = await handle.scan({ onBatch: () => undefined });
    await expect(plain.readRows(scan.index, scan.columns, 1, 1)).rejects.toThrow();
  });

  it('refuses media types that are not tables', () => {
    expect(() => tableKind('text/markdown', 'report.md')).toThrow(expect.objectContaining({ code: 'tables.unsupported' }));
    expect(() => tableKind('constructor', 'x')).toThrow(expect.objectContaining({ code: 'tables.unsupported' }));
  });
});
