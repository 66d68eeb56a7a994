// The one-block compressors give the digests node:crypto and hash-wasm give, for every input
// length a one-block message allows (0–55 bytes), and refuse a longer input.
import { createHash, randomBytes } from 'node:crypto';
import { sm3 } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, MAX_BLOCK_INPUT, digestBytes, type Algorithm } from './block-hashes';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

async function reference(algorithm: Algorithm, input: Uint8Array): Promise<string> {
  return algorithm === 'sm3' ? sm3(input) : createHash(algorithm).update(input).digest('hex');
}

describe('one-block digests', () => {
  it.each(ALGORITHMS)('%s matches the reference for every length from 0 to 55 bytes', async (algorithm) => {
    for (let length = 0; length <= MAX_BLOCK_INPUT; length++) {
      const input = randomBytes(length);
      expect(hex(digestBytes(algorithm, input)), `${algorithm}, ${length} bytes`).toBe(await reference(algorithm, input));
    }
  });

  it('matches known vectors', () => {
    const text = new TextEncoder().encode('abc');
    expect(hex(digestBytes('md5', text))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(hex(digestBytes('sha1', text))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(digestBytes('sha256', text))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(digestBytes('sm3', text))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('refuses an input that needs a second block', () => {
    expect(() => digestBytes('md5', new Uint8Array(56))).toThrow(RangeError);
  });
});
