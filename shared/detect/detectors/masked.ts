/**
 * Already-masked values (138****5678, 330***********1234, 张**, 王*明, ****5678, z***@x.cn):
 * one run of a mask character, measured (clear characters kept at the head and tail, total
 * length, mask character) and matched to the identifier its length and clear parts suggest.
 */
import { PROVINCE_CODES } from '../../ids/resident-id';
import type { DetectorId, MaskShape } from '../types';
import { type Hit, PERSONAL_DETECTORS, isAllDigits, isAsciiAlnumCode, isCjkCode, isStandalone } from './common';
import { surnameLength } from './person-name';

/** The characters used to mask: `*`, `×`, `#`, `●`, `•`, `＊` (folded to `*` before this runs). */
export const MASK_CHARS = '*×#●•';
/** The clear parts say what was masked. */
export const MASKED_KNOWN_CONFIDENCE = 0.9;
/** A masked value whose original kind cannot be told (`****5678`). */
export const MASKED_UNKNOWN_CONFIDENCE = 0.6;
/** Nothing left in clear (`***`): suppressed rather than masked. */
export const FULLY_MASKED_CONFIDENCE = 0.5;

/** True for the code unit of a mask character. */
export function isMaskCode(code: number): boolean {
  return code === 42 || code === 0xd7 || code === 35 || code === 0x25cf || code === 0x2022;
}

/**
 * Measures a masked value: one contiguous run of one mask character, clear characters that
 * are letters, digits, Chinese characters or e-mail punctuation. Returns null for values with
 * two runs (`**重要**` is Markdown, not a mask) or other characters.
 */
export function measureMask(value: string): MaskShape | null {
  const n = value.length;
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const code = value.charCodeAt(i);
    if (isMaskCode(code)) {
      if (first === -1) first = i;
      else if (last !== i - 1 || code !== value.charCodeAt(first)) return null;
      last = i;
    } else if (!(isAsciiAlnumCode(code) || isCjkCode(code) || code === 64 || code === 46 || code === 45 || code === 95)) {
      return null;
    }
  }
  if (first === -1) return null;
  // A single mask character is a mask only next to a Chinese character (王*明, 张*), and only
  // `*`, `×` or `●`: `5*3`, `C#` and `#1` are arithmetic and names; `•` separates names.
  if (first === last) {
    const code = value.charCodeAt(first);
    if (code === 35 || code === 0x2022) return null;
    if (!(isCjkCode(value.charCodeAt(first - 1)) || isCjkCode(value.charCodeAt(first + 1)))) return null;
  }
  const head = first;
  const tail = n - 1 - last;
  return { head, tail, length: n, maskChar: value[first]!, original: guessOriginal(value.slice(0, head), value.slice(n - tail), n) };
}

/**
 * What a masked value of total length `length` with clear `head` and `tail` most likely was:
 * 11 with a 1[3-9] head → cn-mobile; 18 (or 15) with a province head → resident ID; 16–19
 * digits → bank card; 11–12 starting 0 → landline; 18 with USCC letters → uscc; e-mail
 * punctuation → email; 2–4 Chinese characters → person-name; longer Chinese with
 * administrative names → address. Null when nothing fits.
 */
export function guessOriginal(head: string, tail: string, length: number): DetectorId | null {
  const clear = head + tail;
  if (clear.includes('@')) return 'email';
  if (clear.length > 0 && allCjk(clear)) {
    if (length >= 2 && length <= 4 && (head.length === 0 || surnameLength(head) > 0)) return 'person-name';
    if (length >= 6 && /省|市|区|县|路|街|镇/.test(head)) return 'address';
    return null;
  }
  const tailDigits = tail.length === 0 || isAllDigits(tail) || isAllDigits(tail.slice(0, -1));
  const headDigits = head.length === 0 || isAllDigits(head);
  if (headDigits && tailDigits) {
    if (length === 11 && (head.length === 0 || head[0] === '1') && (head.length < 2 || /^1[3-9]/.test(head)) && isAllDigits(tail || '0')) {
      return 'cn-mobile';
    }
    const province = head.length < 2 || PROVINCE_CODES.has(head.slice(0, 2));
    if (length === 18 && province && head.length > 0) return 'cn-resident-id';
    if (length === 15 && province && head.length > 0 && isAllDigits(tail || '0')) return 'cn-resident-id-15';
    if ((length === 11 || length === 12) && head.startsWith('0')) return 'cn-landline';
    if (length >= 16 && length <= 19 && isAllDigits(tail || '0')) return 'bank-card';
    return null;
  }
  if (length === 18 && /^[0-9A-HJ-NP-RTUW-Y]*$/.test(clear)) return head.startsWith('92') ? 'uscc-sole-trader' : 'uscc';
  if (length === 9 && /^[EGCHMTLW]/.test(head)) return head.startsWith('E') || head.startsWith('G') ? 'passport' : head.startsWith('T') || head.startsWith('L') ? 'taiwan-permit' : 'hk-macao-permit';
  return null;
}

function allCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isCjkCode(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Scores a whole value as masked. `personal` follows the guessed original kind (a masked
 * mobile is still a person's data, only desensitized); unknown originals count as personal.
 * A masked detection is never a clear identifier.
 */
export function checkMasked(value: string): Hit | null {
  if (value.length < 2) return null;
  const mask = measureMask(value);
  if (!mask) return null;
  const confidence = mask.head + mask.tail === 0 ? FULLY_MASKED_CONFIDENCE : mask.original ? MASKED_KNOWN_CONFIDENCE : MASKED_UNKNOWN_CONFIDENCE;
  return { detector: 'masked', confidence, personal: mask.original === null || PERSONAL_DETECTORS.has(mask.original), mask };
}

/**
 * Masked numbers in free text: digits, a run of at least three mask characters, digits (or
 * X). Names masked with `*` are not looked for in text, where Markdown uses the same character.
 */
const MASKED_IN_TEXT = /(?<![0-9A-Za-z*×●•])\d{0,6}(?:\*{3,16}|×{3,16}|●{3,16}|•{3,16})[\dXx]{1,4}(?![0-9A-Za-z*×●•])/g;

/** Finds masked numbers (138****5678, ****5678) in (width-folded) text. */
export function findMaskedInText(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  MASKED_IN_TEXT.lastIndex = 0;
  for (let m = MASKED_IN_TEXT.exec(text); m !== null; m = MASKED_IN_TEXT.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandalone(text, start, end)) continue;
    const hit = checkMasked(m[0]);
    if (hit) report(hit, start, end);
  }
}
