/**
 * GB 32100 unified social credit codes (统一社会信用代码): the mod-31 check character, structural
 * validation (registration department, organisation type, region), sole-trader detection, and
 * a generator for test data.
 */
import { PROVINCE_CODES } from './resident-id';

/** The 31 characters a code may use: digits and upper-case letters without I, O, S, V, Z. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 organisation-code weights for its own check character (the 9th of the org code). */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Registration department (1st character) → organisation types (2nd character) that
 * GB 32100 and its amendments define, with the department's name for messages.
 */
const DEPARTMENTS: ReadonlyMap<string, { name: string; types: string }> = new Map([
  ['1', { name: 'institutional establishment (机构编制)', types: '1239' }],
  ['2', { name: 'foreign affairs (外交)', types: '19' }],
  ['3', { name: 'justice administration (司法行政)', types: '123459' }],
  ['4', { name: 'culture (文化)', types: '19' }],
  ['5', { name: 'civil affairs (民政)', types: '1239' }],
  ['6', { name: 'tourism (旅游)', types: '129' }],
  ['7', { name: 'religious affairs (宗教)', types: '129' }],
  ['8', { name: 'trade unions (工会)', types: '19' }],
  ['9', { name: 'market regulation (工商/市场监管)', types: '123' }],
  ['A', { name: 'central military commission establishment (军队)', types: '19' }],
  ['N', { name: 'agriculture (农业)', types: '1239' }],
  ['Y', { name: 'other (其他)', types: '1' }],
]);

export type UsccInfo = {
  code: string;
  /** 1st character, e.g. `9` for market regulation. */
  registrationDept: string;
  /** 2nd character, e.g. `1` enterprise, `2` sole trader, `3` farmers' cooperative under dept `9`. */
  orgType: string;
  /** Characters 3–8: the administrative region code. */
  region: string;
  /** Characters 9–17: the organisation code (GB 11714), its own check character last. */
  orgCode: string;
  /** Registration department `9`, organisation type `2`: a 个体工商户, whose code identifies a person. */
  soleTrader: boolean;
};

export type UsccResult = { ok: true; value: UsccInfo } | { ok: false; reason: string };

export type UsccOptions = {
  /**
   * Also require the 9th character of the organisation code to be its GB 11714 check
   * character. Off by default: the 18th character is what GB 32100 defines for the whole code.
   */
  checkOrgCode?: boolean;
};

/**
 * The GB 32100 check character of the first 17 characters: 31 − (Σ value × weight mod 31),
 * with 31 written as `0`. Throws a RangeError when `first17` is not 17 characters of the alphabet.
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('expected the first 17 characters of a unified social credit code');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`"${first17[i]}" at position ${i + 1} is not allowed in a unified social credit code`);
    sum += value * WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * The GB 11714 check character of an 8-character organisation code body (digits and letters,
 * A = 10 … Z = 35): 11 − (Σ value × weight mod 11), written `X` for 10 and `0` for 11.
 */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('expected 8 digits or upper-case letters of an organisation code');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Validates a unified social credit code: 18 characters of the alphabet, a registration
 * department and organisation type GB 32100 defines, a 6-digit region code of a real province
 * (or `100000`, the national level), and the check character. Returns the parts or the reason.
 */
export function validateUscc(code: string, options: UsccOptions = {}): UsccResult {
  if (code.length !== 18) return { ok: false, reason: `expected 18 characters, got ${code.length}` };
  for (let i = 0; i < 18; i++) {
    if (!USCC_ALPHABET.includes(code[i]!)) return { ok: false, reason: `"${code[i]}" at position ${i + 1} is not allowed (digits and A–Y without I, O, S, V, Z)` };
  }
  const registrationDept = code[0]!;
  const orgType = code[1]!;
  const department = DEPARTMENTS.get(registrationDept);
  if (!department) return { ok: false, reason: `"${registrationDept}" is not a registration department code` };
  if (!department.types.includes(orgType)) {
    return { ok: false, reason: `"${orgType}" is not an organisation type of registration department ${registrationDept}, ${department.name}` };
  }
  const region = code.slice(2, 8);
  if (!/^\d{6}$/.test(region)) return { ok: false, reason: `the region code ${region} is not 6 digits` };
  if (!PROVINCE_CODES.has(region.slice(0, 2)) && region !== '100000') {
    return { ok: false, reason: `the region code ${region} does not start with a province-level code` };
  }
  const orgCode = code.slice(8, 17);
  if (options.checkOrgCode) {
    const expectedOrg = orgCodeCheckChar(orgCode.slice(0, 8));
    if (orgCode[8] !== expectedOrg) return { ok: false, reason: `the organisation code's check character is ${orgCode[8]}, expected ${expectedOrg}` };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return { ok: false, reason: `the check character is ${code[17]}, expected ${expected}` };
  return { ok: true, value: { code, registrationDept, orgType, region, orgCode, soleTrader: registrationDept === '9' && orgType === '2' } };
}

/** True when `code` is a valid unified social credit code (see validateUscc). */
export function isValidUscc(code: string, options: UsccOptions = {}): boolean {
  return validateUscc(code, options).ok;
}

/**
 * True when `code` is a valid code of a sole trader (个体工商户: `92…`). Such a code identifies a
 * natural person's business, so detectors treat it as personal information.
 */
export function isSoleTrader(code: string): boolean {
  const result = validateUscc(code);
  return result.ok && result.value.soleTrader;
}

export type MakeUsccInput = {
  /** 1st character, e.g. `9`. */
  registrationDept: string;
  /** 2nd character, e.g. `1` (enterprise) or `2` (sole trader) under department `9`. */
  orgType: string;
  /** 6-digit region code, e.g. `330106`. */
  region: string;
  /**
   * The organisation code: 9 characters used as given, or an 8-character body to which its
   * GB 11714 check character is appended (the body must then avoid I, O, S, V, Z).
   */
  orgCode: string;
};

/**
 * Builds a unified social credit code with a correct check character, for test and demo data.
 * Throws a RangeError when a part is malformed or the department/type pair is not defined.
 */
export function makeUscc(input: MakeUsccInput): string {
  const { registrationDept, orgType, region, orgCode } = input;
  if (registrationDept.length !== 1 || orgType.length !== 1) throw new RangeError('registrationDept and orgType are one character each');
  if (!/^\d{6}$/.test(region)) throw new RangeError(`region must be 6 digits, got "${region}"`);
  let org: string;
  if (orgCode.length === 8) org = orgCode + orgCodeCheckChar(orgCode);
  else if (orgCode.length === 9) org = orgCode;
  else throw new RangeError(`orgCode must be 8 or 9 characters, got ${orgCode.length}`);
  const body = `${registrationDept}${orgType}${region}${org}`;
  const code = body + usccCheckChar(body);
  const result = validateUscc(code);
  if (!result.ok) throw new RangeError(`cannot make a unified social credit code: ${result.reason}`);
  return code;
}
