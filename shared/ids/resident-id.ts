/**
 * GB 11643 citizen identity numbers (居民身份证号码): the ISO 7064 MOD 11-2 check character,
 * validation of the 18-digit form and of the 15-digit legacy form, and a generator for test data.
 */
import { chinaDay } from '../formats/china-day';

/** Province-level codes (the first two digits) that exist: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** Weights 2^(17−i) mod 11 of the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for each value of (Σ digit × weight) mod 11. */
const CHECK_CHARS = '10X98765432';
/** Birth years before this are treated as implausible (GB 11643's own example is born in 1880). */
const MIN_BIRTH_YEAR = 1800;

export type ResidentIdInfo = {
  /** The 18-character number, check character upper-case. */
  id: string;
  /** The 6-digit administrative region code of the first registration. */
  region: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** The 3-digit sequence code; odd for men, even for women. */
  sequence: string;
  sex: 'male' | 'female';
};

export type ResidentIdResult = { ok: true; value: ResidentIdInfo } | { ok: false; reason: string };

export type ResidentIdOptions = {
  /**
   * `YYYY-MM-DD`: a birth date after this day is rejected. Defaults to today in China
   * Standard Time (UTC+8); pass it explicitly wherever the result must be reproducible.
   */
  asOf?: string;
};

/**
 * The MOD 11-2 check character (`0`–`9` or `X`) of the first 17 digits of an 18-digit
 * resident identity number. Throws a RangeError when `first17` is not 17 digits.
 */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected the first 17 digits of a resident identity number');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Validates an 18-digit resident identity number: shape, a real province-level region, a real
 * birth date that is not after `options.asOf`, and the check character. A lower-case `x` is
 * accepted as `X` (the returned `id` is upper-case). Returns the decoded parts or the reason.
 */
export function validateResidentId(id: string, options: ResidentIdOptions = {}): ResidentIdResult {
  if (!/^\d{17}[\dXx]$/.test(id)) return { ok: false, reason: 'expected 17 digits followed by a digit or X' };
  const normalized = id.toUpperCase();
  const body = normalized.slice(0, 17);
  const common = checkRegionAndDate(body.slice(0, 6), body.slice(6, 14), options);
  if (common) return { ok: false, reason: common };
  const expected = residentIdCheckChar(body);
  if (normalized[17] !== expected) return { ok: false, reason: `the check character is ${normalized[17]}, expected ${expected}` };
  return { ok: true, value: describe(normalized) };
}

/** True when `id` is a valid 18-digit resident identity number (see validateResidentId). */
export function isValidResidentId(id: string, options: ResidentIdOptions = {}): boolean {
  return validateResidentId(id, options).ok;
}

/**
 * Validates a 15-digit legacy number (region, `YYMMDD` in the 1900s, 3-digit sequence; no check
 * character). On success the value describes the equivalent 18-digit number.
 */
export function validateLegacyResidentId(id: string, options: ResidentIdOptions = {}): ResidentIdResult {
  if (!/^\d{15}$/.test(id)) return { ok: false, reason: 'expected 15 digits' };
  const body = `${id.slice(0, 6)}19${id.slice(6)}`;
  const common = checkRegionAndDate(body.slice(0, 6), body.slice(6, 14), options);
  if (common) return { ok: false, reason: common };
  return { ok: true, value: describe(body + residentIdCheckChar(body)) };
}

/**
 * Converts a valid 15-digit legacy number to its 18-digit form (century `19` inserted, check
 * character appended). Throws a RangeError that says why when the legacy number is invalid.
 */
export function upgradeLegacyResidentId(id: string, options: ResidentIdOptions = {}): string {
  const result = validateLegacyResidentId(id, options);
  if (!result.ok) throw new RangeError(`not a valid 15-digit resident identity number: ${result.reason}`);
  return result.value.id;
}

export type MakeResidentIdInput = {
  /** 6-digit region code whose first two digits are a real province, e.g. `330106`. */
  region: string;
  /** `YYYY-MM-DD`, a real date. */
  birthDate: string;
  /** 0–999; odd for men, even for women. */
  sequence: number;
};

/**
 * Builds an 18-digit resident identity number with a correct check character, for test and
 * demo data. Throws a RangeError on a malformed region, date or sequence. The birth date is
 * not compared with today, so the generator stays deterministic.
 */
export function makeResidentId(input: MakeResidentIdInput): string {
  const { region, birthDate, sequence } = input;
  if (!/^\d{6}$/.test(region) || !PROVINCE_CODES.has(region.slice(0, 2))) {
    throw new RangeError(`region must be 6 digits starting with a province code, got "${region}"`);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !isRealYmd(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[1]) < MIN_BIRTH_YEAR) {
    throw new RangeError(`birthDate must be a real date YYYY-MM-DD from ${MIN_BIRTH_YEAR}, got "${birthDate}"`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer 0–999, got ${sequence}`);
  }
  const body = `${region}${m[1]}${m[2]}${m[3]}${String(sequence).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

function checkRegionAndDate(region: string, yyyymmdd: string, options: ResidentIdOptions): string | null {
  if (!PROVINCE_CODES.has(region.slice(0, 2))) return `the region code ${region} does not start with a province-level code`;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (!isRealYmd(year, month, day)) return `the birth date ${yyyymmdd} is not a real calendar date`;
  if (year < MIN_BIRTH_YEAR) return `the birth year ${year} is implausible`;
  const asOf = options.asOf ?? chinaDay();
  const birth = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (birth > asOf) return `the birth date ${birth} is after ${asOf}`;
  return null;
}

function describe(id: string): ResidentIdInfo {
  const sequence = id.slice(14, 17);
  return {
    id,
    region: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sequence,
    sex: Number(sequence) % 2 === 1 ? 'male' : 'female',
  };
}

function isRealYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

