/** The preview's number, share, duration and mask-form formatting. */
import { describe, expect, it } from 'vitest';
import { declaredMask, formatCount, formatDuration, formatShare, maskFormLabel, transformVerdict } from './preview-format';

describe('preview formatting', () => {
  it('groups digits', () => {
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(80)).toBe('80');
  });

  it('shows shares as percentages without hiding small ones', () => {
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.825)).toBe('82.5%');
    expect(formatShare(0.5)).toBe('50%');
    expect(formatShare(0.0004)).toBe('<0.1%');
    expect(formatShare(0.99999)).toBe('99.9%');
  });

  it('formats an ETA, and nothing when it is unknown', () => {
    expect(formatDuration(null)).toBeNull();
    expect(formatDuration(4.2)).toBe('0:05');
    expect(formatDuration(125)).toBe('2:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('labels mask forms as head+tail ×count', () => {
    expect(maskFormLabel({ head: 3, tail: 4, maskChar: '*', count: 120 })).toBe('3+4 ×120');
    expect(maskFormLabel({ head: 1, tail: 0, maskChar: '×', count: 1234 })).toBe('1+0 × ×1,234');
  });

  it('reads declared masks and compares them with the policy', () => {
    expect(declaredMask('mask:3,4')).toEqual({ head: 3, tail: 4 });
    expect(declaredMask('mask-name')).toBeNull();
    expect(transformVerdict('mask:3,4', ['mask:3,4', 'hmac-sm3'])).toBe('accepted');
    expect(transformVerdict('none', ['mask:3,4'])).toBe('not-accepted');
    expect(transformVerdict(undefined, ['mask:3,4'])).toBe('undeclared');
    expect(transformVerdict('none', [])).toBe('none-required');
  });
});
