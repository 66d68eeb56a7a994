/**
 * Helpers every detector family shares: the offset-free result a detector returns, character
 * classes for cheap rejects, the length-preserving full-width fold used by text scans, and the
 * boundary and context checks that keep identifiers from firing inside longer tokens.
 */
import type { Detection, DetectorId } from '../types';

/** A detection without its position: what a detector says about one candidate string. */
export type Hit = Omit<Detection, 'start' | 'end'>;

/** Options every detector may read. */
export type DetectorOptions = {
  /** `YYYY-MM-DD`: birth dates after this day are not real (defaults to today in UTC+8). */
  asOf?: string;
};

/** Detectors whose identifiers are personal information when found in clear. */
export const PERSONAL_DETECTORS: ReadonlySet<DetectorId> = new Set<DetectorId>([
  'cn-resident-id',
  'cn-resident-id-15',
  'cn-mobile',
  'cn-landline',
  'bank-card',
  'uscc-sole-trader',
  'passport',
  'hk-macao-permit',
  'taiwan-permit',
  'vehicle-plate',
  'email',
  'ipv4',
  'ipv6',
  'coordinates',
  'person-name',
  'address',
]);

/** Rounds a score to two decimals and keeps it within 0..1. */
export function clampConfidence(value: number): number {
  if (value <= 0) return 0;
  if (value >= 1) return 1;
  return Math.round(value * 100) / 100;
}

/** True for the code unit of an ASCII digit. */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True for the code unit of an ASCII letter or digit. */
export function isAsciiAlnumCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** True for a CJK unified ideograph (the basic block and extension A). */
export function isCjkCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** True when every character of `s` is an ASCII digit (false for the empty string). */
export function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e\u3000]/g;

/**
 * Folds full-width ASCII forms (U+FF01–FF5E) and the ideographic space to ASCII, one code unit
 * for one, so offsets into the result are offsets into the input. For these characters the
 * result equals NFKC; other characters are left alone. Returns the input when nothing changes.
 */
export function foldWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH_ALL, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
  });
}

/**
 * True when the match `[start, end)` of `text` stands on its own: no ASCII letter or digit
 * touches either side, and it is not the integer or fraction part of a decimal number.
 */
export function isStandalone(text: string, start: number, end: number): boolean {
  if (start > 0) {
    const before = text.charCodeAt(start - 1);
    if (isAsciiAlnumCode(before)) return false;
    if (before === 46 && start > 1 && isDigitCode(text.charCodeAt(start - 2))) return false;
  }
  if (end < text.length) {
    const after = text.charCodeAt(end);
    if (isAsciiAlnumCode(after)) return false;
    if (after === 46 && end + 1 < text.length && isDigitCode(text.charCodeAt(end + 1))) return false;
  }
  return true;
}

/**
 * True when one of `words` occurs in the `window` characters before `index` (the label of a
 * value, such as 身份证号 or 卡号). Case-sensitive; pass lower-case words for Latin labels,
 * which are compared against the lower-cased window.
 */
export function hasContextBefore(text: string, index: number, words: readonly string[], window = 16): boolean {
  const from = Math.max(0, index - window);
  const slice = text.slice(from, index).toLowerCase();
  for (const word of words) if (slice.includes(word)) return true;
  return false;
}

/**
 * True when a number written in groups (`138 1234 5678`) carries on past `[start, end)` with
 * the same separator and more digits, as in `138 1234 5678 9012`: then it is part of a longer
 * number. A different separator (a list `0571-87654321 13812345678`) does not count.
 */
export function continuesGroups(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 45) continue;
    if (end + 1 < text.length && text.charCodeAt(end) === code && isDigitCode(text.charCodeAt(end + 1))) return true;
    if (start >= 2 && text.charCodeAt(start - 1) === code && isDigitCode(text.charCodeAt(start - 2))) return true;
  }
  return false;
}

/**
 * A detection from a hit and its range, built field by field (object spread is several times
 * slower on this hot path). `mask` and `digest` are copied only when present.
 */
export function toDetection(hit: Hit, start: number, end: number): Detection {
  const detection: Detection = { detector: hit.detector, confidence: clampConfidence(hit.confidence), personal: hit.personal, start, end };
  if (hit.mask) detection.mask = hit.mask;
  if (hit.digest) detection.digest = hit.digest;
  return detection;
}
