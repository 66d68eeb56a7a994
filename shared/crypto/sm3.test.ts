// GB/T 32905-2016 SM3 test vectors (Appendix A) against both SM3 implementations in use:
// hash-wasm (digest.ts: file and record digests) and sm-crypto-v2 (sm3Hex: key ids, SM2's Z).
import { sm3 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { sm3Digest } from './digest';
import { sm3Hex } from './sm2';

const VECTORS = [
  { name: 'A.1 "abc"', input: 'abc', digest: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' },
  { name: 'A.2 "abcd" × 16 (64 bytes)', input: 'abcd'.repeat(16), digest: 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732' },
];

describe('SM3 (GB/T 32905)', () => {
  for (const v of VECTORS) {
    const bytes = new TextEncoder().encode(v.input);
    it(`${v.name} with hash-wasm`, async () => {
      expect(await sm3Digest(bytes)).toBe(`sm3:${v.digest}`);
    });
    it(`${v.name} with sm-crypto-v2`, () => {
      expect(sm3Hex(bytes)).toBe(v.digest);
      expect(sm3(bytes)).toBe(v.digest);
    });
  }

  it('both implementations agree on lengths around the block boundaries', async () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
      expect(await sm3Digest(bytes)).toBe(`sm3:${sm3Hex(bytes)}`);
    }
  });
});
