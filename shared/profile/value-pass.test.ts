/**
 * passValue against what it replaces: MurmurHash3, the code point count, the masked-shape key
 * (written out plainly here) and the shape comparison, on random strings of digits, letters, mask
 * characters, Chinese characters and (lone or paired) surrogates.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../detect/testing';
import { isMaskCode } from '../detect/detectors/masked';
import { codePointLength } from '../mask/chars';
import { murmur3 } from './hash';
import { createValuePass, passValue, sameMaskedShape } from './value-pass';

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** The masked-shape key as the profiler computed it before passValue. */
function maskedShapeKey(value: string): number {
  const n = value.length;
  if (n < 3 || n > 64) return -1;
  const c0 = value.charCodeAt(0);
  if (c0 <= 0x20 || c0 === 0xa0 || c0 === 0x3000 || c0 === 0xfeff) return -1;
  let h = 0x811c9dc5;
  let masked = false;
  for (let i = 0; i < n; i++) {
    let c = value.charCodeAt(i);
    if (isMaskCode(c)) masked = true;
    else if (i >= 2 && isDigit(c)) c = 0x30;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return masked ? h >>> 0 : -1;
}

const UNITS = ['0', '1', '7', '9', 'A', 'x', '*', '#', '×', '●', '•', ' ', '　', '张', '区', '\ud83d', '\ude00', '\ud842\udfb7', '.', '-'];

function randomValue(random: () => number): string {
  const length = Math.floor(random() * 24);
  let value = '';
  for (let i = 0; i < length; i++) value += UNITS[Math.floor(random() * UNITS.length)] ?? '';
  return value;
}

describe('passValue', () => {
  it('gives murmur3, the code point count, the masked-shape key and the shape comparison of 100,000 random strings', () => {
    const random = seededRandom(11);
    const out = createValuePass();
    let previous = '';
    for (let k = 0; k < 100_000; k++) {
      const value = randomValue(random);
      // Half the time compare with a value of the same shape, so `sameShape` is true often enough.
      const exemplar = random() < 0.5 ? value.replace(/\d/g, (d, at: number) => (at >= 2 ? String((Number(d) + 3) % 10) : d)) : previous;
      passValue(value, exemplar, out);
      const expected = { hash: murmur3(value) | 0, codePoints: codePointLength(value), maskedKey: maskedShapeKey(value), sameShape: sameMaskedShape(value, exemplar) };
      if (out.hash !== expected.hash || out.codePoints !== expected.codePoints || out.maskedKey !== expected.maskedKey || out.sameShape !== expected.sameShape) {
        expect.fail(`passValue(${JSON.stringify(value)}, ${JSON.stringify(exemplar)}) = ${JSON.stringify(out)}, expected ${JSON.stringify(expected)}`);
      }
      previous = value;
    }
  });

  it('handles the edges: empty, one character, odd and even lengths, a leading space, no exemplar', () => {
    const out = createValuePass();
    for (const value of ['', 'a', 'ab', '1**', ' 1**', '138****5678', '330***********1234', '\ud842\udfb7**']) {
      passValue(value, '', out);
      expect(out, value).toEqual({ hash: murmur3(value) | 0, codePoints: codePointLength(value), maskedKey: maskedShapeKey(value), sameShape: value === '' });
    }
  });
});
