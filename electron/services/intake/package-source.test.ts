/**
 * A folder package read through one reused buffer (readEach, what review check digests with)
 * gives the bytes `open` streams, and refuses what `open` refuses.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPackage } from './package-source';

const root = mkdtempSync(join(tmpdir(), 'package-source-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('folder package: readEach', () => {
  it('hands over every byte of a file in order, in chunks of at most 1 MiB, and counts them', async () => {
    const dir = join(root, 'pkg');
    mkdirSync(join(dir, 'data'), { recursive: true });
    const bytes = randomBytes(3 * 1024 * 1024 + 12345);
    writeFileSync(join(dir, 'data', 'big.bin'), bytes);
    writeFileSync(join(dir, 'data', 'empty.bin'), '');
    const source = await openPackage(dir);
    expect(typeof source.readEach).toBe('function');
    const hash = createHash('sha256');
    const sizes: number[] = [];
    const total = await source.readEach!('data/big.bin', (chunk) => {
      sizes.push(chunk.length);
      hash.update(chunk);
    });
    expect(total).toBe(bytes.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1024 * 1024);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await source.readEach!('data/empty.bin', () => expect.fail('no chunk for an empty file'))).toBe(0);
    await expect(source.readEach!('data/missing.bin', () => {})).rejects.toThrow(/not a package entry/);
    await source.close();
  });

  it('refuses an entry that became a link after the folder was opened', async () => {
    const dir = join(root, 'swapped');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.csv'), 'x\n1\n');
    writeFileSync(join(root, 'outside.csv'), 'secret\n');
    const source = await openPackage(dir);
    rmSync(join(dir, 'a.csv'));
    symlinkSync(join(root, 'outside.csv'), join(dir, 'a.csv'));
    await expect(source.readEach!('a.csv', () => {})).rejects.toThrow(/changed into something other than a regular file/);
    await source.close();
  });
});
