/**
 * Tests of GB 32100 unified social credit codes: the mod-31 check character, rejection of every
 * single-character change, structural checks, sole traders, and the generator.
 */
import { describe, expect, it } from 'vitest';
import { USCC_ALPHABET, isSoleTrader, isValidUscc, makeUscc, orgCodeCheckChar, usccCheckChar, validateUscc } from './uscc';

/** A published, real-world-shaped code whose check characters (both) are correct. */
const KNOWN_VALID = '91350100M000100Y43';

describe('usccCheckChar', () => {
  it('computes the check character of a known code', () => {
    expect(usccCheckChar(KNOWN_VALID.slice(0, 17))).toBe('3');
  });

  it('gives K for the 17 characters of the shape used in the examples', () => {
    expect(usccCheckChar('91330000704201234')).toBe('K');
  });

  it('writes a remainder of 0 as the character 0', () => {
    // Search for a body whose weighted sum is a multiple of 31: its check character must be '0'.
    let found = false;
    for (let n = 0; n < 400 && !found; n++) {
      const body = `9133010${String(n).padStart(10, '0')}`;
      let sum = 0;
      const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
      for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(body[i]!) * weights[i]!;
      if (sum % 31 === 0) {
        expect(usccCheckChar(body)).toBe('0');
        found = true;
      }
    }
    expect(found).toBe(true);
  });

  it('refuses characters outside the alphabet and wrong lengths', () => {
    expect(() => usccCheckChar('9133000070420123I')).toThrow(/position 17/);
    expect(() => usccCheckChar('9133000070420123')).toThrow(RangeError);
  });
});

describe('orgCodeCheckChar (GB 11714)', () => {
  it('matches the classic example D2143569-X and the known code', () => {
    expect(orgCodeCheckChar('D2143569')).toBe('X');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });
});

describe('validateUscc', () => {
  it('accepts a known valid code and decodes its parts', () => {
    expect(validateUscc(KNOWN_VALID)).toEqual({
      ok: true,
      value: { code: KNOWN_VALID, registrationDept: '9', orgType: '1', region: '350100', orgCode: 'M000100Y4', soleTrader: false },
    });
    expect(isValidUscc(KNOWN_VALID, { checkOrgCode: true })).toBe(true);
  });

  it('rejects the example-shaped code with a wrong check character and says which one is expected', () => {
    const result = validateUscc('91330000704201234X');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/expected K/);
    expect(isValidUscc('91330000704201234K')).toBe(true);
  });

  it('checks the organisation code only when asked', () => {
    // 70420123's own check character is 0, not 4.
    expect(isValidUscc('91330000704201234K')).toBe(true);
    const strict = validateUscc('91330000704201234K', { checkOrgCode: true });
    expect(!strict.ok && strict.reason).toMatch(/organisation code/);
  });

  it('rejects every single-character change of a valid code', () => {
    for (let i = 0; i < 18; i++) {
      for (const replacement of USCC_ALPHABET) {
        if (replacement === KNOWN_VALID[i]) continue;
        const changed = KNOWN_VALID.slice(0, i) + replacement + KNOWN_VALID.slice(i + 1);
        expect(isValidUscc(changed), changed).toBe(false);
      }
    }
  });

  it('rejects letters the alphabet leaves out, lower case, and wrong lengths', () => {
    for (const letter of 'IOSVZ') {
      const code = `${KNOWN_VALID.slice(0, 10)}${letter}${KNOWN_VALID.slice(11)}`;
      expect(validateUscc(code).ok, code).toBe(false);
    }
    expect(isValidUscc(KNOWN_VALID.toLowerCase())).toBe(false);
    expect(isValidUscc(KNOWN_VALID.slice(0, 17))).toBe(false);
    expect(isValidUscc(`${KNOWN_VALID}0`)).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });

  it('rejects undefined departments, types and regions even with a correct check character', () => {
    const withCheck = (body: string) => body + usccCheckChar(body);
    const cases: Array<[string, RegExp]> = [
      [withCheck('B1330106MA2H3XK1W'), /registration department/],
      [withCheck('94330106MA2H3XK1W'), /organisation type/],
      [withCheck('Y2330106MA2H3XK1W'), /organisation type/],
      [withCheck('9133A106MA2H3XK1W'), /not 6 digits/],
      [withCheck('91990106MA2H3XK1W'), /province/],
    ];
    for (const [code, reason] of cases) {
      const result = validateUscc(code);
      expect(result.ok, code).toBe(false);
      expect(!result.ok && result.reason, code).toMatch(reason);
    }
    expect(isValidUscc(withCheck('11100000000013127'))).toBe(true);
  });
});

describe('isSoleTrader', () => {
  it('is true only for valid codes of department 9, type 2', () => {
    const soleTrader = makeUscc({ registrationDept: '9', orgType: '2', region: '330106', orgCode: 'L8Q3M2K7' });
    expect(soleTrader.startsWith('92')).toBe(true);
    expect(isSoleTrader(soleTrader)).toBe(true);
    expect(isSoleTrader(KNOWN_VALID)).toBe(false);
    const cooperative = makeUscc({ registrationDept: '9', orgType: '3', region: '330324', orgCode: 'MA2C7F01' });
    expect(isSoleTrader(cooperative)).toBe(false);
    const broken = soleTrader.slice(0, 17) + (soleTrader[17] === '0' ? '1' : '0');
    expect(isSoleTrader(broken)).toBe(false);
  });
});

describe('makeUscc', () => {
  it('appends the GB 11714 check to an 8-character org code and the GB 32100 check to the whole', () => {
    expect(makeUscc({ registrationDept: '9', orgType: '1', region: '350100', orgCode: 'M000100Y' })).toBe(KNOWN_VALID);
    expect(makeUscc({ registrationDept: '9', orgType: '1', region: '330000', orgCode: '704201234' })).toBe('91330000704201234K');
  });

  it('produces codes that validate, strictly, for many inputs', () => {
    const departments: Array<[string, string]> = [['1', '1'], ['1', '2'], ['5', '1'], ['5', '3'], ['9', '1'], ['9', '2'], ['9', '3'], ['N', '2'], ['Y', '1']];
    const bodyAlphabet = USCC_ALPHABET.replace(/[^0-9A-Z]/g, '');
    let n = 0;
    for (const [registrationDept, orgType] of departments) {
      for (let k = 0; k < 40; k++, n++) {
        let orgCode = '';
        for (let j = 0; j < 8; j++) orgCode += bodyAlphabet.charAt((n * 7 + j * 13 + k) % bodyAlphabet.length);
        const region = `33${String((n * 37) % 10000).padStart(4, '0')}`;
        const code = makeUscc({ registrationDept, orgType, region, orgCode });
        expect(isValidUscc(code, { checkOrgCode: true }), code).toBe(true);
        expect(isSoleTrader(code)).toBe(registrationDept === '9' && orgType === '2');
      }
    }
  });

  it('refuses malformed parts', () => {
    expect(() => makeUscc({ registrationDept: '9', orgType: '1', region: '3301', orgCode: 'MA2H3XK1' })).toThrow(RangeError);
    expect(() => makeUscc({ registrationDept: '9', orgType: '1', region: '330106', orgCode: 'MA2H3' })).toThrow(/8 or 9/);
    expect(() => makeUscc({ registrationDept: '9', orgType: '4', region: '330106', orgCode: 'MA2H3XK1' })).toThrow(/organisation type/);
    expect(() => makeUscc({ registrationDept: '9', orgType: '1', region: '330106', orgCode: 'MA2H3XKI' })).toThrow(RangeError);
    expect(() => makeUscc({ registrationDept: '91', orgType: '', region: '330106', orgCode: 'MA2H3XK1' })).toThrow(RangeError);
  });
});
