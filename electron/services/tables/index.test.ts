/**
 * `openTable` picks the reader from the manifest's media type, surfaces the encoding guess
 * (for `intake.encoding-guessed`), and refuses what it cannot read with `tables.unsupported`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../demo/gb18030';
import { openTable, tableKind, type TableHandle } from './index';

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

  it('refuses workbooks (for now) and media types that are not tables', () => {
    expect(() => tableKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'data/x.xlsx')).toThrow(
      expect.objectContaining({ code: 'tables.unsupported', message: expect.stringContaining('"data/x.xlsx" is an Excel workbook') as unknown }),
    );
    expect(() => tableKind('text/markdown', 'report.md')).toThrow(expect.objectContaining({ code: 'tables.unsupported' }));
    expect(() => tableKind('constructor', 'x')).toThrow(expect.objectContaining({ code: 'tables.unsupported' }));
  });
});
