/**
 * Tests of the character helpers: code-point lengths, mask shapes of already-masked values,
 * and the digest/token shapes that let keyed columns show as they are.
 */
import { describe, expect, it } from 'vitest';
import { codePointLength, fullMask, isAllMask, keepEnds, maskShapeOf, toAsciiDigits } from './chars';
import { looksLikeDigest, looksLikeToken } from './opaque';

describe('character helpers', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('𠮷野家')).toBe(3);
    expect(codePointLength('\ud842')).toBe(1); // a lone surrogate is one character
    expect(fullMask('𠮷')).toBe('*');
    expect(fullMask('')).toBe('*');
    expect(keepEnds('', 1, 1)).toBe('');
  });

  it('reads the shape of masked values', () => {
    expect(maskShapeOf('138****5678')).toEqual({ head: 3, tail: 4, length: 11, maskChar: '*' });
    expect(maskShapeOf('张××')).toEqual({ head: 1, tail: 0, length: 3, maskChar: '×' });
    expect(maskShapeOf('11010519491231002X')).toBeNull();
    expect(maskShapeOf('13812345678')).toBeNull();
    expect(isAllMask('***')).toBe(true);
    expect(isAllMask(' ## ')).toBe(true);
    expect(isAllMask('1**')).toBe(false);
    expect(isAllMask('')).toBe(false);
  });

  it('converts full-width digits', () => {
    expect(toAsciiDigits('１３８ab')).toBe('138ab');
  });
});

describe('digest and token shapes', () => {
  it('recognises digests of the usual lengths and prefixes', () => {
    expect(looksLikeDigest('e10adc3949ba59abbe56e057f20f883e')).toBe(true);
    expect(looksLikeDigest('sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')).toBe(true);
    expect(looksLikeDigest('4QrcOUm6Wau+VuBX8g+IPg==')).toBe(true);
    expect(looksLikeDigest('e10adc3949ba59abbe56e057f20f883')).toBe(false);
    expect(looksLikeDigest('13812345678')).toBe(false);
    expect(looksLikeDigest('1'.repeat(32))).toBe(false);
  });

  it('never takes an identifier for a token', () => {
    for (const id of ['110101199003074477', '11010519491231002X', '6222021234567890123', '91330106MA2B3C4D5E', 'E12345678', 'zhang@example.com', '2001:db8::1', '浙A12345']) {
      expect(looksLikeToken(id), id).toBe(false);
    }
    expect(looksLikeToken('tok_8Jd7Kq2Lm9Pz4Xc1Vb6N')).toBe(true);
  });
});
