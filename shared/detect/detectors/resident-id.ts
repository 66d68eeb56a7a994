/**
 * Resident identity numbers (居民身份证号码): the 18-digit GB 11643 form, validated through
 * shared/ids (check character, real birth date not after `asOf`, province-level region), and the
 * 15-digit legacy form, which has no check character and is therefore less certain.
 */
import { residentIdCheckChar, validateLegacyResidentId, validateResidentId } from '../../ids/resident-id';
import { type DetectorOptions, type Hit, hasContextBefore, isStandalone } from './common';

/** A valid 18-digit number: the check character, region and date all agree. */
export const RESIDENT_ID_CONFIDENCE = 0.99;
/** A valid number whose city digits are `00` (a province-level registration: rare, but issued). */
export const RESIDENT_ID_PROVINCE_LEVEL_CONFIDENCE = 0.9;
/**
 * Region and birth date are real but the check character is wrong: most likely a typo or a
 * made-up test number. Reported low so a column of them is still visible to the profiler, and
 * below findInText's default threshold so free text never shows it as a clear identifier.
 */
export const RESIDENT_ID_BAD_CHECK_CONFIDENCE = 0.3;
/** A 15-digit number with a real region and 19YYMMDD date; nothing else can be checked. */
export const LEGACY_ID_CONFIDENCE = 0.7;
/** The same with a label such as 身份证 just before it in free text. */
export const LEGACY_ID_CONTEXT_CONFIDENCE = 0.88;

const ID_LABELS = ['身份证', '证件号', '公民身份', 'id card', 'id no', 'idcard', 'sfz'] as const;

/**
 * Scores an 18-character candidate (17 digits and a digit or `X`) as a resident identity
 * number: ≥ 0.9 when valid, 0.3 when only the check character is wrong, null otherwise
 * (bad region, impossible or future birth date, wrong shape).
 */
export function checkResidentId(candidate: string, options: DetectorOptions = {}): Hit | null {
  if (candidate.length !== 18) return null;
  const result = validateResidentId(candidate, options);
  if (result.ok) {
    const provinceLevel = candidate.charCodeAt(2) === 48 && candidate.charCodeAt(3) === 48;
    return {
      detector: 'cn-resident-id',
      confidence: provinceLevel ? RESIDENT_ID_PROVINCE_LEVEL_CONFIDENCE : RESIDENT_ID_CONFIDENCE,
      personal: true,
    };
  }
  // Only the check character wrong? Re-validate with the right one; anything else failing is fatal.
  if (!/^\d{17}[\dXx]$/.test(candidate)) return null;
  const body = candidate.slice(0, 17);
  if (!validateResidentId(body + residentIdCheckChar(body), options).ok) return null;
  return { detector: 'cn-resident-id', confidence: RESIDENT_ID_BAD_CHECK_CONFIDENCE, personal: true };
}

/**
 * Scores a 15-digit candidate as a legacy resident identity number (real province, real date
 * 19YYMMDD not after `asOf`), or null.
 */
export function checkLegacyResidentId(candidate: string, options: DetectorOptions = {}): Hit | null {
  if (candidate.length !== 15) return null;
  if (!validateLegacyResidentId(candidate, options).ok) return null;
  return { detector: 'cn-resident-id-15', confidence: LEGACY_ID_CONFIDENCE, personal: true };
}

const ID_IN_TEXT = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

/**
 * Finds 18- and 15-digit resident identity numbers in (width-folded) text and reports each
 * with its offsets. A label such as 身份证号 raises a legacy number's confidence.
 */
export function findResidentIds(text: string, report: (hit: Hit, start: number, end: number) => void, options: DetectorOptions = {}): void {
  ID_IN_TEXT.lastIndex = 0;
  for (let m = ID_IN_TEXT.exec(text); m !== null; m = ID_IN_TEXT.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandalone(text, start, end)) continue;
    if (m[0].length === 18) {
      const hit = checkResidentId(m[0], options);
      if (hit) report(hit, start, end);
    } else {
      const hit = checkLegacyResidentId(m[0], options);
      if (!hit) continue;
      if (hasContextBefore(text, start, ID_LABELS)) hit.confidence = LEGACY_ID_CONTEXT_CONFIDENCE;
      report(hit, start, end);
    }
  }
}
