import { describe, expect, it } from 'vitest';
import { seededRandom } from '../detect/testing';
import { toAsciiDigits } from './chars';
import { isPlainNumber } from './plain-number';

/** The grammar as a regular expression: the specification the scanner must match exactly. */
const SPEC = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;
const bySpec = (value: string) => SPEC.test(toAsciiDigits(value.trim()));

describe('isPlainNumber', () => {
  it('accepts decimal numbers and rejects everything else', () => {
    for (const n of ['0', '-1', '+2.5', '.5', '1.', '1e6', '1.2E+17', '1,234,567.8', '12%', '３', ' 7549.96 ', '1,234e-3%']) expect(isPlainNumber(n), n).toBe(true);
    for (const n of ['', 'e5', '1,2', '1,2345', '1234,567', ',123', '1.2.3', 'abc', '12-3', '-', '+', '.', '.e5', '1e', '1e+', '%', '1%%', '1 2', 'R000000001', '１２a']) {
      expect(isPlainNumber(n), n).toBe(false);
    }
  });

  it('agrees with the regular expression on 200,000 random strings of number characters', () => {
    const alphabet = ['0', '1', '5', '9', '０', '９', ',', '.', 'e', 'E', '+', '-', '%', ' ', 'a', '\u3000'];
    const random = seededRandom(20261127);
    let accepted = 0;
    for (let k = 0; k < 200_000; k++) {
      const length = Math.floor(random() * 12);
      let value = '';
      for (let i = 0; i < length; i++) value += alphabet[Math.floor(random() * alphabet.length)]!;
      const expected = bySpec(value);
      if (isPlainNumber(value) !== expected) expect.fail(`isPlainNumber(${JSON.stringify(value)}) should be ${expected}`);
      if (expected) accepted++;
    }
    // The generator must reach both answers often enough for the comparison to mean something.
    expect(accepted).toBeGreaterThan(5_000);
  });

  it('agrees with the regular expression on generated well-formed and nearly well-formed numbers', () => {
    const random = seededRandom(7);
    const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let k = 0; k < 50_000; k++) {
      const groups = Array.from({ length: Math.floor(random() * 3) }, () => `,${digits(pick([2, 3, 3, 3, 4]))}`).join('');
      const value = `${pick(['', '', '+', '-'])}${digits(pick([0, 1, 3, 4]))}${groups}${pick(['', '.', `.${digits(2)}`])}${pick(['', '', 'e5', 'E-2', 'e'])}${pick(['', '', '%'])}`;
      if (isPlainNumber(value) !== bySpec(value)) expect.fail(`isPlainNumber(${JSON.stringify(value)}) should be ${bySpec(value)}`);
    }
  });
});
