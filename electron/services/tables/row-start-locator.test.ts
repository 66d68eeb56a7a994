/**
 * The locator must give the byte offset after the n-th line terminator however the bytes are
 * chunked, including UTF-16 chunks of odd length and terminators split across chunks.
 */
import { describe, expect, it } from 'vitest';
import { RowStartLocator } from './row-start-locator';

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return bigEndian ? Buffer.from(le).swap16() : le;
}

/** Offsets after each `\n` code unit, computed the slow way. */
function expected(text: string, unit: number, bom: number): number[] {
  const out: number[] = [];
  let bytes = bom;
  for (const ch of text) {
    bytes += unit === 2 ? ch.length * 2 : Buffer.byteLength(ch);
    if (ch === '\n') out.push(bytes);
  }
  return out;
}

function splitEvery(buf: Buffer, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < buf.length; i++) {
    const size = sizes[i % sizes.length]!;
    out.push(buf.subarray(at, at + size));
    at += size;
  }
  return out;
}

const TEXT = 'a,b\n中,"x\ny"\n\u0a0b\u0b0a,\ud83d\ude00\n\n末行\n';

describe('RowStartLocator', () => {
  it('finds terminators in UTF-8 chunked at every size', () => {
    const buf = Buffer.from(TEXT);
    for (const size of [1, 2, 3, 5, 64]) {
      const locator = new RowStartLocator(1, false, 0);
      for (const part of splitEvery(buf, [size])) locator.push(part);
      const want = expected(TEXT, 1, 0);
      expect(want.map((_, i) => locator.offsetAfter(i + 1))).toEqual(want);
    }
  });

  it('only counts aligned code units in UTF-16, even when chunks have odd lengths', () => {
    for (const bigEndian of [false, true]) {
      const buf = utf16(TEXT, bigEndian);
      for (const sizes of [[1], [3], [7, 2, 5], [1000]]) {
        const locator = new RowStartLocator(2, bigEndian, 2);
        for (const part of splitEvery(buf, sizes)) locator.push(part);
        const want = expected(TEXT, 2, 2);
        expect(locator.offsetAfter(0)).toBe(2);
        expect(want.map((_, i) => locator.offsetAfter(i + 1))).toEqual(want);
      }
    }
  });

  it('counts `\\r` for old Mac line breaks and refuses to go backwards', () => {
    const locator = new RowStartLocator(1, false, 0);
    locator.setTerminator('\r');
    locator.push(Buffer.from('a\rb\rc'));
    expect(locator.offsetAfter(2)).toBe(4);
    expect(() => locator.offsetAfter(1)).toThrow();
    expect(() => locator.offsetAfter(3)).toThrow();
  });
});
