/**
 * MurmurHash3 (x86, 32-bit) of a string's UTF-16 code units: a fast, well-mixed hash for the
 * distinct-count sketch. Not a cryptographic hash; it never leaves the profiler. Its steps are
 * exported for readers that hash a value while reading it for something else (value-pass.ts).
 */

/** One 32-bit block (two code units, the first in the low half), scrambled. */
export function murmurBlock(k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}

/** The hash `h` after a whole block `k`. */
export function murmurStep(h: number, k: number): number {
  h ^= murmurBlock(k);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** The hash `h` of `units` UTF-16 code units (a last, odd one already mixed in), finished; unsigned. */
export function murmurFinish(h: number, units: number): number {
  h ^= units * 2;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The 32-bit MurmurHash3 of `text`, reading two UTF-16 code units per 32-bit block (so a string
 * hashes the same as its UTF-16LE bytes would), as an unsigned integer.
 */
export function murmur3(text: string, seed = 0): number {
  let h = seed | 0;
  const n = text.length;
  let i = 0;
  for (; i + 1 < n; i += 2) h = murmurStep(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
  if (i < n) h ^= murmurBlock(text.charCodeAt(i));
  return murmurFinish(h, n);
}
