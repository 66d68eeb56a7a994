/**
 * Tests of the shared helpers: the length-preserving full-width fold, standalone boundaries,
 * grouped-number continuation and context labels.
 */
import { describe, expect, it } from 'vitest';
import { clampConfidence, continuesGroups, foldWidth, hasContextBefore, isStandalone } from './common';

describe('foldWidth', () => {
  it('folds full-width forms one for one and agrees with NFKC on them', () => {
    const text = '电话：１３８１２３４５６７８　ＡＢＣ＠ｅｘａｍｐｌｅ．ｃｏｍ';
    const folded = foldWidth(text);
    expect(folded).toBe('电话:13812345678 ABC@example.com');
    expect(folded.length).toBe(text.length);
    for (let c = 0xff01; c <= 0xff5e; c++) expect(foldWidth(String.fromCharCode(c))).toBe(String.fromCharCode(c).normalize('NFKC'));
  });

  it('returns the same string when there is nothing to fold', () => {
    const text = 'plain 文本';
    expect(foldWidth(text)).toBe(text);
  });
});

describe('isStandalone', () => {
  it('rejects neighbouring letters, digits and decimal points', () => {
    expect(isStandalone('a123b', 1, 4)).toBe(false);
    expect(isStandalone('电话123。', 2, 5)).toBe(true);
    expect(isStandalone('1.123', 2, 5)).toBe(false);
    expect(isStandalone('123.5', 0, 3)).toBe(false);
    expect(isStandalone('123.', 0, 3)).toBe(true);
  });
});

describe('continuesGroups', () => {
  it('sees a grouped number carry on with the same separator only', () => {
    expect(continuesGroups('138 1234 5678 9012', 0, 13)).toBe(true);
    expect(continuesGroups('0571-87654321 13812345678', 0, 13)).toBe(false);
    expect(continuesGroups('12 138 1234 5678', 3, 16)).toBe(true);
    expect(continuesGroups('13812345678 1234', 0, 11)).toBe(false);
  });
});

describe('hasContextBefore and clampConfidence', () => {
  it('finds labels in a window, case-insensitively for Latin', () => {
    expect(hasContextBefore('身份证号：123', 5, ['身份证'])).toBe(true);
    expect(hasContextBefore('Card No. 123', 9, ['card'])).toBe(true);
    expect(hasContextBefore('身份证号' + 'x'.repeat(30) + '123', 34, ['身份证'])).toBe(false);
  });

  it('keeps scores in 0..1 with two decimals', () => {
    expect(clampConfidence(0.9 + 0.05)).toBe(0.95);
    expect(clampConfidence(1.2)).toBe(1);
    expect(clampConfidence(-1)).toBe(0);
  });
});
