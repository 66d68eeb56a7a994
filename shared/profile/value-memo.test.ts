import { describe, expect, it } from 'vitest';
import { ValueMemo } from './value-memo';

describe('ValueMemo', () => {
  it('finds what was added, and nothing else', () => {
    const memo = new ValueMemo<number>(100);
    for (const [i, value] of ['西湖区', '余杭区', '2026-04-13', 'B', 'b', '按期结清'].entries()) {
      expect(memo.find(value)).toBeUndefined();
      memo.add(value, i);
    }
    expect(memo.size).toBe(6);
    expect(memo.find('余杭区')).toBe(1);
    expect(memo.find('b')).toBe(4);
    // Found by content, not by identity.
    expect(memo.find(('x' + '2026-04-13').slice(1))).toBe(2);
    expect(memo.find('2026-04-14')).toBeUndefined();
  });

  it('keeps colliding values apart and stops adding at its limit', () => {
    const memo = new ValueMemo<string>(1000);
    const values = Array.from({ length: 1500 }, (_, i) => `v${i}`);
    for (const value of values) {
      if (memo.find(value) === undefined) memo.add(value, value.toUpperCase());
    }
    expect(memo.size).toBe(1000);
    for (const value of values.slice(0, 1000)) expect(memo.find(value)).toBe(value.toUpperCase());
    for (const value of values.slice(1000)) expect(memo.find(value)).toBeUndefined();
  });

  it('refuses an add that does not follow a find that found nothing', () => {
    const memo = new ValueMemo<number>(4);
    expect(() => memo.add('a', 1)).toThrow(/must follow a find/);
    memo.find('a');
    memo.add('a', 1);
    expect(() => memo.add('b', 2)).toThrow(/must follow a find/);
  });
});

describe('ValueMemo at its limit', () => {
  it('still finds every value it holds once full, and finds nothing it refused', () => {
    const memo = new ValueMemo<number>(4096);
    for (let i = 0; i < 5000; i++) if (memo.find(`k${i}`) === undefined) memo.add(`k${i}`, i);
    expect(memo.size).toBe(4096);
    for (let i = 0; i < 4096; i++) expect(memo.find(`k${i}`)).toBe(i);
    for (let i = 4096; i < 5000; i++) expect(memo.find(`k${i}`)).toBeUndefined();
  });
});
