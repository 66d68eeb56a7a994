/**
 * Tests of the masked-value detector: measured head, tail, length and mask character of the
 * usual masks, the guessed original kind, and values that only look masked.
 */
import { describe, expect, it } from 'vitest';
import type { MaskShape } from '../types';
import { FULLY_MASKED_CONFIDENCE, MASKED_KNOWN_CONFIDENCE, MASKED_UNKNOWN_CONFIDENCE, checkMasked, findMaskedInText, guessOriginal, measureMask } from './masked';

describe('measureMask', () => {
  const cases: [string, MaskShape][] = [
    ['138****5678', { head: 3, tail: 4, length: 11, maskChar: '*', original: 'cn-mobile' }],
    ['330***********1234', { head: 3, tail: 4, length: 18, maskChar: '*', original: 'cn-resident-id' }],
    ['330106********123X', { head: 6, tail: 4, length: 18, maskChar: '*', original: 'cn-resident-id' }],
    ['张**', { head: 1, tail: 0, length: 3, maskChar: '*', original: 'person-name' }],
    ['王*明', { head: 1, tail: 1, length: 3, maskChar: '*', original: 'person-name' }],
    ['*明', { head: 0, tail: 1, length: 2, maskChar: '*', original: 'person-name' }],
    ['****5678', { head: 0, tail: 4, length: 8, maskChar: '*', original: null }],
    ['6222*********1234', { head: 4, tail: 4, length: 17, maskChar: '*', original: 'bank-card' }],
    ['138××××5678', { head: 3, tail: 4, length: 11, maskChar: '×', original: 'cn-mobile' }],
    ['138####5678', { head: 3, tail: 4, length: 11, maskChar: '#', original: 'cn-mobile' }],
    ['138●●●●5678', { head: 3, tail: 4, length: 11, maskChar: '●', original: 'cn-mobile' }],
    ['0571****4321', { head: 4, tail: 4, length: 12, maskChar: '*', original: 'cn-landline' }],
    ['z***@example.com', { head: 1, tail: 12, length: 16, maskChar: '*', original: 'email' }],
    ['浙江省杭州市****', { head: 6, tail: 0, length: 10, maskChar: '*', original: 'address' }],
    ['E****5678', { head: 1, tail: 4, length: 9, maskChar: '*', original: 'passport' }],
  ];

  for (const [value, shape] of cases) {
    it(`measures ${value}`, () => {
      expect(measureMask(value)).toEqual(shape);
    });
  }

  it('rejects values that only look masked', () => {
    for (const value of ['**重要**', '1**8****5678', '5*3', 'C#', '#1', 'a*b', '138*-*5678', '张•三', '138**××5678', 'hello']) {
      expect(measureMask(value), value).toBeNull();
    }
  });
});

describe('guessOriginal', () => {
  it('needs a mobile head to call 11 characters a mobile', () => {
    expect(guessOriginal('123', '5678', 11)).toBeNull();
    expect(guessOriginal('1', '5678', 11)).toBe('cn-mobile');
    expect(guessOriginal('990', '1234', 18)).toBe('bank-card'); // not a province: a card, if anything
    expect(guessOriginal('990', '1234', 14)).toBeNull();
  });
});

describe('checkMasked', () => {
  it('scores known, unknown and fully masked values', () => {
    expect(checkMasked('138****5678')).toMatchObject({ detector: 'masked', confidence: MASKED_KNOWN_CONFIDENCE, personal: true });
    expect(checkMasked('****5678')?.confidence).toBe(MASKED_UNKNOWN_CONFIDENCE);
    expect(checkMasked('***')?.confidence).toBe(FULLY_MASKED_CONFIDENCE);
    expect(checkMasked('*')).toBeNull();
  });
});

describe('findMaskedInText', () => {
  it('finds masked numbers but not Markdown emphasis', () => {
    const text = '**注意**：手机 138****5678，证件 330***********1234，尾号****5678。';
    const found: string[] = [];
    findMaskedInText(text, (_hit, start, end) => found.push(text.slice(start, end)));
    expect(found).toEqual(['138****5678', '330***********1234', '****5678']);
  });
});
