/**
 * Tests of the landline detector: the written forms libphonenumber-js accepts as fixed lines,
 * non-geographic and mobile numbers it must not report, the memo cache against direct parsing,
 * and the text scan with extensions.
 */
import { describe, expect, it } from 'vitest';
import { makeLandline, randomDigits, randomInt, seededRandom } from '../testing';
import {
  LANDLINE_CACHE_PREFIX,
  LANDLINE_CONFIDENCE,
  LANDLINE_FORMATTED_CONFIDENCE,
  checkLandline,
  findLandlines,
  isFixedLine,
  isFixedLineUncached,
} from './landline';

function scan(text: string): string[] {
  const found: string[] = [];
  findLandlines(text, (_hit, start, end) => found.push(text.slice(start, end)));
  return found;
}

describe('checkLandline', () => {
  it('accepts the usual written forms', () => {
    for (const value of ['0571-87654321', '(0571)87654321', '(0571) 8765-4321', '+86 571 8765 4321', '+86-10-62345678', '0086 571 87654321', '010-62345678', '021 6123 4567', '0898-66123456', '+86 (0)571 8765 4321']) {
      expect(checkLandline(value), value).toEqual({ detector: 'cn-landline', confidence: LANDLINE_FORMATTED_CONFIDENCE, personal: true });
    }
    expect(checkLandline('057187654321')?.confidence).toBe(LANDLINE_CONFIDENCE);
    expect(checkLandline('01062345678')?.confidence).toBe(LANDLINE_CONFIDENCE);
  });

  it('accepts generated numbers', () => {
    const random = seededRandom(8);
    for (let i = 0; i < 100; i++) {
      const value = makeLandline(random);
      expect(checkLandline(value), value).not.toBeNull();
    }
  });

  it('rejects mobiles, service numbers, local numbers without area code and malformed input', () => {
    for (const value of ['013812345678', '+86 138 1234 5678', '400-820-8820', '800-820-8820', '95588', '87654321', '0571-8765432', '0571-876543210', '1234-5678901', '0571-8765x321', '+85 571 8765 4321', '2026-11-27', '0', '0571-12345678', '0571-05710571', '010-12345678']) {
      expect(checkLandline(value), value).toBeNull();
    }
  });
});

describe('isFixedLine', () => {
  it('agrees with direct parsing for random numbers (the cache key is sound)', () => {
    const random = seededRandom(21);
    for (let i = 0; i < 400; i++) {
      const length = randomInt(random, 9, 11);
      const head = random() < 0.2 ? `10${randomDigits(random, LANDLINE_CACHE_PREFIX - 2)}` : `${String(randomInt(random, 2, 9))}${randomDigits(random, LANDLINE_CACHE_PREFIX - 1)}`;
      const first = head + randomDigits(random, length - LANDLINE_CACHE_PREFIX);
      const second = head + randomDigits(random, length - LANDLINE_CACHE_PREFIX);
      expect(isFixedLine(first), first).toBe(isFixedLineUncached(first));
      expect(isFixedLine(second), second).toBe(isFixedLineUncached(second));
    }
  });
});

describe('findLandlines', () => {
  it('finds numbers with their extension', () => {
    expect(scan('总机 0571-87654321-801，传真(0571)87654322。')).toEqual(['0571-87654321-801', '(0571)87654322']);
    expect(scan('电话：010-62345678转123')).toEqual(['010-62345678转123']);
    expect(scan('0571-87654321 13812345678')).toEqual(['0571-87654321']);
  });

  it('does not fire on dates, longer runs or numbers glued to letters', () => {
    expect(scan('2026-11-27')).toEqual([]);
    expect(scan('A057187654321')).toEqual([]);
    expect(scan('0571876543219999')).toEqual([]);
    expect(scan('0571 8765 4321 9999')).toEqual([]);
  });
});
