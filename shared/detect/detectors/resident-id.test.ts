/**
 * Tests of the resident-ID detector: generated valid numbers, every single-digit change, bad
 * and future birth dates, unknown regions, the 15-digit legacy form and the text scan.
 */
import { describe, expect, it } from 'vitest';
import { makeResidentId, residentIdCheckChar } from '../../ids/resident-id';
import { breakCheckDigit, makeRandomResidentId, seededRandom } from '../testing';
import type { Hit } from './common';
import {
  LEGACY_ID_CONFIDENCE,
  LEGACY_ID_CONTEXT_CONFIDENCE,
  RESIDENT_ID_BAD_CHECK_CONFIDENCE,
  checkLegacyResidentId,
  checkResidentId,
  findResidentIds,
} from './resident-id';

const AS_OF = { asOf: '2026-11-27' };

function withCheck(body: string): string {
  return body + residentIdCheckChar(body);
}

function scan(text: string): { hit: Hit; text: string }[] {
  const found: { hit: Hit; text: string }[] = [];
  findResidentIds(text, (hit, start, end) => found.push({ hit, text: text.slice(start, end) }), AS_OF);
  return found;
}

describe('checkResidentId', () => {
  it('reports generated valid numbers with confidence ≥ 0.9 as personal', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 200; i++) {
      const id = makeRandomResidentId(random);
      expect(checkResidentId(id, AS_OF), id).toEqual({ detector: 'cn-resident-id', confidence: 0.99, personal: true });
    }
  });

  it('accepts an X check character in either case', () => {
    // 11010519491231002X is GB 11643's own example.
    expect(checkResidentId('11010519491231002X', AS_OF)?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(checkResidentId('11010519491231002x', AS_OF)?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('never gives a changed number more than the low bad-check score', () => {
    const valid = makeResidentId({ region: '330106', birthDate: '1985-06-12', sequence: 123 });
    for (let i = 0; i < 18; i++) {
      for (const replacement of '0123456789') {
        if (replacement === valid[i]) continue;
        const changed = valid.slice(0, i) + replacement + valid.slice(i + 1);
        const hit = checkResidentId(changed, AS_OF);
        if (hit) expect(hit.confidence, changed).toBe(RESIDENT_ID_BAD_CHECK_CONFIDENCE);
      }
    }
  });

  it('gives a wrong check digit with a real region and date the low score only', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 50; i++) {
      const broken = breakCheckDigit(makeRandomResidentId(random), random);
      expect(checkResidentId(broken, AS_OF)?.confidence).toBe(RESIDENT_ID_BAD_CHECK_CONFIDENCE);
    }
  });

  it('rejects impossible dates, future births and unknown regions even with the right check character', () => {
    expect(checkResidentId(withCheck('33010619900230123'), AS_OF)).toBeNull(); // 30 February
    expect(checkResidentId(withCheck('33010619901301123'), AS_OF)).toBeNull(); // month 13
    expect(checkResidentId(withCheck('33010620270101123'), AS_OF)).toBeNull(); // after asOf
    expect(checkResidentId(withCheck('33010620261128123'), AS_OF)).toBeNull(); // the day after asOf
    expect(checkResidentId(withCheck('33010620261127123'), AS_OF)).not.toBeNull(); // asOf itself
    expect(checkResidentId(withCheck('99010619900101123'), AS_OF)).toBeNull(); // no province 99
    expect(checkResidentId(withCheck('33010617000101123'), AS_OF)).toBeNull(); // born 1700
  });

  it('lowers a province-level region (city digits 00) slightly', () => {
    expect(checkResidentId(withCheck('33000019900101123'), AS_OF)?.confidence).toBe(0.9);
  });

  it('rejects wrong shapes', () => {
    expect(checkResidentId('33010619900101123', AS_OF)).toBeNull();
    expect(checkResidentId('3301061990010112345', AS_OF)).toBeNull();
    expect(checkResidentId('33010619900101123A', AS_OF)).toBeNull();
    expect(checkResidentId('X30106199001011234', AS_OF)).toBeNull();
  });
});

describe('checkLegacyResidentId', () => {
  it('accepts a 15-digit number with a real region and 19YYMMDD date', () => {
    expect(checkLegacyResidentId('330106850612123', AS_OF)).toEqual({ detector: 'cn-resident-id-15', confidence: LEGACY_ID_CONFIDENCE, personal: true });
  });

  it('rejects a bad date, an unknown region and other lengths', () => {
    expect(checkLegacyResidentId('330106900230123', AS_OF)).toBeNull();
    expect(checkLegacyResidentId('990106850612123', AS_OF)).toBeNull();
    expect(checkLegacyResidentId('33010685061212', AS_OF)).toBeNull();
  });
});

describe('findResidentIds', () => {
  const id = makeResidentId({ region: '110101', birthDate: '1990-03-07', sequence: 447 });

  it('finds a number in Chinese text with exact offsets', () => {
    const text = `申请人身份证号${id}，已核验。`;
    const found: [number, number][] = [];
    findResidentIds(text, (_hit, start, end) => found.push([start, end]), AS_OF);
    expect(found).toEqual([[7, 25]]);
    expect(text.slice(7, 25)).toBe(id);
  });

  it('ignores numbers glued to letters, digits or decimals', () => {
    expect(scan(`NO${id}`)).toEqual([]);
    expect(scan(`${id}9`)).toEqual([]);
    expect(scan(`1${id}`)).toEqual([]);
    expect(scan(`${id}.5`)).toEqual([]);
  });

  it('raises a legacy number after an ID label', () => {
    expect(scan('号码 330106850612123')[0]?.hit.confidence).toBe(LEGACY_ID_CONFIDENCE);
    expect(scan('身份证号：330106850612123')[0]?.hit.confidence).toBe(LEGACY_ID_CONTEXT_CONFIDENCE);
  });
});
