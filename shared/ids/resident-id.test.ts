/**
 * Tests of GB 11643 resident identity numbers: check characters against the standard's own
 * examples, rejection of every single-digit change, dates, regions and the 15-digit legacy form.
 */
import { describe, expect, it } from 'vitest';
import {
  isValidResidentId,
  makeResidentId,
  residentIdCheckChar,
  upgradeLegacyResidentId,
  validateLegacyResidentId,
  validateResidentId,
} from './resident-id';

const AS_OF = { asOf: '2026-11-27' };

describe('residentIdCheckChar', () => {
  it('matches the examples printed in GB 11643', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });

  it('computes the MOD 11-2 character of a Beijing number', () => {
    expect(residentIdCheckChar('11010119900307447')).toBe('7');
  });

  it('rejects input that is not 17 digits', () => {
    expect(() => residentIdCheckChar('1101011990030744')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101011990030744A')).toThrow(RangeError);
  });
});

describe('validateResidentId', () => {
  it('accepts valid numbers and decodes their parts', () => {
    const result = validateResidentId('110101199003074477', AS_OF);
    expect(result).toEqual({
      ok: true,
      value: { id: '110101199003074477', region: '110101', birthDate: '1990-03-07', sequence: '447', sex: 'male' },
    });
    expect(isValidResidentId('11010519491231002X', AS_OF)).toBe(true);
    expect(isValidResidentId('440524188001010014', AS_OF)).toBe(true);
  });

  it('accepts a lower-case x and returns the number upper-case', () => {
    const result = validateResidentId('11010519491231002x', AS_OF);
    expect(result.ok && result.value.id).toBe('11010519491231002X');
    expect(result.ok && result.value.sex).toBe('female');
  });

  it('rejects every single-character change of a valid number', () => {
    const valid = '330106198506121237';
    expect(isValidResidentId(valid, AS_OF)).toBe(true);
    for (let i = 0; i < 18; i++) {
      for (const replacement of '0123456789X') {
        if (replacement === valid[i] || (i < 17 && replacement === 'X')) continue;
        const changed = valid.slice(0, i) + replacement + valid.slice(i + 1);
        expect(isValidResidentId(changed, AS_OF), changed).toBe(false);
      }
    }
  });

  it('rejects a swap of two adjacent different digits', () => {
    const valid = '330106198506121237';
    for (let i = 0; i < 16; i++) {
      if (valid[i] === valid[i + 1]) continue;
      const swapped = `${valid.slice(0, i)}${valid[i + 1]!}${valid[i]!}${valid.slice(i + 2)}`;
      expect(isValidResidentId(swapped, AS_OF), swapped).toBe(false);
    }
  });

  it('rejects dates that do not exist, even with a correct check character', () => {
    for (const date of ['19900230', '19900431', '19901301', '19900001', '19000229']) {
      const body = `330106${date}123`;
      const id = body + residentIdCheckChar(body);
      const result = validateResidentId(id, AS_OF);
      expect(result.ok, id).toBe(false);
      expect(!result.ok && result.reason).toMatch(/not a real calendar date/);
    }
    const leap = '330106200002291231';
    expect(isValidResidentId(leap.slice(0, 17) + residentIdCheckChar(leap.slice(0, 17)), AS_OF)).toBe(true);
  });

  it('rejects a birth date after the reference date and accepts the reference date itself', () => {
    const future = makeResidentId({ region: '330106', birthDate: '2026-11-28', sequence: 12 });
    const result = validateResidentId(future, AS_OF);
    expect(!result.ok && result.reason).toMatch(/after 2026-11-27/);
    const today = makeResidentId({ region: '330106', birthDate: '2026-11-27', sequence: 12 });
    expect(isValidResidentId(today, AS_OF)).toBe(true);
    const farFuture = makeResidentId({ region: '330106', birthDate: '2999-01-01', sequence: 1 });
    expect(isValidResidentId(farFuture)).toBe(false);
  });

  it('rejects regions that are not province-level codes', () => {
    for (const province of ['00', '10', '16', '20', '24', '30', '38', '47', '55', '60', '66', '70', '72', '80', '83', '99']) {
      const body = `${province}010119900307447`;
      const id = body + residentIdCheckChar(body);
      const result = validateResidentId(id, AS_OF);
      expect(result.ok, id).toBe(false);
      expect(!result.ok && result.reason).toMatch(/province/);
    }
    for (const province of ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71', '81', '82']) {
      const body = `${province}010119900307447`;
      expect(isValidResidentId(body + residentIdCheckChar(body), AS_OF), province).toBe(true);
    }
  });

  it('rejects wrong shapes', () => {
    for (const bad of ['', '11010119900307447', '1101011990030744777', '11010119900307447A', '1101011990030744X7', ' 110101199003074477']) {
      expect(isValidResidentId(bad, AS_OF), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('legacy 15-digit numbers', () => {
  it('upgrades to 18 digits with century 19 and a check character', () => {
    expect(upgradeLegacyResidentId('110105491231002', AS_OF)).toBe('11010519491231002X');
    expect(upgradeLegacyResidentId('110101900307447', AS_OF)).toBe('110101199003074477');
    const result = validateLegacyResidentId('110101900307447', AS_OF);
    expect(result.ok && result.value.birthDate).toBe('1990-03-07');
  });

  it('rejects impossible dates, bad regions and wrong shapes', () => {
    expect(validateLegacyResidentId('110101900230447', AS_OF).ok).toBe(false);
    expect(validateLegacyResidentId('990101900307447', AS_OF).ok).toBe(false);
    expect(validateLegacyResidentId('11010190030744', AS_OF).ok).toBe(false);
    expect(validateLegacyResidentId('11010190030744X', AS_OF).ok).toBe(false);
    expect(() => upgradeLegacyResidentId('110101900230447', AS_OF)).toThrow(/not a real calendar date/);
  });

  it('treats an 18-digit number as not legacy and vice versa', () => {
    expect(validateLegacyResidentId('110101199003074477', AS_OF).ok).toBe(false);
    expect(isValidResidentId('110101900307447', AS_OF)).toBe(false);
  });
});

describe('makeResidentId', () => {
  it('produces numbers that validate and decode to the inputs', () => {
    const regions = ['110101', '330106', '440305', '650102', '820000'];
    regions.forEach((region, r) => {
      for (let sequence = 0; sequence < 1000; sequence += 97) {
        const birthDate = `19${String(50 + r * 9).padStart(2, '0')}-0${(sequence % 9) + 1}-1${sequence % 10}`;
        const id = makeResidentId({ region, birthDate, sequence });
        const result = validateResidentId(id, AS_OF);
        expect(result.ok, id).toBe(true);
        if (result.ok) {
          expect(result.value.region).toBe(region);
          expect(result.value.birthDate).toBe(birthDate);
          expect(result.value.sex).toBe(sequence % 2 === 1 ? 'male' : 'female');
        }
      }
    });
  });

  it('produces an X check character where the arithmetic says so', () => {
    expect(makeResidentId({ region: '110105', birthDate: '1949-12-31', sequence: 2 })).toBe('11010519491231002X');
  });

  it('refuses malformed inputs', () => {
    expect(() => makeResidentId({ region: '990101', birthDate: '1990-01-01', sequence: 1 })).toThrow(/province/);
    expect(() => makeResidentId({ region: '33010', birthDate: '1990-01-01', sequence: 1 })).toThrow(RangeError);
    expect(() => makeResidentId({ region: '330106', birthDate: '1990-02-30', sequence: 1 })).toThrow(/real date/);
    expect(() => makeResidentId({ region: '330106', birthDate: '1990-01-01', sequence: 1000 })).toThrow(/0–999/);
    expect(() => makeResidentId({ region: '330106', birthDate: '1990-01-01', sequence: 1.5 })).toThrow(/0–999/);
  });
});
