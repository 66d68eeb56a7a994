// What a row gives away: masked and clear mobile numbers and resident IDs read as patterns, the
// spaces they leave (10⁴ numbers per form beside a 3+4 mask, 10³ IDs with region and birth date
// known, check character by GB 11643), and spaces too large to search left out.
import { describe, expect, it } from 'vitest';
import { isValidResidentId, residentIdCheckChar } from '../../ids/resident-id';
import { CHECK_CHARS, ID_WEIGHTS, MOBILE_FORMS, birthDatePattern, candidateSpaces, mobilePattern, regionPattern, residentIdPattern, type CandidateSpace, type ContextColumn } from './candidates';
import { candidateAt } from './search';

const AS_OF = '2026-11-27';

/** Every candidate of a space, in enumeration order, skipping those a known check character filters out. */
function enumerate(space: CandidateSpace): string[] {
  const out: string[] = [];
  const index = new Int32Array(space.segments.length);
  for (let c = 0; c < space.size; c++) {
    const text = candidateAt(space, index);
    if (!space.check || space.check.expected < 0 || checkIndexOf(text) === space.check.expected) out.push(text);
    for (let s = space.segments.length - 1; s >= 0; s--) {
      index[s] = (index[s]! + 1) % space.segments[s]!.count;
      if (index[s] !== 0) break;
    }
  }
  return out;
}

const checkIndexOf = (id: string) => CHECK_CHARS.indexOf(residentIdCheckChar(id.slice(0, 17)));

describe('patterns', () => {
  it('reads masked and clear mobile numbers in the usual writings', () => {
    expect(mobilePattern('138****5678')).toBe('138????5678');
    expect(mobilePattern(' 138××××5678 ')).toBe('138????5678');
    expect(mobilePattern('１３８＊＊＊＊５６７８')).toBe('138????5678');
    expect(mobilePattern('+86 138-1234-5678')).toBe('13812345678');
    expect(mobilePattern('008613812345678')).toBe('13812345678');
    expect(mobilePattern('8613812345678')).toBe('13812345678');
    expect(mobilePattern('1***5678')).toBeNull();
    expect(mobilePattern('1******5678')).toBeNull(); // six digits masked: 10⁶ per form is too many
    expect(mobilePattern('12012345678')).toBeNull(); // 120 is no mobile segment
    expect(mobilePattern('2026-11-27')).toBeNull();
  });

  it('reads resident IDs, region codes and birth dates', () => {
    expect(residentIdPattern('330106********123x')).toBe('330106????????123X');
    expect(residentIdPattern('330106199001011234')).toBe('330106199001011234');
    expect(residentIdPattern('990106199001011234')).toBeNull();
    expect(regionPattern('330106')).toBe('330106????????????');
    expect(regionPattern('990106')).toBeNull();
    expect(regionPattern('33010')).toBeNull();
    for (const date of ['1990-01-05', '1990/1/5', '19900105', '1990年1月5日', '1990-01-05T00:00:00+08:00', '1990.01.05']) {
      expect(birthDatePattern(date, AS_OF), date).toBe('??????19900105????');
    }
    expect(birthDatePattern('1990-02-30', AS_OF)).toBeNull();
    expect(birthDatePattern('2027-01-01', AS_OF)).toBeNull();
    expect(birthDatePattern('1899-12-31', AS_OF)).toBeNull();
  });

  it('uses the GB 11643 weights', () => {
    expect(ID_WEIGHTS).toEqual([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
  });
});

describe('candidateSpaces', () => {
  const mobileColumn: ContextColumn[] = [{ name: 'phone', role: 'mobile' }];

  it('leaves 10⁴ numbers per form beside a 3+4 mask, every one of them', () => {
    const spaces = candidateSpaces(mobileColumn, ['138****5678'], AS_OF);
    expect(spaces.map((s) => s.form)).toEqual(MOBILE_FORMS.map((f) => f.form));
    expect(spaces.every((s) => s.size === 10_000 && s.kind === 'cn-mobile')).toBe(true);
    const plain = enumerate(spaces[0]!);
    expect(new Set(plain).size).toBe(10_000);
    expect(plain[0]).toBe('13800005678');
    expect(plain).toContain('13812345678');
    expect(enumerate(spaces.find((s) => s.form === '3-4-4 hyphens')!)).toContain('138-1234-5678');
    expect(enumerate(spaces.find((s) => s.form === '0086')!)).toContain('008613812345678');
  });

  it('keeps only allocated segments when a head digit is masked', () => {
    const [space] = candidateSpaces(mobileColumn, ['1*8**345678'], AS_OF);
    const numbers = enumerate(space!);
    // 138, 148, 158, 178, 188 and 198 are allocated; 168 is not.
    expect(new Set(numbers.map((n) => n.slice(0, 3)))).toEqual(new Set(['138', '148', '158', '178', '188', '198']));
    expect(numbers).toHaveLength(6 * 100);
  });

  it('tries a clear number as the one candidate', () => {
    const spaces = candidateSpaces(mobileColumn, ['13812345678'], AS_OF);
    expect(spaces[0]!.size).toBe(1);
    expect(enumerate(spaces[0]!)).toEqual(['13812345678']);
  });

  it('leaves 10³ resident IDs with valid check characters when region and birth date are known', () => {
    const columns: ContextColumn[] = [
      { name: 'region', role: 'region' },
      { name: 'birth', role: 'birth-date' },
    ];
    const spaces = candidateSpaces(columns, ['330106', '1990-01-05'], AS_OF);
    const plain = spaces.find((s) => s.form === 'plain')!;
    expect(plain.size).toBe(1000);
    const ids = enumerate(plain);
    expect(ids).toHaveLength(1000);
    expect(ids.every((id) => id.startsWith('33010619900105') && isValidResidentId(id, { asOf: AS_OF }))).toBe(true);
    // The lower-case form hashes only the IDs whose check character is X, written x.
    const lower = enumerate(spaces.find((s) => s.form === 'lower-x')!);
    expect(lower.length).toBeGreaterThan(50);
    expect(lower.every((id) => id.endsWith('x') && isValidResidentId(id, { asOf: AS_OF }))).toBe(true);
  });

  it('enumerates the birth dates a 6+4 masked ID leaves, filtered by its check character', () => {
    const id = '330106199001051234'.slice(0, 17);
    const full = id + residentIdCheckChar(id);
    const masked = `${full.slice(0, 6)}********${full.slice(14)}`;
    const spaces = candidateSpaces([{ name: 'id', role: 'resident-id' }], [masked], AS_OF);
    const plain = spaces.find((s) => s.form === 'plain')!;
    const ids = enumerate(plain);
    expect(ids).toContain(full);
    expect(ids.every((x) => isValidResidentId(x, { asOf: AS_OF }))).toBe(true);
    // About one date in eleven has the shown check character.
    expect(ids.length).toBeGreaterThan(plain.size / 15);
    expect(ids.length).toBeLessThan(plain.size / 8);
  });

  it('combines a masked ID with a birth-date column of the same row', () => {
    const columns: ContextColumn[] = [
      { name: 'id', role: 'resident-id' },
      { name: 'birth', role: 'birth-date' },
    ];
    const spaces = candidateSpaces(columns, ['330106********1234', '1990-01-05'], AS_OF);
    expect(spaces[0]!.size).toBe(1);
    expect(spaces[0]!.columns).toEqual([0, 1]);
  });

  it('leaves out spaces too large to search per row', () => {
    // Only three digits of the region shown, and no region or birth date elsewhere: 10³ × ~46,000.
    expect(candidateSpaces([{ name: 'id', role: 'resident-id' }], ['330***********1234'], AS_OF)).toEqual([]);
    expect(candidateSpaces([{ name: 'region', role: 'region' }], ['330106'], AS_OF)).toEqual([]);
    expect(candidateSpaces(mobileColumn, ['无'], AS_OF)).toEqual([]);
  });
});
