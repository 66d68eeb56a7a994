/**
 * Tests of the mobile-number detector: every allocated segment and the unallocated ones, the
 * written forms (+86, 0086, 86, spaces, hyphens), order numbers, and the text scan's boundaries.
 */
import { describe, expect, it } from 'vitest';
import { MOBILE_SEGMENTS, makeMobile, seededRandom } from '../testing';
import {
  MOBILE_BARE_86_CONFIDENCE,
  MOBILE_CONFIDENCE,
  MOBILE_FORMATTED_CONFIDENCE,
  checkMobile,
  findMobiles,
  isMobileSegment,
} from './mobile';

function scan(text: string): string[] {
  const found: string[] = [];
  findMobiles(text, (_hit, start, end) => found.push(text.slice(start, end)));
  return found;
}

describe('isMobileSegment', () => {
  it('accepts every allocated segment', () => {
    for (const segment of MOBILE_SEGMENTS) expect(isMobileSegment(`${segment}12345678`), segment).toBe(true);
    // Also the data-card and satellite segments that 14[5-9] and 17[0-8] cover.
    for (const segment of ['146', '148', '174']) expect(isMobileSegment(`${segment}12345678`), segment).toBe(true);
  });

  it('rejects unallocated and IoT segments and other lengths', () => {
    for (const segment of ['100', '110', '120', '140', '141', '144', '154', '160', '161', '163', '164', '168', '169', '179', '194', '200', '238']) {
      expect(isMobileSegment(`${segment}12345678`), segment).toBe(false);
    }
    expect(isMobileSegment('1381234567')).toBe(false);
    expect(isMobileSegment('138123456789')).toBe(false);
  });
});

describe('checkMobile', () => {
  it('reports generated numbers as personal', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) {
      const mobile = makeMobile(random);
      expect(checkMobile(mobile), mobile).toEqual({ detector: 'cn-mobile', confidence: MOBILE_CONFIDENCE, personal: true });
    }
  });

  it('accepts the usual written forms', () => {
    for (const value of ['138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '+8613812345678', '0086 13812345678', '0086-138-1234-5678', '(+86)13812345678', '+86-13812345678']) {
      expect(checkMobile(value)?.confidence, value).toBe(MOBILE_FORMATTED_CONFIDENCE);
    }
    expect(checkMobile('8613812345678')?.confidence).toBe(MOBILE_BARE_86_CONFIDENCE);
  });

  it('rejects 11-digit order numbers outside the segments, wrong lengths and stray characters', () => {
    for (const value of ['10012345678', '12012345678', '11012345678', '20261127001', '14012345678', '19412345678', '1381234567', '138123456789', '+13812345678', '+85 13812345678', '138a1234567', '13812345678x', '0013812345678', '138.1234.5678']) {
      expect(checkMobile(value), value).toBeNull();
    }
  });
});

describe('findMobiles', () => {
  it('finds numbers next to Chinese text, in lists, and in grouped forms', () => {
    expect(scan('联系电话13812345678，备用 139-1234-5678 或 +86 150 1234 5678。')).toEqual(['13812345678', '139-1234-5678', '+86 150 1234 5678']);
    expect(scan('13812345678,13912345678')).toEqual(['13812345678', '13912345678']);
  });

  it('does not fire inside longer digit runs, codes, decimals or longer groups', () => {
    expect(scan('订单 138123456789012')).toEqual([]);
    expect(scan('DD13812345678')).toEqual([]);
    expect(scan('13812345678DD')).toEqual([]);
    expect(scan('9913812345678')).toEqual([]);
    expect(scan('3.13812345678')).toEqual([]);
    expect(scan('13812345678.25')).toEqual([]);
    expect(scan('138 1234 5678 9012')).toEqual([]);
    expect(scan('1732694400000')).toEqual([]);
    expect(scan('12012345678')).toEqual([]);
  });
});
