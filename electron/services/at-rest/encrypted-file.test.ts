import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/ipc/result';
import {
  DEFAULT_ENCRYPTED_CHUNK_BYTES,
  HEADER_BYTES,
  TAG_BYTES,
  createEncryptingStream,
  encryptToFile,
  encryptedFileBytes,
  isEncryptedFile,
  keyIdOf,
  openEncryptedFile,
} from './encrypted-file';
import { seededBytes, seededRandom } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'encrypted-file-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const C = DEFAULT_ENCRYPTED_CHUNK_BYTES;
let fileNumber = 0;
const nextPath = () => join(dir, `f${++fileNumber}.enc`);

/** The bytes as a source of randomly sized pieces, to exercise every buffering path of the writer. */
async function* piecesOf(data: Buffer, seed: number): AsyncGenerator<Buffer> {
  const random = seededRandom(seed);
  let offset = 0;
  while (offset < data.length) {
    const roll = random();
    const size = roll < 0.3 ? 1 + Math.floor(random() * 100) : roll < 0.8 ? 1 + Math.floor(random() * 70_000) : 1 + Math.floor(random() * 300_000);
    yield data.subarray(offset, offset + size);
    offset += size;
    await Promise.resolve();
  }
}

async function encrypt(data: Buffer, options: { key?: Buffer; chunkBytes?: number; seed?: number } = {}): Promise<string> {
  const path = nextPath();
  await encryptToFile(piecesOf(data, options.seed ?? data.length), path, options.key ?? KEY, options.chunkBytes ? { chunkBytes: options.chunkBytes } : {});
  return path;
}

async function collect(iterable: AsyncIterable<Buffer>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const piece of iterable) out.push(piece);
  return Buffer.concat(out);
}

/** Opens the file and reads every byte, by chunks() and by read(). */
async function readAll(path: string, key: Buffer = KEY): Promise<Buffer> {
  const source = await openEncryptedFile(path, key, { name: 'data/table.csv', cacheChunks: 0 });
  try {
    const streamed = await collect(source.chunks());
    const read = await source.read(0, source.size);
    expect(read.equals(streamed)).toBe(true);
    return streamed;
  } finally {
    await source.close();
  }
}

const tamperedError = { code: 'store.tampered', message: expect.stringContaining('"data/table.csv"') as unknown };

function mutate(path: string, change: (bytes: Buffer) => Buffer): string {
  const copy = nextPath();
  writeFileSync(copy, change(Buffer.from(readFileSync(path))));
  return copy;
}

describe('round trip', () => {
  for (const size of [0, 1, C - 1, C, C + 1, 2 * C, 5 * 1024 * 1024 + 17]) {
    it(`${size} bytes`, async () => {
      const data = seededBytes(size, size + 1);
      const path = await encrypt(data);
      expect(statSync(path).size).toBe(encryptedFileBytes(size));
      const source = await openEncryptedFile(path, KEY);
      try {
        expect(source.size).toBe(size);
        expect(source.chunkBytes).toBe(C);
        expect(source.keyId).toBe(keyIdOf(KEY));
      } finally {
        await source.close();
      }
      expect((await readAll(path)).equals(data)).toBe(true);
      expect(await isEncryptedFile(path)).toBe(true);
    });
  }

  it('works with small chunks and sizes on and around chunk boundaries', async () => {
    for (const chunkBytes of [64, 100, 4096]) {
      for (const size of [0, 1, chunkBytes - 1, chunkBytes, chunkBytes + 1, 7 * chunkBytes, 7 * chunkBytes + 3]) {
        const data = seededBytes(size, size * 31 + chunkBytes);
        const path = await encrypt(data, { chunkBytes });
        expect(statSync(path).size).toBe(encryptedFileBytes(size, chunkBytes));
        expect((await readAll(path)).equals(data), `${size} bytes in chunks of ${chunkBytes}`).toBe(true);
      }
    }
  });

  it('never stores the plaintext, and the same plaintext encrypts differently every time', async () => {
    const data = Buffer.from('13812345678,330106197001011234\n'.repeat(5000));
    const a = readFileSync(await encrypt(data));
    const b = readFileSync(await encrypt(data));
    expect(a.includes(Buffer.from('13812345678'))).toBe(false);
    expect(a.subarray(HEADER_BYTES).equals(b.subarray(HEADER_BYTES))).toBe(false);
  });

  it('works in a stream pipeline after a tap that sees the plaintext', async () => {
    const data = seededBytes(1_000_000, 9);
    const seen: Buffer[] = [];
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        seen.push(chunk);
        callback(null, chunk);
      },
    });
    const path = nextPath();
    await pipeline(Readable.from(piecesOf(data, 3)), tap, createEncryptingStream(KEY), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    expect(Buffer.concat(seen).equals(data)).toBe(true);
    expect((await readAll(path)).equals(data)).toBe(true);
  });
});

describe('random access', () => {
  const data = seededBytes(3 * 1024 * 1024 + 4321, 42);
  let path = '';

  it('read() of arbitrary ranges equals the plaintext slice', async () => {
    path = await encrypt(data);
    for (const cacheChunks of [0, 4, 16]) {
      const source = await openEncryptedFile(path, KEY, { cacheChunks });
      try {
        const random = seededRandom(cacheChunks + 100);
        for (let i = 0; i < 300; i++) {
          const position = Math.floor(random() * (data.length + 100));
          const roll = random();
          const length = roll < 0.4 ? Math.floor(random() * 200) : roll < 0.9 ? Math.floor(random() * 200_000) : Math.floor(random() * 3_000_000);
          const got = await source.read(position, length);
          expect(got.equals(data.subarray(position, position + length)), `read(${position}, ${length})`).toBe(true);
        }
        // Edges: chunk boundaries, the last byte, past the end.
        for (const [position, length] of [
          [C - 1, 2],
          [C, C],
          [C - 1, C + 2],
          [data.length - 1, 1],
          [data.length - 1, 100],
          [data.length, 1],
          [data.length + 5, 10],
          [0, 0],
        ] as const) {
          expect((await source.read(position, length)).equals(data.subarray(position, position + length))).toBe(true);
        }
        // Concurrent reads.
        const ranges = Array.from({ length: 50 }, () => [Math.floor(random() * data.length), Math.floor(random() * 150_000)] as const);
        const results = await Promise.all(ranges.map(([p, l]) => source.read(p, l)));
        results.forEach((got, k) => {
          const [p, l] = ranges[k]!;
          expect(got.equals(data.subarray(p, p + l))).toBe(true);
        });
        await expect(source.read(-1, 5)).rejects.toThrow(RangeError);
        await expect(source.read(0, -5)).rejects.toThrow(RangeError);
      } finally {
        await source.close();
      }
    }
  });

  it('the caller may change what read() returns without affecting later reads', async () => {
    const source = await openEncryptedFile(path, KEY);
    try {
      const first = await source.read(10, 100);
      first.fill(0);
      expect((await source.read(10, 100)).equals(data.subarray(10, 110))).toBe(true);
    } finally {
      await source.close();
    }
  });

  it('chunks(start, end, size) equals the slice, in pieces of that size', async () => {
    const source = await openEncryptedFile(path, KEY);
    try {
      const random = seededRandom(7);
      for (let i = 0; i < 40; i++) {
        const start = Math.floor(random() * data.length);
        const end = start + Math.floor(random() * 2_000_000);
        const size = 1 + Math.floor(random() * 300_000);
        const pieces: Buffer[] = [];
        for await (const piece of source.chunks(start, end, size)) pieces.push(piece);
        expect(Buffer.concat(pieces).equals(data.subarray(start, end)), `chunks(${start}, ${end}, ${size})`).toBe(true);
        expect(pieces.slice(0, -1).every((p) => p.length === size)).toBe(true);
      }
      expect(await collect(source.chunks(5, 5))).toEqual(Buffer.alloc(0));
      expect(await collect(source.chunks(data.length + 1))).toEqual(Buffer.alloc(0));
    } finally {
      await source.close();
    }
  });

  it('chunks() stops when its signal aborts', async () => {
    const source = await openEncryptedFile(path, KEY);
    const controller = new AbortController();
    let seen = 0;
    try {
      await expect(
        (async () => {
          for await (const piece of source.chunks(0, undefined, 64 * 1024, controller.signal)) {
            seen += piece.length;
            if (seen >= 1024 * 1024) controller.abort();
          }
        })(),
      ).rejects.toMatchObject({ name: 'AbortError' });
      expect(seen).toBeLessThan(data.length);
    } finally {
      await source.close();
    }
  });
});

describe('tampering', () => {
  const chunkBytes = 1000;
  // Five full chunks and a partial final one.
  const data = seededBytes(5 * chunkBytes + 321, 5);
  const stored = chunkBytes + TAG_BYTES;
  const chunkAt = (i: number) => HEADER_BYTES + i * stored;
  let path = '';

  it('the original reads back', async () => {
    path = await encrypt(data, { chunkBytes });
    expect((await readAll(path)).equals(data)).toBe(true);
  });

  it('any flipped bit, anywhere in the file, is detected', async () => {
    const size = statSync(path).size;
    const random = seededRandom(11);
    for (let offset = 0; offset < size; offset += offset < HEADER_BYTES ? 1 : 1 + Math.floor(random() * 40)) {
      const bit = 1 << Math.floor(random() * 8);
      const copy = mutate(path, (bytes) => {
        bytes[offset]! ^= bit;
        return bytes;
      });
      await expect(readAll(copy), `byte ${offset}`).rejects.toMatchObject(tamperedError);
      rmSync(copy);
    }
  });

  it('a flipped byte in the header, a chunk or a tag', async () => {
    for (const offset of [0, 8, 12, 20, 40, chunkAt(2) + 17, chunkAt(2) + chunkBytes + 3, chunkAt(5) + 2]) {
      const copy = mutate(path, (bytes) => {
        bytes[offset]! ^= 0x01;
        return bytes;
      });
      await expect(readAll(copy)).rejects.toMatchObject(tamperedError);
    }
  });

  it('damage inside one chunk fails the reads that touch it and only those', async () => {
    const copy = mutate(path, (bytes) => {
      bytes[chunkAt(2) + 5]! ^= 0x80;
      return bytes;
    });
    const source = await openEncryptedFile(copy, KEY, { name: 'data/table.csv' });
    try {
      expect((await source.read(0, 2 * chunkBytes)).equals(data.subarray(0, 2 * chunkBytes))).toBe(true);
      expect((await source.read(3 * chunkBytes, 500)).equals(data.subarray(3 * chunkBytes, 3 * chunkBytes + 500))).toBe(true);
      await expect(source.read(2 * chunkBytes + 999, 1)).rejects.toMatchObject({ ...tamperedError, params: expect.objectContaining({ detail: expect.stringContaining('chunk 3 of 6') as unknown }) as unknown });
      await expect(collect(source.chunks())).rejects.toMatchObject(tamperedError);
    } finally {
      await source.close();
    }
  });

  it('truncating the final chunk, dropping it, or appending bytes', async () => {
    const size = statSync(path).size;
    const cases = {
      'one byte short': (b: Buffer) => b.subarray(0, size - 1),
      'final chunk dropped': (b: Buffer) => b.subarray(0, chunkAt(5)),
      'two chunks dropped': (b: Buffer) => b.subarray(0, chunkAt(4)),
      'all chunks dropped': (b: Buffer) => b.subarray(0, HEADER_BYTES),
      'header only, partly': (b: Buffer) => b.subarray(0, 20),
      'empty file': (b: Buffer) => b.subarray(0, 0),
      'a byte appended': (b: Buffer) => Buffer.concat([b, Buffer.of(0)]),
      'the final chunk repeated': (b: Buffer) => Buffer.concat([b, b.subarray(chunkAt(5))]),
      'a full chunk appended': (b: Buffer) => Buffer.concat([b.subarray(0, chunkAt(5)), b.subarray(chunkAt(4), chunkAt(5)), b.subarray(chunkAt(5))]),
    };
    for (const [label, change] of Object.entries(cases)) {
      await expect(readAll(mutate(path, change)), label).rejects.toMatchObject(tamperedError);
    }
  });

  it('a file that ends after a full chunk (its empty final chunk dropped)', async () => {
    const exact = await encrypt(data.subarray(0, 3 * chunkBytes), { chunkBytes });
    expect((await readAll(exact)).length).toBe(3 * chunkBytes);
    await expect(readAll(mutate(exact, (b) => b.subarray(0, b.length - TAG_BYTES)))).rejects.toMatchObject(tamperedError);
  });

  it('two chunks swapped', async () => {
    const copy = mutate(path, (b) =>
      Buffer.concat([b.subarray(0, chunkAt(1)), b.subarray(chunkAt(2), chunkAt(3)), b.subarray(chunkAt(1), chunkAt(2)), b.subarray(chunkAt(3))]),
    );
    await expect(readAll(copy)).rejects.toMatchObject(tamperedError);
  });

  it('a chunk spliced in from another file written with the same key, or its header', async () => {
    const other = readFileSync(await encrypt(data, { chunkBytes }));
    const chunk = mutate(path, (b) => Buffer.concat([b.subarray(0, chunkAt(2)), other.subarray(chunkAt(2), chunkAt(3)), b.subarray(chunkAt(3))]));
    await expect(readAll(chunk)).rejects.toMatchObject(tamperedError);
    const header = mutate(path, (b) => Buffer.concat([other.subarray(0, HEADER_BYTES), b.subarray(HEADER_BYTES)]));
    await expect(readAll(header)).rejects.toMatchObject(tamperedError);
    const final = mutate(path, (b) => Buffer.concat([b.subarray(0, chunkAt(5)), other.subarray(chunkAt(5))]));
    await expect(readAll(final)).rejects.toMatchObject(tamperedError);
  });

  it('a prefix of another file with the same key and salt cannot pass as shorter content', async () => {
    // Cutting a file after a full chunk leaves a non-final chunk last: its flag does not match.
    await expect(readAll(mutate(path, (b) => b.subarray(0, chunkAt(3))))).rejects.toMatchObject(tamperedError);
  });

  it('the wrong key, even with the header rewritten to name it', async () => {
    await expect(readAll(path, OTHER_KEY)).rejects.toMatchObject({ code: 'store.tampered', message: expect.stringContaining('not encrypted with this workspace') as unknown });
    const forged = mutate(path, (b) => {
      Buffer.from(keyIdOf(OTHER_KEY), 'hex').copy(b, 32);
      return b;
    });
    await expect(readAll(forged, OTHER_KEY)).rejects.toMatchObject(tamperedError);
  });

  it('a plain file is not mistaken for an encrypted one', async () => {
    const plain = nextPath();
    writeFileSync(plain, data);
    expect(await isEncryptedFile(plain)).toBe(false);
    await expect(readAll(plain)).rejects.toMatchObject(tamperedError);
  });

  it('the error is a ServiceError that says what to do', async () => {
    const error = await readAll(mutate(path, (b) => b.subarray(0, b.length - 1))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).message).toMatch(/altered or damaged on disk.*re-import the package/);
  });
});

describe('encryptToFile', () => {
  it('refuses to overwrite a file', async () => {
    const path = await encrypt(Buffer.from('a'));
    await expect(encryptToFile([Buffer.from('b')], path, KEY)).rejects.toMatchObject({ code: 'store.write-failed' });
    expect((await readAll(path)).toString()).toBe('a');
  });

  it('reports the bytes written and leaves nothing behind when the source fails', async () => {
    const ok = nextPath();
    expect(await encryptToFile([Buffer.alloc(150_000, 1)], ok, KEY)).toEqual({ plainBytes: 150_000, fileBytes: statSync(ok).size });
    if (process.platform !== 'win32') expect(statSync(ok).mode & 0o777).toBe(0o600);

    const failing = nextPath();
    async function* source(): AsyncGenerator<Buffer> {
      yield randomBytes(300_000);
      await Promise.resolve();
      throw new ServiceError('import.size-mismatch', 'too big');
    }
    await expect(encryptToFile(source(), failing, KEY)).rejects.toMatchObject({ code: 'import.size-mismatch' });
    expect(existsSync(failing)).toBe(false);

    const aborted = nextPath();
    const controller = new AbortController();
    async function* slow(): AsyncGenerator<Buffer> {
      yield randomBytes(1000);
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 10));
      yield randomBytes(1000);
    }
    await expect(encryptToFile(slow(), aborted, KEY, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(existsSync(aborted)).toBe(false);
  });

  it('rejects keys that are not 32 bytes and impossible chunk sizes', () => {
    expect(() => createEncryptingStream(Buffer.alloc(16))).toThrow(RangeError);
    expect(() => createEncryptingStream(KEY, { chunkBytes: 10 })).toThrow(RangeError);
    expect(() => keyIdOf(Buffer.alloc(31))).toThrow(RangeError);
  });
});
