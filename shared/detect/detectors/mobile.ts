/**
 * Mainland mobile numbers (手机号码): 11 digits in a segment the MIIT has allocated, with an
 * optional +86 / 0086 / 86 prefix and spaces or hyphens between groups. There is no check digit,
 * so the segment and the shape are all the evidence.
 */
import { type Hit, continuesGroups, isDigitCode, isStandalone } from './common';

/** 11 digits in an allocated segment, written plainly or in 3-4-4 groups. */
export const MOBILE_CONFIDENCE = 0.9;
/** With an explicit country code (`+86`, `0086`, `(+86)`), or written in 3-4-4 groups. */
export const MOBILE_FORMATTED_CONFIDENCE = 0.95;
/** `86` glued to the 11 digits without a plus: a 13-digit number that may be something else. */
export const MOBILE_BARE_86_CONFIDENCE = 0.7;

/**
 * True when the 11-digit `national` number starts with an allocated mobile segment:
 * 13x, 14[5-9], 15[0-35-9], 16[2567], 17[0-8], 18x, 19[0-35-9] (public MIIT allocations,
 * including the data-card segments 145–149, the virtual-operator segments 162/165/167/170/171,
 * the satellite segment 174 and 192 of China Broadnet; 140–144 are 13-digit IoT numbers).
 */
export function isMobileSegment(national: string): boolean {
  if (national.length !== 11 || national.charCodeAt(0) !== 49) return false;
  const second = national.charCodeAt(1) - 48;
  const third = national.charCodeAt(2) - 48;
  if (third < 0 || third > 9) return false;
  switch (second) {
    case 3:
    case 8:
      return true;
    case 4:
      return third >= 5;
    case 5:
    case 9:
      return third !== 4;
    case 6:
      return third === 2 || third === 5 || third === 6 || third === 7;
    case 7:
      return third <= 8;
    default:
      return false;
  }
}

/**
 * Scores a whole value as a mobile number. Accepts digits with spaces, hyphens and brackets
 * between them and a leading `+86`, `0086`, `(+86)` or `86`. Returns null when the digits are
 * not 11 after the prefix or the segment is not allocated.
 */
export function checkMobile(value: string): Hit | null {
  let digits = '';
  let plus = false;
  let separators = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isDigitCode(code)) digits += value.charAt(i);
    else if (code === 43 && digits.length === 0 && !plus) plus = true;
    else if (code === 32 || code === 45 || code === 40 || code === 41) separators = true;
    else return null;
    if (digits.length > 15) return null;
  }
  let national = digits;
  let confidence = separators ? MOBILE_FORMATTED_CONFIDENCE : MOBILE_CONFIDENCE;
  if (digits.length === 15 && digits.startsWith('0086') && !plus) {
    national = digits.slice(4);
    confidence = MOBILE_FORMATTED_CONFIDENCE;
  } else if (digits.length === 13 && digits.startsWith('86')) {
    national = digits.slice(2);
    confidence = plus || separators ? MOBILE_FORMATTED_CONFIDENCE : MOBILE_BARE_86_CONFIDENCE;
  } else if (digits.length !== 11 || plus) {
    return null;
  }
  if (!isMobileSegment(national)) return null;
  return { detector: 'cn-mobile', confidence, personal: true };
}

const MOBILE_IN_TEXT = /(?<![0-9A-Za-z+])(?:(?:\+|00)86[ -]?|\(\+?86\)[ -]?|86)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9A-Za-z])/g;

/** Finds mobile numbers in (width-folded) text; digits glued to longer digit runs never count. */
export function findMobiles(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  MOBILE_IN_TEXT.lastIndex = 0;
  for (let m = MOBILE_IN_TEXT.exec(text); m !== null; m = MOBILE_IN_TEXT.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandalone(text, start, end) || continuesGroups(text, start, end)) continue;
    const hit = checkMobile(m[0]);
    if (hit) report(hit, start, end);
  }
}
