/**
 * Seeded randomness for the at-rest tests and bench, so a failure reproduces byte for byte.
 */

/** A mulberry32 generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `length` pseudo-random bytes from `seed`. */
export function seededBytes(length: number, seed: number): Buffer {
  const random = seededRandom(seed);
  const out = Buffer.allocUnsafe(length);
  let i = 0;
  for (; i + 4 <= length; i += 4) out.writeUInt32LE(Math.floor(random() * 2 ** 32), i);
  for (; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}
