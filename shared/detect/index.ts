/**
 * Detection of personal identifiers: `detectCell` classifies one table cell as a whole (cheap
 * enough for a million-row scan in worker threads), `findInText` finds identifiers embedded in
 * free text with offsets a caller can mask. Detections never carry the matched value.
 */
import type { Detection } from './types';
import { checkAddress, findAddresses } from './detectors/address';
import { checkBankCard, findBankCards } from './detectors/bank-card';
import { type DetectorOptions, type Hit, foldWidth, toDetection } from './detectors/common';
import { checkCoordinates, findCoordinates } from './detectors/coordinates';
import { checkDigest, checkHexDigest, findDigests } from './detectors/digest';
import { checkEmail, findEmails } from './detectors/email';
import { checkIpv4, checkIpv6, findIpv4s, findIpv6s } from './detectors/ip-address';
import { checkLandline, findLandlines } from './detectors/landline';
import { checkMasked, findMaskedInText } from './detectors/masked';
import { checkMobile, findMobiles } from './detectors/mobile';
import { checkPersonName, findPersonNames } from './detectors/person-name';
import { checkLegacyResidentId, checkResidentId, findResidentIds } from './detectors/resident-id';
import { checkBareTaiwanPermit, checkTravelDocument, findTravelDocuments } from './detectors/travel-documents';
import { checkUscc, findUsccs } from './detectors/uscc';
import { checkVehiclePlate, findVehiclePlates } from './detectors/vehicle-plate';

export type { Detection, DetectorId, DigestShape, MaskShape } from './types';
export { DETECTOR_IDS } from './types';
export { PERSONAL_DETECTORS } from './detectors/common';

/** Options of detectCell: `asOf` (YYYY-MM-DD) bounds resident-ID birth dates; pass it for reproducible results. */
export type DetectOptions = DetectorOptions;

/** Options of findInText. */
export type FindOptions = DetectorOptions & {
  /**
   * Detections below this confidence are dropped before overlaps are resolved. Defaults to
   * 0.5, so that free text reports likely identifiers only (a resident ID with a wrong check
   * digit, 0.3, or a 16-digit number failing Luhn is not reported).
   */
  minConfidence?: number;
};

/** Cells longer than this are free text: classify them with findInText instead. */
export const MAX_CELL_LENGTH = 128;
/** findInText's default minimum confidence. */
export const DEFAULT_TEXT_MIN_CONFIDENCE = 0.5;

// Character classes of a cell, as bits, so that one pass decides which detectors can apply.
const DIGIT = 1;
const UPPER = 2;
const LOWER = 4;
const CJK = 8;
const SPACE = 16;
const DASH = 32;
const DOT = 64;
const COLON = 128;
const AT = 256;
const PLUS = 512;
const PAREN = 1024;
const SEPARATOR = 2048; // , ; /
const MASK = 4096;
const EQUALS = 8192;
const UNDERSCORE = 16384;
const FULL_WIDTH = 32768;
const MIDDOT = 65536;
const OTHER = 131072;

const ASCII_CLASS = new Uint32Array(128).fill(OTHER);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = UPPER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LOWER;
ASCII_CLASS[32] = SPACE;
ASCII_CLASS[9] = SPACE;
ASCII_CLASS[45] = DASH;
ASCII_CLASS[46] = DOT;
ASCII_CLASS[58] = COLON;
ASCII_CLASS[64] = AT;
ASCII_CLASS[43] = PLUS;
ASCII_CLASS[40] = PAREN;
ASCII_CLASS[41] = PAREN;
ASCII_CLASS[44] = SEPARATOR;
ASCII_CLASS[59] = SEPARATOR;
ASCII_CLASS[47] = SEPARATOR;
ASCII_CLASS[42] = MASK;
ASCII_CLASS[35] = MASK;
ASCII_CLASS[61] = EQUALS;
ASCII_CLASS[95] = UNDERSCORE;

const NUMERIC = DIGIT | SPACE | DASH | PAREN | PLUS;
const ALNUM = DIGIT | UPPER | LOWER;
const HEX_COLON = ALNUM | COLON | DOT;
const PAIR = DIGIT | DOT | SEPARATOR | SPACE | PAREN | UPPER;
const BASE64 = ALNUM | PLUS | SEPARATOR | EQUALS | DASH | UNDERSCORE;

function wideClass(code: number): number {
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return CJK;
  if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000) return FULL_WIDTH;
  if (code === 0xd7 || code === 0x25cf || code === 0x2022) return MASK;
  if (code === 0xb7 || code === 0x30fb) return MIDDOT;
  if (code === 0xa0) return SPACE;
  return OTHER;
}

function classify(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    bits |= code < 128 ? ASCII_CLASS[code]! : wideClass(code);
  }
  return bits;
}

function isTrimmable(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0x3000 || code === 0xfeff;
}

/**
 * Classifies a whole table cell and returns every plausible detection, most confident first,
 * each covering the whole cell (`start` 0, `end` = `value.length`). The value is trimmed and,
 * when it has full-width forms, NFKC-normalised for detection only. Values longer than
 * MAX_CELL_LENGTH return nothing: scan free text with findInText. Cheap by design: a character
 * class pass rejects most cells before any regular expression or validation runs.
 */
export function detectCell(value: string, options: DetectOptions = {}): Detection[] {
  const out: Detection[] = [];
  let s = value;
  if (s.length === 0) return out;
  if (isTrimmable(s.charCodeAt(0)) || isTrimmable(s.charCodeAt(s.length - 1))) s = s.trim(); // also U+3000, U+FEFF
  if (s.length < 2 || s.length > MAX_CELL_LENGTH) return out;
  let bits = classify(s);
  if (bits & FULL_WIDTH) {
    s = s.normalize('NFKC').trim();
    bits = classify(s);
  }
  const end = value.length;

  if (bits & MASK) {
    const masked = checkMasked(s);
    if (masked) {
      add(out, end, masked);
      return out;
    }
  }
  if (bits & AT) {
    add(out, end, checkEmail(s));
  } else if (bits & CJK) {
    cjkCell(s, bits, out, end);
  } else if ((bits & ~NUMERIC) === 0) {
    numericCell(s, bits, out, end, options);
  } else if ((bits & ~ALNUM) === 0) {
    alnumCell(s, bits, out, end, options);
  } else if ((bits & ~(DIGIT | DOT)) === 0) {
    add(out, end, checkIpv4(s) ?? checkCoordinates(s));
  } else if (bits & COLON) {
    if ((bits & ~HEX_COLON) === 0) add(out, end, checkIpv6(s));
  } else if (bits & DOT && (bits & ~PAIR) === 0) {
    add(out, end, checkCoordinates(s));
  } else if (bits & EQUALS && (bits & ~BASE64) === 0) {
    add(out, end, checkDigest(s));
  }
  if (out.length > 1) out.sort(byConfidence);
  return out;
}

/** Adds a whole-cell detection (a cell of `end` code units) when there is a hit. */
function add(out: Detection[], end: number, hit: Hit | null): void {
  if (hit) out.push(toDetection(hit, 0, end));
}

function byConfidence(a: Detection, b: Detection): number {
  return b.confidence - a.confidence;
}

/** Digits with optional spaces, hyphens, brackets and a plus. */
function numericCell(s: string, bits: number, out: Detection[], end: number, options: DetectOptions): void {
  const n = s.length;
  if (bits === DIGIT) {
    const first = s.charCodeAt(0);
    if (n === 8) {
      add(out, end, checkBareTaiwanPermit(s));
    } else if (n >= 10 && n <= 15) {
      if (first === 48) add(out, end, checkLandline(s));
      if (n === 11 || n === 13 || n === 15) add(out, end, checkMobile(s));
      if (n === 15) add(out, end, checkLegacyResidentId(s, options));
    } else if (n >= 16 && n <= 19) {
      if (n === 18) {
        add(out, end, checkResidentId(s, options));
        add(out, end, checkUscc(s)); // organisation codes made of digits only exist
      }
      add(out, end, checkBankCard(s, options));
    }
    return;
  }
  if (n > 32) return;
  add(out, end, checkMobile(s));
  add(out, end, checkLandline(s));
  if ((bits & (PLUS | PAREN)) === 0) {
    const digits = s.replace(/[ -]/g, '');
    if (digits.length >= 16 && digits.length <= 19) add(out, end, checkBankCard(digits, options));
  }
}

/** Letters and digits only: resident ID ending in X, credit codes, documents, hex digests. */
function alnumCell(s: string, bits: number, out: Detection[], end: number, options: DetectOptions): void {
  const n = s.length;
  if (n === 18) {
    const upper = bits & LOWER ? s.toUpperCase() : s;
    const last = upper.charCodeAt(17);
    if (last === 88 && /^\d{17}$/.test(upper.slice(0, 17))) add(out, end, checkResidentId(upper, options));
    add(out, end, checkUscc(upper));
  } else if (n >= 8 && n <= 11) {
    add(out, end, checkTravelDocument(bits & LOWER ? s.toUpperCase() : s));
  } else if (n === 32 || n === 40 || n === 64) {
    add(out, end, checkHexDigest(s));
  }
}

/** Values with Chinese characters: plates, names, addresses. */
function cjkCell(s: string, bits: number, out: Detection[], end: number): void {
  const n = s.length;
  if (n >= 7 && n <= 9 && bits & UPPER) add(out, end, checkVehiclePlate(s));
  if (n <= 20 && (bits & (DIGIT | UPPER | LOWER)) === 0) add(out, end, checkPersonName(s));
  if (n >= 5) add(out, end, checkAddress(s));
}

/**
 * Finds identifiers embedded in free text (reports, model cards, API examples, free-text
 * cells). Offsets are UTF-16 offsets into `text` itself: full-width forms are folded one code
 * unit for one before scanning. Overlapping candidates are resolved in favour of the more
 * confident, then the longer; the result is sorted by position. Numbers glued to letters or
 * to longer digit runs (order numbers, timestamps, amounts, versions) are not reported.
 */
export function findInText(text: string, options: FindOptions = {}): Detection[] {
  if (text.length === 0) return [];
  const minConfidence = options.minConfidence ?? DEFAULT_TEXT_MIN_CONFIDENCE;
  const folded = foldWidth(text);
  const candidates: Detection[] = [];
  const report = (hit: Hit, start: number, end: number): void => {
    if (end <= start) return;
    const detection = toDetection(hit, start, end);
    if (detection.confidence >= minConfidence) candidates.push(detection);
  };
  findResidentIds(folded, report, options);
  findMobiles(folded, report);
  findLandlines(folded, report);
  findBankCards(folded, report, options);
  findUsccs(folded, report);
  findTravelDocuments(folded, report);
  findVehiclePlates(folded, report);
  findEmails(folded, report);
  findIpv4s(folded, report);
  findIpv6s(folded, report);
  findCoordinates(folded, report);
  findPersonNames(folded, report);
  findAddresses(folded, report);
  findDigests(folded, report);
  findMaskedInText(folded, report);
  return resolveOverlaps(candidates, text.length);
}

/** Keeps the most confident (then longest, then first) of overlapping detections, in text order. */
function resolveOverlaps(candidates: Detection[], length: number): Detection[] {
  if (candidates.length <= 1) return candidates;
  candidates.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(length);
  const kept: Detection[] = [];
  for (const d of candidates) {
    let free = true;
    for (let i = d.start; i < d.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, d.start, d.end);
    kept.push(d);
  }
  return kept.sort((a, b) => a.start - b.start);
}
