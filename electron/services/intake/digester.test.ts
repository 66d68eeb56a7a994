/** The native and WebAssembly digesters agree, chunk boundaries do not matter, and SM3 meets GB/T 32905. */
import { describe, expect, it } from 'vitest';
import { createDigester } from '../../../shared/crypto/digest';
import { seededRandom } from '../../../shared/detect/testing';
import { createFileDigester } from './digester';

const digestOf = async (digester: Promise<Awaited<ReturnType<typeof createDigester>>>, chunks: Uint8Array[]) => {
  const d = await digester;
  for (const c of chunks) d.update(c);
  return d.digest();
};

describe('createFileDigester', () => {
  it('computes the GB/T 32905 example digest of "abc" with either SM3', async () => {
    const abc = [new TextEncoder().encode('abc')];
    const expected = 'sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
    expect((await digestOf(createFileDigester({ nativeSm3: false }), abc)).sm3).toBe(expected);
    if (process.versions.openssl) expect((await digestOf(createFileDigester(), abc)).sm3).toBe(expected);
  });

  it('agrees with the WebAssembly digester on random data cut at random places', async () => {
    const random = seededRandom(32905);
    for (let round = 0; round < 20; round++) {
      const bytes = new Uint8Array(Math.floor(random() * 200_000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const next = Math.min(bytes.length, at + 1 + Math.floor(random() * 70_000));
        chunks.push(bytes.subarray(at, next));
        at = next;
      }
      const wasm = await digestOf(createDigester(), [bytes]);
      expect(await digestOf(createFileDigester(), chunks)).toEqual(wasm);
      expect(await digestOf(createFileDigester({ nativeSm3: false }), chunks)).toEqual(wasm);
    }
  });
});
