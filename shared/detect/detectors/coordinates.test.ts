/**
 * Tests of the coordinates detector: pairs in either order and written forms, precision and
 * range limits, lone numbers, and labelled numbers in JSON-like text.
 */
import { describe, expect, it } from 'vitest';
import { COORDINATE_PAIR_CONFIDENCE, LABELLED_COORDINATE_CONFIDENCE, LONE_COORDINATE_CONFIDENCE, checkCoordinatePair, checkCoordinates, findCoordinates } from './coordinates';

function scan(text: string): { text: string; confidence: number }[] {
  const found: { text: string; confidence: number }[] = [];
  findCoordinates(text, (hit, start, end) => found.push({ text: text.slice(start, end), confidence: hit.confidence }));
  return found;
}

describe('checkCoordinates', () => {
  it('accepts pairs in either order and the usual cell forms', () => {
    for (const value of ['30.274084,120.155070', '30.274084, 120.155070', '120.155070,30.274084', '(30.2741, 120.1551)', '30.2741 120.1551', 'POINT(120.1551 30.2741)', '39.9042;116.4074']) {
      expect(checkCoordinates(value), value).toEqual({ detector: 'coordinates', confidence: COORDINATE_PAIR_CONFIDENCE, personal: true });
    }
  });

  it('rejects coarse values and values outside China', () => {
    expect(checkCoordinatePair('30.274', '120.155')).toBeNull(); // three decimals
    expect(checkCoordinatePair('30.2741', '120.155')).toBeNull();
    expect(checkCoordinatePair('60.2741', '120.1551')).toBeNull(); // latitude 60
    expect(checkCoordinatePair('30.2741', '140.1551')).toBeNull(); // longitude 140
    expect(checkCoordinatePair('30.2741', '40.1551')).toBeNull(); // two latitudes
    expect(checkCoordinates('30.2741,abc')).toBeNull();
  });

  it('gives a lone precise number in range a low score only', () => {
    expect(checkCoordinates('30.2741')?.confidence).toBe(LONE_COORDINATE_CONFIDENCE);
    expect(checkCoordinates('120.155070')?.confidence).toBe(LONE_COORDINATE_CONFIDENCE);
    expect(checkCoordinates('30.27')).toBeNull();
    expect(checkCoordinates('2.5000')).toBeNull();
    expect(checkCoordinates('99.9999')?.confidence).toBe(LONE_COORDINATE_CONFIDENCE); // a longitude
    expect(checkCoordinates('70.1234')).toBeNull(); // neither
    expect(checkCoordinates('60.1234')).toBeNull();
  });
});

describe('findCoordinates', () => {
  it('finds pairs in text and labelled numbers in API examples', () => {
    expect(scan('门店位于 30.274084, 120.155070 附近')).toEqual([{ text: '30.274084, 120.155070', confidence: COORDINATE_PAIR_CONFIDENCE }]);
    expect(scan('{"lat": 30.2741, "lng": 120.1551}')).toEqual([
      { text: '30.2741', confidence: LABELLED_COORDINATE_CONFIDENCE },
      { text: '120.1551', confidence: LABELLED_COORDINATE_CONFIDENCE },
    ]);
    expect(scan('纬度：30.2741，经度：120.1551')).toHaveLength(2);
  });

  it('finds a pair after a number that is not a coordinate', () => {
    expect(scan('12.3456, 30.2741, 120.1551').map((f) => f.text)).toEqual(['30.2741, 120.1551']);
  });

  it('ignores unlabelled lone numbers, amounts, versions and coarse pairs', () => {
    expect(scan('价格 30.2741 元')).toEqual([]);
    expect(scan('translate 30.2741')).toEqual([]);
    expect(scan('1,234,567.89 and 30.27, 120.15')).toEqual([]);
    expect(scan('v30.2741.120.1551')).toEqual([]);
  });
});
