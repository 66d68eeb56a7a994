import { describe, expect, it } from 'vitest';
import { chinaDay } from './china-day';

describe('chinaDay', () => {
  it('is the calendar day in China, eight hours ahead of UTC', () => {
    expect(chinaDay(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(chinaDay(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
    expect(chinaDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(chinaDay(new Date('2028-02-28T16:30:00Z'))).toBe('2028-02-29');
  });
});
