/**
 * Tests of the distinct-count sketch: accuracy within 3% at 100,000 distinct values (and across
 * smaller and larger counts), duplicates not counted, merging, and the hash's spread.
 */
import { describe, expect, it } from 'vitest';
import { murmur3 } from './hash';
import { createHyperLogLog } from './hyperloglog';

/** Byte-oriented MurmurHash3_x86_32, written from the reference, to check the UTF-16 reading. */
function murmur3Bytes(bytes: Uint8Array, seed: number): number {
  let h = seed >>> 0;
  const blocks = bytes.length >>> 2;
  const mix = (k: number): number => Math.imul(((Math.imul(k, 0xcc9e2d51) << 15) | (Math.imul(k, 0xcc9e2d51) >>> 17)), 0x1b873593);
  for (let b = 0; b < blocks; b++) {
    const i = b * 4;
    const k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h ^= mix(k);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = blocks * 4;
  const rest = bytes.length & 3;
  if (rest >= 3) k ^= bytes[tail + 2]! << 16;
  if (rest >= 2) k ^= bytes[tail + 1]! << 8;
  if (rest >= 1) {
    k ^= bytes[tail]!;
    h ^= mix(k);
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function relativeError(estimate: number, actual: number): number {
  return Math.abs(estimate - actual) / actual;
}

describe('murmur3', () => {
  it('matches the reference MurmurHash3_x86_32 for UTF-16LE input', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('', 1)).toBe(0x514e28b7);
    expect(murmur3Bytes(new TextEncoder().encode('test'), 0)).toBe(0xba6bd213);
    for (const text of ['a', 'ab', 'abc', '13812345678', '张三', '𠮷野家', 'x'.repeat(101)]) {
      expect(murmur3(text, 42), text).toBe(murmur3Bytes(new Uint8Array(Buffer.from(text, 'utf16le')), 42));
    }
    expect(murmur3('ab')).not.toBe(murmur3('ba'));
  });

  it('spreads sequential identifiers evenly over the top bits', () => {
    const buckets = new Array<number>(16).fill(0);
    for (let i = 0; i < 160_000; i++) buckets[murmur3(`1381234${String(i).padStart(6, '0')}`) >>> 28]!++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

describe('createHyperLogLog', () => {
  it('estimates 100,000 distinct values within 3%', () => {
    const hll = createHyperLogLog();
    for (let i = 0; i < 100_000; i++) hll.add(`13${String(i * 7919).padStart(9, '0')}`);
    expect(relativeError(hll.estimate(), 100_000)).toBeLessThan(0.03);
  });

  it('stays within 3% from ten values to a million', () => {
    for (const n of [10, 100, 1_000, 5_000, 20_000, 1_000_000]) {
      const hll = createHyperLogLog();
      for (let i = 0; i < n; i++) hll.add(`row-${i}`);
      expect(relativeError(hll.estimate(), n), `n = ${n}`).toBeLessThan(n <= 100 ? 0.02 : 0.03);
    }
  });

  it('does not count repeats', () => {
    const hll = createHyperLogLog();
    for (let round = 0; round < 20; round++) for (let i = 0; i < 500; i++) hll.add(`v${i}`);
    expect(relativeError(hll.estimate(), 500)).toBeLessThan(0.03);
    expect(createHyperLogLog().estimate()).toBe(0);
  });

  it('merges sketches as if all values were added to one', () => {
    const a = createHyperLogLog();
    const b = createHyperLogLog();
    for (let i = 0; i < 30_000; i++) a.add(`k${i}`);
    for (let i = 20_000; i < 50_000; i++) b.add(`k${i}`);
    a.merge(b);
    expect(relativeError(a.estimate(), 50_000)).toBeLessThan(0.03);
    expect(() => a.merge(createHyperLogLog(10))).toThrow(RangeError);
  });

  it('rejects precisions out of range', () => {
    expect(() => createHyperLogLog(3)).toThrow(RangeError);
    expect(() => createHyperLogLog(17)).toThrow(RangeError);
  });
});
