import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPlainFile, readAhead, rechunk } from './byte-source';
import { seededBytes, seededRandom } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'byte-source-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function collect(iterable: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const piece of iterable) out.push(piece);
  return out;
}

async function* blocksOf(...sizes: number[]): AsyncGenerator<Buffer> {
  let value = 0;
  for (const size of sizes) {
    const block = Buffer.alloc(size);
    for (let i = 0; i < size; i++) block[i] = value++ & 0xff;
    await Promise.resolve();
    yield block;
  }
}

describe('rechunk', () => {
  it('cuts any run of blocks into pieces of exactly the size asked for, the last one shorter', async () => {
    const sizes = [0, 1, 7, 10, 23, 3, 0, 64];
    const total = sizes.reduce((a, b) => a + b, 0);
    const expected = Buffer.concat(await collect(blocksOf(...sizes)));
    for (const size of [1, 5, 10, 64, 1000]) {
      const pieces = await collect(rechunk(blocksOf(...sizes), size));
      expect(Buffer.concat(pieces)).toEqual(expected);
      expect(pieces.slice(0, -1).every((p) => p.length === size)).toBe(true);
      expect(pieces.at(-1)!.length).toBe(total % size || Math.min(size, total));
    }
  });

  it('yields nothing for nothing', async () => {
    expect(await collect(rechunk(blocksOf(), 8))).toEqual([]);
    expect(await collect(rechunk(blocksOf(0, 0), 8))).toEqual([]);
  });
});

describe('readAhead', () => {
  it('stops with the abort reason when the signal aborts, leaving no unhandled rejection', async () => {
    const controller = new AbortController();
    const reads: number[] = [];
    const blocks = readAhead(
      0,
      100,
      10,
      (position) => {
        reads.push(position);
        return Promise.resolve(position);
      },
      controller.signal,
    );
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const block of blocks) {
          seen.push(block);
          if (block === 20) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([0, 10, 20]);
    // At most one read ahead of what was consumed.
    expect(reads).toEqual([0, 10, 20, 30]);
  });
});

describe('openPlainFile', () => {
  const data = seededBytes(3 * 1024 * 1024 + 123, 1);
  const path = join(dir, 'plain.bin');
  writeFileSync(path, data);

  it('serves any range, shorter only past the end', async () => {
    const source = await openPlainFile(path);
    try {
      expect(source.size).toBe(data.length);
      const random = seededRandom(2);
      for (let i = 0; i < 200; i++) {
        const position = Math.floor(random() * (data.length + 10));
        const length = Math.floor(random() * 70_000);
        expect((await source.read(position, length)).equals(data.subarray(position, position + length))).toBe(true);
      }
      expect((await source.read(data.length, 10)).length).toBe(0);
      await expect(source.read(-1, 1)).rejects.toThrow(RangeError);
    } finally {
      await source.close();
    }
  });

  it('streams any range in pieces of the size asked for', async () => {
    const source = await openPlainFile(path);
    try {
      const all = await collect(source.chunks());
      expect(Buffer.concat(all).equals(data)).toBe(true);
      expect(all[0]!.length).toBe(32 * 1024);
      const random = seededRandom(3);
      for (let i = 0; i < 20; i++) {
        const start = Math.floor(random() * data.length);
        const end = start + Math.floor(random() * 2_500_000);
        const size = 1 + Math.floor(random() * 200_000);
        const pieces = await collect(source.chunks(start, end, size));
        expect(Buffer.concat(pieces).equals(data.subarray(start, end))).toBe(true);
        expect(pieces.slice(0, -1).every((p) => p.length === size)).toBe(true);
      }
    } finally {
      await source.close();
    }
  });

  it('names the file when it cannot be opened', async () => {
    await expect(openPlainFile(join(dir, 'missing.csv'), { name: 'data/missing.csv' })).rejects.toMatchObject({
      code: 'file.read-failed',
      message: expect.stringContaining('"data/missing.csv"') as unknown,
    });
  });
});
