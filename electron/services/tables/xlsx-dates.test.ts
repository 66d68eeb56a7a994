/**
 * Which number formats are dates, and serial numbers as the dates Excel shows for them —
 * including the 1900 leap-year quirk, the 1904 system, times and rounding to the second.
 */
import { describe, expect, it } from 'vitest';
import { dateFormat, serialToIso } from './xlsx-dates';

const DATE = { date: true, time: false };
const DATE_TIME = { date: true, time: true };
const TIME = { date: false, time: true };

describe('dateFormat', () => {
  it('knows the built-in date and time formats and nothing else', () => {
    expect(dateFormat(14, undefined)).toEqual(DATE);
    expect(dateFormat(22, undefined)).toEqual(DATE_TIME);
    expect(dateFormat(20, undefined)).toEqual(TIME);
    expect(dateFormat(57, undefined)).toEqual(DATE);
    expect(dateFormat(0, undefined)).toBeNull();
    expect(dateFormat(49, undefined)).toBeNull(); // @ (text)
    expect(dateFormat(11, undefined)).toBeNull(); // 0.00E+00
  });

  it('reads custom codes, ignoring literal text, escapes, colours and conditions', () => {
    expect(dateFormat(164, 'yyyy-mm-dd')).toEqual(DATE);
    expect(dateFormat(164, 'yyyy\\-mm\\-dd\\ hh:mm:ss')).toEqual(DATE_TIME);
    expect(dateFormat(164, 'yyyy"年"m"月"d"日"')).toEqual(DATE);
    expect(dateFormat(164, '[$-F800]dddd, mmmm dd, yyyy')).toEqual(DATE);
    expect(dateFormat(164, 'h:mm AM/PM')).toEqual(TIME);
    expect(dateFormat(164, 'mm:ss')).toEqual(TIME);
    expect(dateFormat(164, '[h]:mm:ss')).toEqual(TIME);
    expect(dateFormat(164, '#,##0" days"')).toBeNull();
    expect(dateFormat(164, '[Red]0.00;[Blue]-0.00')).toBeNull();
    expect(dateFormat(164, '0_);\\(0\\)')).toBeNull();
    expect(dateFormat(164, 'General')).toBeNull();
    expect(dateFormat(164, '0.00E+00')).toBeNull();
  });
});

describe('serialToIso', () => {
  it('counts the 1900 system as Excel does, phantom 1900-02-29 included', () => {
    expect(serialToIso('1', DATE, false)).toBe('1900-01-01');
    expect(serialToIso('59', DATE, false)).toBe('1900-02-28');
    expect(serialToIso('60', DATE, false)).toBe('1900-02-29');
    expect(serialToIso('61', DATE, false)).toBe('1900-03-01');
    expect(serialToIso('45000', DATE, false)).toBe('2023-03-15');
    expect(serialToIso('2958465', DATE, false)).toBe('9999-12-31');
  });

  it('counts the 1904 system from 1904-01-01', () => {
    expect(serialToIso('0', DATE, true)).toBe('1904-01-01');
    expect(serialToIso('43538', DATE, true)).toBe('2023-03-15');
  });

  it('adds the time when the format shows one or the value holds one, rounded to the second', () => {
    expect(serialToIso('45000.5', DATE_TIME, false)).toBe('2023-03-15T12:00:00');
    expect(serialToIso('45000', DATE_TIME, false)).toBe('2023-03-15T00:00:00');
    expect(serialToIso('45000.25', DATE, false)).toBe('2023-03-15T06:00:00');
    expect(serialToIso('45000.99999999', DATE_TIME, false)).toBe('2023-03-16T00:00:00');
    expect(serialToIso('0.75', TIME, false)).toBe('18:00:00');
    expect(serialToIso('0.5', DATE_TIME, false)).toBe('12:00:00');
  });

  it('keeps the stored text (null) for what is not a date Excel shows', () => {
    expect(serialToIso('-1', DATE, false)).toBeNull();
    expect(serialToIso('0', DATE, false)).toBeNull();
    expect(serialToIso('2958466', DATE, false)).toBeNull();
    expect(serialToIso('1.5', TIME, false)).toBeNull(); // an elapsed time over a day
    expect(serialToIso('abc', DATE, false)).toBeNull();
    expect(serialToIso('', DATE, false)).toBeNull();
  });
});
