/** Tests the display formatters. */
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, localDate, shortDigest } from './format';

describe('formatBytes', () => {
  it('uses binary multiples with one decimal below 100', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(1843)).toBe('1.8 KB');
    expect(formatBytes(150 * 1024)).toBe('150 KB');
    expect(formatBytes(5 * 1024 * 1024 * 1024)).toBe('5.0 GB');
    expect(formatBytes(-1)).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('shows local date and minutes', () => {
    const local = new Date(2026, 10, 20, 9, 5);
    expect(formatDateTime(local.toISOString())).toBe('2026-11-20 09:05');
    expect(localDate(local)).toBe('2026-11-20');
  });
  it('returns unparseable input as it came', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('shortDigest', () => {
  it('keeps the algorithm and both ends', () => {
    const hex = '0123456789abcdef'.repeat(4);
    expect(shortDigest(`sm3:${hex}`)).toBe('sm3:01234567…89abcdef');
    expect(shortDigest('sha256:abcd')).toBe('sha256:abcd');
  });
});
