import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireWithCodeCache } from './code-cache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'code-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bundle = (answer: number) => `'use strict';
const { basename } = require('node:path');
function answer() { return ${answer}; }
module.exports = { answer, file: basename(__filename), dir: __dirname };
`;

describe('requireWithCodeCache', () => {
  it('runs a CommonJS bundle with its module variables, writes the cache once, then uses it', async () => {
    const file = join(dir, 'bundle.cjs');
    await writeFile(file, bundle(42));
    const first = requireWithCodeCache(file, 'check');
    expect(first.status).toBe('none');
    expect(first.exports).toMatchObject({ file: 'bundle.cjs', dir });
    expect((first.exports as { answer: () => number }).answer()).toBe(42);
    first.save();
    const cache = await readFile(`${file}.check.v8cache`);
    expect(cache.length).toBeGreaterThan(100);

    // Under another name, as V8 would reuse this process's compilation of the same file
    // instead of reading the cache (a new process has none).
    const copy = join(dir, 'copy.cjs');
    await writeFile(copy, bundle(42));
    await writeFile(`${copy}.check.v8cache`, cache);
    const second = requireWithCodeCache(copy, 'check');
    expect(second.status).toBe('used');
    expect((second.exports as { answer: () => number }).answer()).toBe(42);
    // A used cache is not written again (a new one would hold this run's compiled code too).
    const before = await stat(`${copy}.check.v8cache`);
    second.save();
    expect((await stat(`${copy}.check.v8cache`)).mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(`${copy}.check.v8cache`)).toEqual(cache);
    // Another name has a cache of its own.
    expect(requireWithCodeCache(file, 'verify').status).toBe('none');
  });

  it('never uses a cache made for other bytes, even of the same length, and replaces it', async () => {
    const file = join(dir, 'bundle.cjs');
    await writeFile(file, bundle(42));
    requireWithCodeCache(file, 'check').save();
    await writeFile(file, bundle(43));
    const changed = requireWithCodeCache(file, 'check');
    expect(changed.status).toBe('stale');
    expect((changed.exports as { answer: () => number }).answer()).toBe(43);
    changed.save();
    expect(requireWithCodeCache(file, 'check').status).toBe('used');
  });

  it('compiles from source when the cache is damaged, and when it cannot write one', async () => {
    const file = join(dir, 'bundle.cjs');
    await writeFile(file, bundle(7));
    const made = requireWithCodeCache(file, 'check');
    made.save();
    const cacheFile = `${file}.check.v8cache`;
    const bytes = await readFile(cacheFile);
    const header = bytes.indexOf(0x0a);
    // Same header, garbage after it: V8 refuses the data and the bundle still runs. (A copy
    // under another name, as V8 would reuse this process's compilation of the same file.)
    const copy = join(dir, 'copy.cjs');
    await writeFile(copy, bundle(7));
    await writeFile(`${copy}.check.v8cache`, Buffer.concat([bytes.subarray(0, header + 1), Buffer.alloc(bytes.length - header - 1, 0x5a)]));
    const refused = requireWithCodeCache(copy, 'check');
    expect(refused.status).toBe('rejected');
    expect((refused.exports as { answer: () => number }).answer()).toBe(7);
    await writeFile(cacheFile, 'not a cache');
    expect(requireWithCodeCache(file, 'check').status).toBe('stale');
    // A cache that cannot be written (its path is a folder here) is skipped without an error.
    await rm(cacheFile);
    await mkdir(cacheFile);
    expect(() => requireWithCodeCache(file, 'check').save()).not.toThrow();
  });

  it('refuses a cache name that is not a plain word', () => {
    expect(() => requireWithCodeCache(join(dir, 'x.cjs'), '../escape')).toThrow(/code cache name/);
  });
});
