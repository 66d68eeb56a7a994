/** The head of a table, read before any scan, is exactly the top of what a full scan reads, and stops early. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTableHead } from './head';
import { openTable } from './index';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tables-head-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => [`R${i + 1}`, `张${i % 7}`, `"引号, ${i}"`]);

async function allRows(path: string, mediaType: string): Promise<string[][]> {
  const rows: string[][] = [];
  await (await openTable(path, mediaType)).scan({ onBatch: (batch) => void rows.push(...batch) });
  return rows;
}

describe('readTableHead', () => {
  it('returns the rows a full scan starts with, without reading the whole table', async () => {
    const path = join(dir, 'big.csv');
    await writeFile(path, ['id,name,note', ...rowsOf(30_000).map((r) => r.join(','))].join('\n') + '\n');
    const full = await allRows(path, 'text/csv');
    const head = await readTableHead(path, 'text/csv', 1, 200);
    expect(head.columns).toEqual(['id', 'name', 'note']);
    expect(head.rows).toEqual(full.slice(0, 200));
    expect(head.complete).toBe(false);
    expect(head.rowsRead).toBeLessThan(1000);
    expect(head.encoding).toEqual({ encoding: 'utf-8', guessed: false });

    // A page reaching past the head's limit is cut at it.
    const late = await readTableHead(path, 'text/csv', 4901, 200);
    expect(late.rows).toEqual(full.slice(4900, 5000));
    expect((await readTableHead(path, 'text/csv', 6000, 10)).rows).toEqual([]);
  });

  it('reads a small table to its end and says so', async () => {
    const path = join(dir, 'small.ndjson');
    await writeFile(path, rowsOf(30).map(([id, name]) => JSON.stringify({ id, name })).join('\n') + '\n');
    const head = await readTableHead(path, 'application/x-ndjson', 21, 50);
    expect(head.complete).toBe(true);
    expect(head.rowsRead).toBe(30);
    expect(head.rows).toEqual((await allRows(path, 'application/x-ndjson')).slice(20));
  });

  it('stops when its caller aborts, with the abort', async () => {
    const path = join(dir, 'big.csv');
    const controller = new AbortController();
    controller.abort();
    await expect(readTableHead(path, 'text/csv', 1, 200, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
