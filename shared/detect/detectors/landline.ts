/**
 * Mainland fixed-line numbers (固定电话): an area code with its trunk `0` (or `+86`) and the
 * subscriber number, validated by libphonenumber-js's full metadata (type FIXED_LINE or
 * FIXED_LINE_OR_MOBILE). Parsing costs tens of microseconds, so results are memoised by the
 * part of the number the metadata's patterns can depend on.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type Hit, continuesGroups, isDigitCode, isStandalone } from './common';

/** Written with separators, brackets or a country code: `0571-87654321`, `(0571)87654321`. */
export const LANDLINE_FORMATTED_CONFIDENCE = 0.9;
/** The same digits run together: `057187654321`. */
export const LANDLINE_CONFIDENCE = 0.85;

/**
 * The CN fixed-line, mobile and special-number patterns of libphonenumber-js look at most at
 * the first six digits of the national significant number (area code plus the first digits of
 * the subscriber number) and its length; the remaining digits are `\d`. So the type is cached
 * by that prefix and length. landline.test.ts checks the cache against direct parsing.
 */
export const LANDLINE_CACHE_PREFIX = 6;
const CACHE_LIMIT = 50_000;
const fixedLineCache = new Map<string, boolean>();

/**
 * True when libphonenumber-js classifies `+86 <nsn>` as FIXED_LINE or FIXED_LINE_OR_MOBILE.
 * `nsn` is the national significant number (no trunk 0). Not cached: see isFixedLine.
 */
export function isFixedLineUncached(nsn: string): boolean {
  const type = parsePhoneNumberFromString(`+86${nsn}`)?.getType();
  return type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE';
}

/** isFixedLineUncached, memoised by the first six digits and the length (bounded cache). */
export function isFixedLine(nsn: string): boolean {
  const key = `${nsn.slice(0, LANDLINE_CACHE_PREFIX)}/${nsn.length}`;
  const cached = fixedLineCache.get(key);
  if (cached !== undefined) return cached;
  const result = isFixedLineUncached(nsn);
  if (fixedLineCache.size >= CACHE_LIMIT) fixedLineCache.clear();
  fixedLineCache.set(key, result);
  return result;
}

/**
 * Scores a whole value as a landline: `0571-87654321`, `(0571)87654321`, `+86 571 8765 4321`,
 * `0086-10-12345678`, `010 1234 5678`. A bare local number without area code is not reported
 * (too many other things are 7–8 digits), nor are 400/800 and other non-geographic numbers.
 */
export function checkLandline(value: string): Hit | null {
  let digits = '';
  let plus = false;
  let formatted = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isDigitCode(code)) digits += value.charAt(i);
    else if (code === 43 && digits.length === 0 && !plus) plus = true;
    else if (code === 32 || code === 45 || code === 40 || code === 41) formatted = true;
    else return null;
    if (digits.length > 15) return null;
  }
  let nsn: string;
  if (plus) {
    if (!digits.startsWith('86')) return null;
    nsn = digits.slice(2);
    formatted = true;
  } else if (digits.startsWith('0086')) {
    nsn = digits.slice(4);
    formatted = true;
  } else if (digits.charCodeAt(0) === 48) {
    nsn = digits.slice(1);
  } else {
    return null;
  }
  if (nsn.charCodeAt(0) === 48) nsn = nsn.slice(1); // "+86 (0)571 …"
  if (nsn.length < 9 || nsn.length > 11) return null;
  const first = nsn.charCodeAt(0);
  // Area codes start 10 (Beijing) or 2–9; 1[3-9]… is a mobile number written with a 0.
  if (first === 49 ? nsn.charCodeAt(1) !== 48 : first < 50) return null;
  // Subscriber numbers start 2–9 (0 is the trunk prefix, 1 the special services), after a
  // two-digit area code (10, 2x) or a three-digit one (3xx–9xx).
  const subscriber = nsn.charCodeAt(first <= 50 ? 2 : 3);
  if (subscriber < 50 || subscriber > 57) return null;
  if (!isFixedLine(nsn)) return null;
  return { detector: 'cn-landline', confidence: formatted ? LANDLINE_FORMATTED_CONFIDENCE : LANDLINE_CONFIDENCE, personal: true };
}

const LANDLINE_IN_TEXT =
  /(?<![0-9A-Za-z+])(?:(?:\+|00)86[ -]?(?:\(0?\d{2,3}\)|0?\d{2,3})|\(0\d{2,3}\)|0\d{2,3})[ -]?\d{3,4}[ -]?\d{4}(?![0-9A-Za-z])/g;
const EXTENSION = /^(?:-|转|分机|ext\.? ?|x)\d{1,6}(?![0-9A-Za-z])/;

/**
 * Finds landlines in (width-folded) text. An extension written `-801` or `转801` right after
 * the number is part of the reported range.
 */
export function findLandlines(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  LANDLINE_IN_TEXT.lastIndex = 0;
  for (let m = LANDLINE_IN_TEXT.exec(text); m !== null; m = LANDLINE_IN_TEXT.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    const extension = EXTENSION.exec(text.slice(end, end + 12));
    if (extension) end += extension[0].length;
    else if (continuesGroups(text, start, end)) continue;
    if (!isStandalone(text, start, end)) continue;
    const hit = checkLandline(m[0]);
    if (hit) report(hit, start, end);
  }
}
