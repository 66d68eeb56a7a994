import { describe, expect, it } from 'vitest';
import { seededRandom } from '../detect/testing';
import { plainNumberValue } from './number-value';

const byNumber = (text: string) => Number(text.replace(/,/g, '').replace(/%$/, ''));

describe('plainNumberValue', () => {
  it('reads plain numbers as Number does, separators and percent signs dropped', () => {
    for (const [text, value] of [
      ['7549.96', 7549.96],
      ['-0.1', -0.1],
      ['+12', 12],
      ['.5', 0.5],
      ['1.', 1],
      ['1,234,567.89', 1234567.89],
      ['12%', 12],
      ['1e5', 100000],
      ['123456789012345.6', 123456789012345.6],
      ['0.000000000000001', 1e-15],
    ] as const) {
      expect(plainNumberValue(text), text).toBe(value);
    }
    expect(Object.is(plainNumberValue('-0'), -0)).toBe(true);
    expect(plainNumberValue('.')).toBeNaN();
  });

  it('gives exactly the double Number gives on 300,000 random decimals of up to 17 characters', () => {
    const random = seededRandom(20261127);
    for (let k = 0; k < 300_000; k++) {
      const length = 1 + Math.floor(random() * 16);
      let text = random() < 0.2 ? '-' : random() < 0.05 ? '+' : '';
      const dot = random() < 0.7 ? Math.floor(random() * (length + 1)) : -1;
      for (let i = 0; i < length; i++) {
        if (i === dot) text += '.';
        text += String(Math.floor(random() * 10));
      }
      if (random() < 0.05) text += pick(random, ['%', 'e3', ',000']);
      const expected = byNumber(text);
      const actual = plainNumberValue(text);
      if (!Object.is(actual, expected)) expect.fail(`plainNumberValue(${JSON.stringify(text)}) = ${actual}, Number gives ${expected}`);
    }
  });
});

function pick(random: () => number, items: readonly string[]): string {
  return items[Math.floor(random() * items.length)]!;
}
