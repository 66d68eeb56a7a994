/**
 * Tests of the SDC cell readers and thresholds: counts are read strictly (amounts, percentages,
 * dates and ids are not counts), suppression markers and total labels are recognised, policy
 * thresholds override the RULES.md defaults, and row lists keep the smallest 100 rows.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../formats/policy';
import { isSuppressed, parseAmount, parseCount, RowList, sdcThresholds, totalLabel } from './common';

describe('parseCount', () => {
  it('reads plain, grouped and full-width counts', () => {
    expect(parseCount('7')).toBe(7);
    expect(parseCount(' 0 ')).toBe(0);
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('１２')).toBe(12);
    expect(parseCount('１，２３４')).toBe(1234);
  });

  it.each(['5%', '3.5', '2024-01-05', '007', '1,23', '-3', '1e3', '', 'n/a', '12人', '¥12', null, undefined])('does not read %j as a count', (cell) => {
    expect(parseCount(cell)).toBeNull();
  });
});

describe('parseAmount', () => {
  it('reads decimals and grouped amounts, not percentages or dates', () => {
    expect(parseAmount('1,234.50')).toBe(1234.5);
    expect(parseAmount('９０')).toBe(90);
    expect(parseAmount('-2')).toBe(-2);
    expect(parseAmount('12%')).toBeNull();
    expect(parseAmount('2024-01-05')).toBeNull();
  });
});

describe('isSuppressed', () => {
  it.each(['', '*', '**', '-', '—', 'x', 'X', '..', '…', 'c', '[c]', '<10', '＊', null])('treats %j as suppressed', (cell) => {
    expect(isSuppressed(cell)).toBe(true);
  });
  it.each(['0', '3', 'abc', '12%', 'total'])('does not treat %j as suppressed', (cell) => {
    expect(isSuppressed(cell)).toBe(false);
  });
});

describe('totalLabel', () => {
  it('recognises totals and subtotals in Chinese and English', () => {
    expect(totalLabel('合计')).toBe('total');
    expect(totalLabel(' 总计： ')).toBe('total');
    expect(totalLabel('合计（人）')).toBe('total');
    expect(totalLabel('TOTAL')).toBe('total');
    expect(totalLabel('小计')).toBe('subtotal');
    expect(totalLabel('Subtotal')).toBe('subtotal');
    expect(totalLabel('西湖区')).toBeNull();
    expect(totalLabel('total_revenue')).toBeNull();
  });
});

describe('sdcThresholds', () => {
  it('falls back to the RULES.md defaults', () => {
    expect(sdcThresholds(null)).toEqual(DEFAULT_THRESHOLDS);
    expect(sdcThresholds({})).toEqual(DEFAULT_THRESHOLDS);
  });
  it('takes each threshold the policy sets', () => {
    const t = sdcThresholds({ thresholds: { minCellCount: 5, dominance: { k: 0.8 }, kAnonymity: 3 } });
    expect(t).toEqual({ ...DEFAULT_THRESHOLDS, minCellCount: 5, dominance: { n: 2, k: 0.8 }, kAnonymity: 3 });
  });
});

describe('RowList', () => {
  it('counts every row and lists the smallest 100, sorted, whatever the order', () => {
    const list = new RowList();
    for (let row = 250; row >= 1; row--) list.add(row);
    expect(list.count).toBe(250);
    expect(list.list()).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});
