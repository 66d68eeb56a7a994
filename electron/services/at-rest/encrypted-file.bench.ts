/**
 * Throughput of encryption at rest on a 100 MB payload: writing it encrypted, streaming it
 * back with `chunks()` (target: well over 300 MB/s), the same stream from the plain file for
 * comparison, and random `read()`s of row-range size. Figures are logged, never asserted.
 * Run with `npx vitest bench electron/services/at-rest --run`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { stderrLogger } from '../log';
import { openPlainFile, type ByteSource } from './byte-source';
import { encryptToFile, openEncryptedFile } from './encrypted-file';
import { seededRandom } from './testing';

const BYTES = 100 * 1024 * 1024;
const ITERATIONS = 5;
const key = randomBytes(32);
const data = randomBytes(BYTES);
const dir = mkdtempSync(join(tmpdir(), 'at-rest-bench-'));
const plainPath = join(dir, 'payload.bin');
const encryptedPath = join(dir, 'payload.enc');
writeFileSync(plainPath, data);
await encryptToFile([data], encryptedPath, key);
/** The payload as a file read stream delivers it. */
const pieces = Array.from({ length: BYTES / (64 * 1024) }, (_, i) => data.subarray(i * 64 * 1024, (i + 1) * 64 * 1024));
const log = stderrLogger();

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A bench that runs `work` a few times and logs the median throughput over BYTES. */
function throughput(name: string, work: () => Promise<unknown>): void {
  let timings: number[] = [];
  bench(
    name,
    async () => {
      const started = performance.now();
      await work();
      timings.push(performance.now() - started);
    },
    {
      iterations: ITERATIONS,
      warmupIterations: 1,
      time: 0,
      setup: () => {
        timings = [];
      },
      teardown: () => {
        // Teardown also follows the warm-up run; report the measured runs only.
        if (timings.length < ITERATIONS) return;
        const median = timings.slice().sort((a, b) => a - b)[Math.floor(timings.length / 2)]!;
        log.info(`${name} throughput`, { medianMs: Math.round(median), mbPerSecond: Math.round(BYTES / 1e6 / (median / 1000)) });
      },
    },
  );
}

async function drain(source: ByteSource): Promise<void> {
  let total = 0;
  try {
    for await (const piece of source.chunks()) total += piece.length;
  } finally {
    await source.close();
  }
  if (total !== BYTES) throw new Error(`read ${total} bytes, expected ${BYTES}`);
}

describe(`${BYTES / 1024 / 1024} MiB payload`, () => {
  let run = 0;
  throughput('encryptToFile', async () => {
    const target = join(dir, `write-${++run}.enc`);
    await encryptToFile(pieces, target, key);
    rmSync(target);
  });
  throughput('encrypted chunks() sequential', async () => drain(await openEncryptedFile(encryptedPath, key)));
  throughput('plain chunks() sequential (baseline)', async () => drain(await openPlainFile(plainPath)));
});

describe('random read() of a 4 KiB range', () => {
  const random = seededRandom(1);
  let encrypted: ByteSource | null = null;
  let plain: ByteSource | null = null;
  const options = (open: () => Promise<ByteSource>, set: (source: ByteSource | null) => void, get: () => ByteSource | null) => ({
    setup: async () => {
      set(await open());
    },
    teardown: async () => {
      await get()?.close();
      set(null);
    },
  });
  bench(
    'encrypted',
    async () => {
      await encrypted!.read(Math.floor(random() * BYTES), 4096);
    },
    options(
      () => openEncryptedFile(encryptedPath, key),
      (s) => (encrypted = s),
      () => encrypted,
    ),
  );
  bench(
    'plain (baseline)',
    async () => {
      await plain!.read(Math.floor(random() * BYTES), 4096);
    },
    options(
      () => openPlainFile(plainPath),
      (s) => (plain = s),
      () => plain,
    ),
  );
});
