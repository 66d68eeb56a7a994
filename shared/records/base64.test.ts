// Signature values are strict base64: every byte string has exactly one accepted encoding.
import { describe, expect, it } from 'vitest';
import { base64Problem, decodeBase64, encodeBase64 } from './base64';

describe('strict base64', () => {
  it('round-trips every length against Node’s encoder', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 0xff);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
    }
  });

  it('refuses every non-canonical form', () => {
    for (const bad of ['A', 'AA', 'AA=', 'AAA', 'AA==AA==', 'AB==', 'AAB=', 'AA AA', 'AAAA\n', '-_-_', 'AA=A', '====']) {
      expect(base64Problem(bad), bad).not.toBeNull();
      expect(() => decodeBase64(bad)).toThrow(TypeError);
    }
    expect(base64Problem('')).toBeNull();
    expect(base64Problem('AA==')).toBeNull();
  });
});
