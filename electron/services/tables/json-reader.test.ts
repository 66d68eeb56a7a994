/**
 * JSON and NDJSON tables: columns are the union of keys in first-seen order, cells keep what
 * the file says (every digit of a number, nested values as compact JSON), malformed input is
 * refused with the row and line to fix, and ranges read through the index equal the scan.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../demo/gb18030';
import type { TableEncoding } from './encoding';
import { readJsonRows, scanJsonTable, type JsonKind, type JsonScanOptions } from './json-reader';
import { CHUNK_BYTES, type TableScan } from './table-io';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tables-json-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function write(content: Buffer | string): Promise<string> {
  const path = join(dir, `t${++counter}.json`);
  await writeFile(path, content);
  return path;
}

type Collected = { scan: TableScan; rows: string[][] };

async function scanAll(path: string, kind: JsonKind, options: Partial<JsonScanOptions> = {}): Promise<Collected> {
  const rows: string[][] = [];
  const scan = await scanJsonTable(path, {
    kind,
    encoding: 'utf-8',
    ...options,
    onBatch: (batch, first, columns) => {
      expect(first).toBe(rows.length + 1);
      for (const row of batch) expect(row.length).toBeLessThanOrEqual(columns.length);
      rows.push(...batch);
    },
  });
  // Rows scanned before a key first appeared are shorter; pad them to the final columns.
  return { scan, rows: rows.map((r) => [...r, ...new Array<string>(scan.columns.length - r.length).fill('')]) };
}

function makeObjects(count: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 1; i <= count; i++) {
    const o: Record<string, unknown> = { id: i, 姓名: `张${'三四五'[i % 3]!}${i}`, note: i % 5 === 0 ? 'line\n"quoted" \\ back' : '普通' };
    if (i % 7 === 0) o.tags = ['a', { k: '中 文' }];
    if (i % 11 === 0) o.extra = null;
    out.push(o);
  }
  return out;
}

function expectedCells(objects: Record<string, unknown>[], columns: string[]): string[][] {
  return objects.map((o) =>
    columns.map((c) => {
      const v = o[c];
      if (v === undefined || v === null) return '';
      if (typeof v === 'string') return v;
      // Numbers and booleans print as JSON does; objects and arrays are JSON.
      return JSON.stringify(v);
    }),
  );
}

describe('scanJsonTable (array of objects)', () => {
  it('takes the union of keys in first-seen order and keeps every value as written', async () => {
    const path = await write(`[
      {"b": "x", "2": 1, "1": true},
      {"a": 110105199001011234, "b": "esc\\u4e2d\\n", "n": null, "f": 1.10105E+17, "z": -0.0},
      {"nested": { "k" : [1, 2.50, "s p"] , "big": 12345678901234567890 }, "b": ""}
    ]`);
    const { scan, rows } = await scanAll(path, 'json');
    expect(scan.columns).toEqual(['b', '2', '1', 'a', 'n', 'f', 'z', 'nested']);
    expect(rows).toEqual([
      ['x', '1', 'true', '', '', '', '', ''],
      ['esc中\n', '', '', '110105199001011234', '', '1.10105E+17', '-0.0', ''],
      ['', '', '', '', '', '', '', '{"k":[1,2.50,"s p"],"big":12345678901234567890}'],
    ]);
    expect(scan.largeNumbers).toEqual({ count: 2, first: [{ row: 2, column: 'a' }, { row: 2, column: 'f' }] });
  });

  it('reads an empty array and a GB18030 file', async () => {
    expect((await scanAll(await write(' [ ] \n'), 'json')).scan).toMatchObject({ columns: [], rows: 0 });
    const path = await write(Buffer.from(encodeGb18030('[{"区县":"杭州市西湖区","备注":"反斜杠\\\\与括号]}"}]')));
    const { rows, scan } = await scanAll(path, 'json', { encoding: 'gb18030' });
    expect(scan.columns).toEqual(['区县', '备注']);
    expect(rows).toEqual([['杭州市西湖区', '反斜杠\\与括号]}']]);
  });

  it('handles GB18030 trail bytes that look like brackets, quotes or backslashes', async () => {
    // 乗 and 瓆 end in 0x5D (]) and 0x7B ({) in GB18030; 诚 in 0x5C (\).
    const text = '[{"k":"乗瓆诚"},{"k":"ok"}]';
    const bytes = Buffer.from(encodeGb18030(text));
    expect([...bytes].filter((b) => b === 0x5d || b === 0x7b || b === 0x5c).length).toBeGreaterThan(2);
    const { rows } = await scanAll(await write(bytes), 'json', { encoding: 'gb18030' });
    expect(rows).toEqual([['乗瓆诚'], ['ok']]);
  });

  it.each([
    ['{"a": 1}', /one JSON object, not an array/, { line: 1 }],
    ['[{"a": 1},\n {"a": 2,}\n]', /row 2, line 2/, { row: 2, line: 2 }],
    ['[{"a": 1}, 2]', /row 2.*not a JSON object/, { row: 2 }],
    ['[{"a": 1},\n]', /comma is followed by the end/, { row: 1 }],
    ['[{"a": 1}\n{"a": 2}]', /followed by something other than a comma/, { row: 1 }],
    ['[{"a": 1}] x', /more after the end of the array/, {}],
    ['[{"a": 1}, {"a": 2', /ends before the array is closed/, { row: 2 }],
    ['[{"a": 1, "a": 2}]', /key "a" appears twice/, { row: 1 }],
    ['', /file is empty/, {}],
  ])('refuses %j with the place to fix', async (text, message, params) => {
    const error = await scanAll(await write(text), 'json', { file: 'data/t.json' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'tables.json-malformed', params: { file: 'data/t.json', ...params } });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^"data\/t.json"/);
  });

  it('serves random row ranges equal to the scan, rows spanning read chunks included', async () => {
    const objects = makeObjects(30_000);
    objects[20]!.long = 'x'.repeat(CHUNK_BYTES + 10); // one row larger than a read chunk
    const path = await write(`[\n${objects.map((o) => `  ${JSON.stringify(o)}`).join(',\n')}\n]\n`);
    const { scan, rows } = await scanAll(path, 'json', { every: 500 });
    const expected = expectedCells(objects, scan.columns);
    expect(scan.columns).toEqual(['id', '姓名', 'note', 'tags', 'extra', 'long']);
    expect(rows).toEqual(expected);
    for (const [from, count] of [[1, 30], [499, 5], [500, 1], [501, 600], [17, 10], [29_990, 50]] as const) {
      expect(await readJsonRows(path, { encoding: 'utf-8', index: scan.index, columns: scan.columns }, from, count)).toEqual(expected.slice(from - 1, from - 1 + count));
    }
  });
});

describe('scanJsonTable (NDJSON)', () => {
  it('reads one object per line, skipping blank lines and CRLF', async () => {
    const path = await write('{"a":1,"b":"x"}\r\n\r\n{"b":"y","c":[1, 2]}\r\n   \n{"a":3}');
    const { scan, rows } = await scanAll(path, 'ndjson');
    expect(scan.columns).toEqual(['a', 'b', 'c']);
    expect(rows).toEqual([['1', 'x', ''], ['', 'y', '[1,2]'], ['3', '', '']]);
    expect(scan.blankLines).toBe(2);
  });

  it('names the line and column of a malformed line', async () => {
    const error = await scanAll(await write('{"a":1}\n\n{"a": 2 "b": 3}\n'), 'ndjson', { file: 'data/x.ndjson' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'tables.json-malformed', params: { file: 'data/x.ndjson', row: 2, line: 3 } });
    expect((error as Error).message).toMatch(/row 2, line 3, column 9/);
    await expect(scanAll(await write('{"a":1}\n[1]\n'), 'ndjson')).rejects.toMatchObject({ params: { row: 2, line: 2 } });
  });

  it('never repeats the content of a malformed row in its error', async () => {
    for (const bad of ['{"phone": x13812345678}', '{"phone": 13812345678x}', '{"id":"330106199001011234" "x":1}']) {
      const error = await scanAll(await write(`{"a":1}\n${bad}\n`), 'ndjson', { file: 'data/x.ndjson' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'tables.json-malformed', params: { row: 2, line: 2 } });
      expect(JSON.stringify({ message: (error as Error).message, params: (error as { params: unknown }).params })).not.toMatch(/13812345678|330106199001011234/);
    }
  });

  it.each<TableEncoding>(['utf-8', 'utf-8-bom', 'gb18030'])('serves random row ranges equal to the scan (%s)', async (encoding) => {
    const objects = makeObjects(20_000);
    const text = objects.map((o, i) => (i % 100 === 0 ? '\n' : '') + JSON.stringify(o)).join('\n') + '\n';
    const bytes = encoding === 'gb18030' ? Buffer.from(encodeGb18030(text)) : Buffer.concat([Buffer.from(encoding === 'utf-8-bom' ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]);
    const path = await write(bytes);
    const { scan, rows } = await scanAll(path, 'ndjson', { encoding });
    const expected = expectedCells(objects, scan.columns);
    expect(rows).toEqual(expected);
    expect(scan.rows).toBe(20_000);
    let seed = 5;
    for (let i = 0; i < 100; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const from = 1 + (seed % 20_000);
      const count = 1 + (seed % 250);
      expect(await readJsonRows(path, { encoding, index: scan.index, columns: scan.columns }, from, count)).toEqual(expected.slice(from - 1, from - 1 + count));
    }
  });

  it('refuses UTF-16 JSON and invalid bytes', async () => {
    const utf16 = await write(Buffer.from('\ufeff{"a":1}\n', 'utf16le'));
    await expect(scanAll(utf16, 'ndjson', { encoding: 'utf-16le-bom' })).rejects.toMatchObject({ code: 'tables.unsupported-encoding' });
    const bad = await write(Buffer.concat([Buffer.from('{"a":"ok"}\n{"a":"'), Buffer.from([0xff]), Buffer.from('"}\n')]));
    await expect(scanAll(bad, 'ndjson', { file: 'b.ndjson' })).rejects.toMatchObject({ code: 'intake.encoding-unknown', params: { file: 'b.ndjson', offset: 17 } });
  });

  it('stops early when aborted', async () => {
    const path = await write(makeObjects(20_000).map((o) => JSON.stringify(o)).join('\n'));
    const controller = new AbortController();
    let batches = 0;
    const run = scanJsonTable(path, {
      kind: 'ndjson',
      encoding: 'utf-8',
      batchSize: 100,
      signal: controller.signal,
      onBatch: () => {
        batches++;
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(batches).toBe(1);
  });
});
