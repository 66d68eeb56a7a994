/**
 * The CSV/TSV reader as the scanner and the preview grid rely on it: every row of every
 * supported encoding comes through intact (quotes, embedded line breaks, CRLF, characters cut
 * by chunk boundaries); problems are reported, not fatal; and `readRows` through the index
 * returns exactly the rows of a full scan, for any range.
 */
import { appendFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../demo/gb18030';
import { detectLinebreak, readRows, scanTable, type CsvScanOptions } from './csv-reader';
import type { TableEncoding } from './encoding';
import { parseRowIndex } from './row-index';
import { CHUNK_BYTES, type TableScan } from './table-io';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tables-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A small deterministic generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER = ['编号', '姓名', '电话', '地址', '备注'];
const NAMES = ['张三', '李四', '王五', '赵六', '欧阳娜娜', 'Zhang "Z" San'];
const NOTES = ['', '普通备注', '含,逗号', '两行\n备注', 'CRLF\r\n在内', '引号"在内"', '  前后空格  ', '浙江省杭州市西湖区文三路90号东部软件园'];

/** Rows with Chinese text, quotes, commas, and cells spanning lines (LF and CRLF). */
function makeRows(count: number, seed: number): string[][] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const rows: string[][] = [];
  for (let i = 1; i <= count; i++) {
    const note = pick(NOTES);
    rows.push([String(i), pick(NAMES), `138${String(Math.floor(next() * 1e8)).padStart(8, '0')}`, `杭州市${pick(['西湖区', '上城区', '滨江区'])}${i % 97}号`, note.repeat(1 + (i % 3))]);
  }
  return rows;
}

function toCsv(header: string[], rows: string[][], delimiter = ',', linebreak = '\n'): string {
  const cell = (text: string) => (text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [header, ...rows].map((r) => r.map(cell).join(delimiter)).join(linebreak) + linebreak;
}

function encode(text: string, encoding: TableEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text);
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    case 'utf-16le-bom':
      return Buffer.from(`\ufeff${text}`, 'utf16le');
    case 'utf-16be-bom':
      return Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
    case 'gb18030':
      return Buffer.from(encodeGb18030(text));
  }
}

let counter = 0;
async function write(content: Buffer | string, name = `t${++counter}.csv`): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

type Collected = { scan: TableScan; rows: string[][]; firsts: number[] };

async function scanAll(path: string, options: Partial<CsvScanOptions> & { encoding: TableEncoding }): Promise<Collected> {
  const rows: string[][] = [];
  const firsts: number[] = [];
  const scan = await scanTable(path, {
    delimiter: ',',
    ...options,
    onBatch: (batch, first) => {
      firsts.push(first);
      expect(first).toBe(rows.length + 1);
      rows.push(...batch);
    },
  });
  return { scan, rows, firsts };
}

describe('scanTable', () => {
  it('handles quotes, embedded line breaks and CRLF, and strips the header', async () => {
    const path = await write('id,name,note\r\n1,"张三","line1\r\nline2"\r\n2,李四,"say ""hi"""\r\n3,,\r\n');
    const { scan, rows } = await scanAll(path, { encoding: 'utf-8' });
    expect(scan.columns).toEqual(['id', 'name', 'note']);
    expect(rows).toEqual([
      ['1', '张三', 'line1\r\nline2'],
      ['2', '李四', 'say "hi"'],
      ['3', '', ''],
    ]);
    expect(scan.rows).toBe(3);
    expect(scan.index.linebreak).toBe('\r\n');
    expect(scan.ragged).toEqual({ count: 0, first: [] });
  });

  it.each<TableEncoding>(['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom', 'utf-16be-bom'])('reads %s and serves the same rows by range', async (encoding) => {
    const expected = makeRows(3000, 7);
    const path = await write(encode(toCsv(HEADER, expected), encoding));
    const { scan, rows } = await scanAll(path, { encoding, every: 100 });
    expect(scan.columns).toEqual(HEADER);
    expect(rows).toEqual(expected);
    expect(scan.bytes).toBe((await stat(path)).size);
    for (const [from, count] of [[1, 5], [99, 3], [100, 2], [101, 1], [2950, 100], [3000, 1]] as const) {
      expect(await readRows(path, { encoding, delimiter: ',', index: scan.index }, from, count)).toEqual(expected.slice(from - 1, from - 1 + count));
    }
  });

  it('decodes characters and records cut by chunk boundaries', async () => {
    // The 1 MiB read chunks cut a three-byte character, then a quoted line break.
    const header = 'id,text\n';
    const pad = 'x'.repeat(CHUNK_BYTES - header.length - 3);
    const second = `2,"${'y'.repeat(CHUNK_BYTES - 8)}\n中文"\n`;
    const expected = [['1', `${pad}中文`], ['2', `${'y'.repeat(CHUNK_BYTES - 8)}\n中文`], ['3', '末']];
    const text = `${header}1,${pad}中文\n${second}3,末\n`;
    expect(Buffer.from(text).subarray(CHUNK_BYTES - 1, CHUNK_BYTES + 2).toString()).toBe('中');
    for (const encoding of ['utf-8', 'gb18030'] as const) {
      const path = await write(encode(text, encoding));
      const { scan, rows } = await scanAll(path, { encoding, every: 1 });
      expect(rows).toEqual(expected);
      expect(await readRows(path, { encoding, delimiter: ',', index: scan.index }, 2, 2)).toEqual(expected.slice(1));
    }
  });

  it('reports ragged rows (row, line, expected, actual) and still yields them', async () => {
    const path = await write('a,b,c\n1,2,3\n4,5\n"multi\nline",7,8,9\n10,11,12\n');
    const { scan, rows } = await scanAll(path, { encoding: 'utf-8' });
    expect(rows).toEqual([['1', '2', '3'], ['4', '5'], ['multi\nline', '7', '8', '9'], ['10', '11', '12']]);
    expect(scan.ragged).toEqual({
      count: 2,
      first: [
        { row: 2, line: 3, expected: 3, actual: 2 },
        { row: 3, line: 4, expected: 3, actual: 4 },
      ],
    });
  });

  it('caps the ragged list but counts every ragged row', async () => {
    const path = await write(`a,b\n${'1\n'.repeat(150)}`);
    const { scan } = await scanAll(path, { encoding: 'utf-8' });
    expect(scan.ragged.count).toBe(150);
    expect(scan.ragged.first).toHaveLength(100);
    expect(scan.ragged.first[99]).toEqual({ row: 100, line: 101, expected: 2, actual: 1 });
  });

  it('keeps a U+FEFF that starts a row in the middle of the file (papaparse would drop it)', async () => {
    const text = `a,b\n${'1,x\n'.repeat(20_000)}\ufeff2,y\n3,z\n`;
    const path = await write(text);
    const { rows, scan } = await scanAll(path, { encoding: 'utf-8', every: 1 });
    expect(rows.slice(-2)).toEqual([['\ufeff2', 'y'], ['3', 'z']]);
    expect(await readRows(path, { encoding: 'utf-8', delimiter: ',', index: scan.index }, 20_001, 2)).toEqual([['\ufeff2', 'y'], ['3', 'z']]);
  });

  it('keeps a quote inside an unquoted value as text', async () => {
    const { rows, scan } = await scanAll(await write('size,note\r\n5" screen,ok\r\n7,"x"\r\n'), { encoding: 'utf-8' });
    expect(rows).toEqual([['5" screen', 'ok'], ['7', 'x']]);
    expect(scan.quoteProblems.count).toBe(0);
  });

  it('reports an unterminated quote instead of failing', async () => {
    const path = await write('a,b\n1,ok\n2,"never closed\n3,x\n');
    const { scan, rows } = await scanAll(path, { encoding: 'utf-8' });
    expect(rows[0]).toEqual(['1', 'ok']);
    expect(rows[1]).toEqual(['2', 'never closed\n3,x\n']);
    expect(scan.quoteProblems).toEqual({ count: 1, first: [{ row: 2, line: 3, problem: 'unterminated-quote' }] });
  });

  it('refuses a record that grows past the limit (an unterminated quote in a big file)', async () => {
    const path = await write(`a,b\n1,"open\n${'2,filler text\n'.repeat(250_000)}`, 'runaway.csv');
    await expect(scanAll(path, { encoding: 'utf-8', maxRecordBytes: 100_000, file: 'data/runaway.csv' })).rejects.toMatchObject({
      code: 'tables.record-too-large',
      params: { file: 'data/runaway.csv', row: 1, line: 2 },
    });
  });

  it('skips blank lines, but keeps an empty line as an empty value in a one-column table', async () => {
    const multi = await scanAll(await write('a,b\n\n1,2\n\n\n3,4\n'), { encoding: 'utf-8', every: 1 });
    expect(multi.rows).toEqual([['1', '2'], ['3', '4']]);
    expect(multi.scan.blankLines).toBe(3);
    expect(multi.scan.ragged.count).toBe(0);
    const path = await write('v\nx\n\ny\n');
    const single = await scanAll(path, { encoding: 'utf-8', every: 1 });
    expect(single.rows).toEqual([['x'], [''], ['y']]);
    expect(await readRows(path, { encoding: 'utf-8', delimiter: ',', index: single.scan.index }, 2, 5)).toEqual([[''], ['y']]);
  });

  it('reads TSV, old-Mac line breaks, header-only and empty files', async () => {
    const tsv = await scanAll(await write('a\tb\n"x\ty"\t2\n3\t"4\n5"\n'), { encoding: 'utf-8', delimiter: '\t' });
    expect(tsv.rows).toEqual([['x\ty', '2'], ['3', '4\n5']]);
    const mac = await write('a,b\r1,2\r3,"x\ry"\r4,5');
    const cr = await scanAll(mac, { encoding: 'utf-8', every: 1 });
    expect(cr.rows).toEqual([['1', '2'], ['3', 'x\ry'], ['4', '5']]);
    expect(await readRows(mac, { encoding: 'utf-8', delimiter: ',', index: cr.scan.index }, 2, 2)).toEqual([['3', 'x\ry'], ['4', '5']]);
    const headerOnly = await scanAll(await write('a,b\n'), { encoding: 'utf-8' });
    expect(headerOnly.scan).toMatchObject({ columns: ['a', 'b'], rows: 0, index: { offsets: [] } });
    const empty = await scanAll(await write(''), { encoding: 'utf-8' });
    expect(empty.scan).toMatchObject({ columns: [], rows: 0, bytes: 0 });
  });

  it('refuses bytes that do not decode, naming the file and about where', async () => {
    const head = Buffer.from(`a,b\n${'1,ok\n'.repeat(1000)}`);
    const path = await write(Buffer.concat([head, Buffer.from([0x32, 0x2c, 0xff, 0x0a])]));
    const error = await scanAll(path, { encoding: 'utf-8', file: 'data/bad.csv' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'intake.encoding-unknown', params: { file: 'data/bad.csv', offset: head.length + 2 } });
    expect((error as Error).message).toMatch(/"data\/bad.csv" is not valid UTF-8/);
    const gb = await write(Buffer.concat([Buffer.from(encodeGb18030('a,b\n中,文\n')), Buffer.from([0x31, 0x2c, 0xd6, 0x0a])]));
    await expect(scanAll(gb, { encoding: 'gb18030', guessed: true })).rejects.toMatchObject({ code: 'intake.encoding-unknown' });
  });

  it('stops early when aborted', async () => {
    const path = await write(toCsv(HEADER, makeRows(20_000, 3)));
    const controller = new AbortController();
    let batches = 0;
    const run = scanTable(path, {
      encoding: 'utf-8',
      delimiter: ',',
      batchSize: 500,
      signal: controller.signal,
      onBatch: () => {
        batches++;
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(batches).toBe(1);
  });

  it('reports progress up to the size of the file', async () => {
    const path = await write(toCsv(HEADER, makeRows(30_000, 5)));
    const seen: [number, number][] = [];
    const { scan } = await scanAll(path, { encoding: 'utf-8', onProgress: (bytes, rows) => seen.push([bytes, rows]) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)![0]).toBe(scan.bytes);
    expect(seen.every(([b, r], i) => i === 0 || (b > seen[i - 1]![0] && r >= seen[i - 1]![1]))).toBe(true);
  });
});

describe('detectLinebreak', () => {
  it('finds the first line break outside a quoted field', () => {
    expect(detectLinebreak('a,"x\r\ny"\nb', ',', false)).toBe('\n');
    expect(detectLinebreak('a,b\r\n', ',', false)).toBe('\r\n');
    expect(detectLinebreak('a,b\rc', ',', false)).toBe('\r');
    expect(detectLinebreak('a\t"x\ny"\r\n', '\t', false)).toBe('\r\n');
  });

  it('treats a quote inside a value as text, like papaparse', () => {
    expect(detectLinebreak('size,5" screen\r\n1,2', ',', false)).toBe('\r\n');
  });

  it('waits for more text when it cannot tell yet', () => {
    expect(detectLinebreak('a,b\r', ',', false)).toBeNull();
    expect(detectLinebreak('a,"b\n', ',', false)).toBeNull();
    expect(detectLinebreak('a,b\r', ',', true)).toBe('\r');
    expect(detectLinebreak('a,b', ',', true)).toBe('\n');
  });
});

describe('readRows', () => {
  let path: string;
  let expected: string[][];
  let scan: TableScan;

  beforeAll(async () => {
    expected = makeRows(50_000, 42);
    path = await write(toCsv(HEADER, expected, ',', '\r\n'), 'big.csv');
    const collected = await scanAll(path, { encoding: 'utf-8' });
    scan = collected.scan;
    expect(collected.rows).toEqual(expected);
  });

  it('returns exactly the rows of the full scan for random ranges of a 50,000-row file', async () => {
    expect(scan.index.offsets).toHaveLength(Math.ceil(50_000 / 1024));
    const next = random(99);
    const index = parseRowIndex(JSON.parse(JSON.stringify(scan.index)), 'big.csv'); // as stored on disk
    for (let i = 0; i < 200; i++) {
      const from = 1 + Math.floor(next() * 50_000);
      const count = 1 + Math.floor(next() * 300);
      const got = await readRows(path, { encoding: 'utf-8', delimiter: ',', index }, from, count);
      expect(got).toEqual(expected.slice(from - 1, from - 1 + count));
    }
    for (const from of [1, 1024, 1025, 2048, 2049, 49_152, 49_153, 50_000]) {
      expect(await readRows(path, { encoding: 'utf-8', delimiter: ',', index }, from, 2)).toEqual(expected.slice(from - 1, from + 1));
    }
  });

  it('clamps to the table and rejects nonsense ranges', async () => {
    const options = { encoding: 'utf-8' as const, delimiter: ',', index: scan.index };
    expect(await readRows(path, options, 50_001, 10)).toEqual([]);
    expect(await readRows(path, options, 10, 0)).toEqual([]);
    await expect(readRows(path, options, 0, 10)).rejects.toMatchObject({ code: 'tables.row-range' });
    await expect(readRows(path, options, 1.5, 10)).rejects.toMatchObject({ code: 'tables.row-range' });
  });

  it('refuses an index that does not describe the file', async () => {
    await expect(readRows(path, { encoding: 'gb18030', delimiter: ',', index: scan.index }, 1, 1)).rejects.toMatchObject({ code: 'tables.index-invalid' });
    expect(() => parseRowIndex({ ...scan.index, offsets: [] }, 'big.csv')).toThrow(/damaged/);
    const copy = await write(toCsv(HEADER, expected.slice(0, 10)));
    const small = (await scanAll(copy, { encoding: 'utf-8' })).scan;
    await appendFile(copy, '11,x,y,z,w\n');
    await expect(readRows(copy, { encoding: 'utf-8', delimiter: ',', index: small.index }, 1, 1)).rejects.toMatchObject({ code: 'tables.index-stale' });
    await expect(readRows(join(dir, 'gone.csv'), { encoding: 'utf-8', delimiter: ',', index: small.index }, 1, 1)).rejects.toMatchObject({
      code: 'tables.read-failed',
    });
  });
});
