/**
 * Travel documents: PRC passports (E/G + 8 digits, E + letter + 7, DE/SE/PE + 7, old D/S/P),
 * Hong Kong and Macao permits (往来港澳通行证 C/W…, 港澳居民来往内地通行证 H/M + 8 or 10 digits)
 * and Taiwan permits (往来台湾通行证 T/L + 8, 台湾居民来往大陆通行证 8 digits). None carries a
 * check character, so confidence comes from the prefix and, in free text, from a label.
 */
import { type Hit, hasContextBefore, isAllDigits, isStandalone } from './common';

/** A bare 8-digit value in a table cell: could be a 台胞证 number, far more often anything else. */
export const BARE_TAIWAN_CELL_CONFIDENCE = 0.15;
/** A bare 8-digit (or 8+2-digit) number in free text right after a Taiwan-permit label. */
export const BARE_TAIWAN_CONTEXT_CONFIDENCE = 0.8;
/** Added in free text when a matching label (护照, 通行证…) stands just before the number. */
export const DOCUMENT_CONTEXT_BONUS = 0.15;

type Rule = { shape: RegExp; detector: 'passport' | 'hk-macao-permit' | 'taiwan-permit'; confidence: number };

/** Letters used after a leading letter skip I and O, as on the documents. */
const RULES: readonly Rule[] = [
  { shape: /^E\d{8}$/, detector: 'passport', confidence: 0.75 },
  { shape: /^E[A-HJ-NP-Z]\d{7}$/, detector: 'passport', confidence: 0.75 },
  { shape: /^G\d{8}$/, detector: 'passport', confidence: 0.7 },
  { shape: /^[DSP]E\d{7}$/, detector: 'passport', confidence: 0.7 },
  { shape: /^(?:[DSP]\d{7}|S\d{8})$/, detector: 'passport', confidence: 0.5 },
  { shape: /^C(?:\d|[A-HJ-NP-Z])\d{7}$/, detector: 'hk-macao-permit', confidence: 0.7 },
  { shape: /^W\d{8}$/, detector: 'hk-macao-permit', confidence: 0.6 },
  { shape: /^[HM]\d{8}$/, detector: 'hk-macao-permit', confidence: 0.7 },
  { shape: /^[HM]\d{10}$/, detector: 'hk-macao-permit', confidence: 0.65 },
  { shape: /^T\d{8}$/, detector: 'taiwan-permit', confidence: 0.65 },
  { shape: /^L\d{8}$/, detector: 'taiwan-permit', confidence: 0.55 },
];

/** Matches exactly when one of RULES does: their union (each rule is anchored and has no flags). */
const ANY_RULE = new RegExp(
  `^(?:${RULES.map((rule) => {
    if (rule.shape.flags !== '' || !rule.shape.source.startsWith('^') || !rule.shape.source.endsWith('$')) throw new Error(`travel document rule ${rule.shape} must be anchored, without flags`);
    return rule.shape.source.slice(1, -1);
  }).join('|')})$`,
);

const LABELS: Readonly<Record<Rule['detector'], readonly string[]>> = {
  passport: ['护照', 'passport'],
  'hk-macao-permit': ['港澳', '回乡证', '通行证', 'permit'],
  'taiwan-permit': ['台胞证', '台湾', '赴台', '通行证', 'permit'],
};

/**
 * Scores an upper-case candidate of 8–11 letters and digits that starts with a letter as a
 * passport or permit number, or null. Bare digit strings are handled by checkBareTaiwanPermit.
 */
export function checkTravelDocument(candidate: string): Hit | null {
  const n = candidate.length;
  if (n < 8 || n > 11) return null;
  const first = candidate.charCodeAt(0);
  if (first < 65 || first > 90) return null;
  // One pattern for all first: most codes (`R000000001`, order numbers) are none of them.
  if (!ANY_RULE.test(candidate)) return null;
  for (const rule of RULES) {
    if (rule.shape.test(candidate)) return { detector: rule.detector, confidence: rule.confidence, personal: true };
  }
  return null;
}

/**
 * Scores a bare 8-digit table cell as a Taiwan resident's permit with very low confidence, or
 * null when it reads as a date YYYYMMDD (1900–2099), which such a column far more likely holds.
 */
export function checkBareTaiwanPermit(digits: string): Hit | null {
  if (digits.length !== 8 || !isAllDigits(digits)) return null;
  if (looksLikeDate(digits)) return null;
  return { detector: 'taiwan-permit', confidence: BARE_TAIWAN_CELL_CONFIDENCE, personal: true };
}

function looksLikeDate(d: string): boolean {
  const century = d.slice(0, 2);
  if (century !== '19' && century !== '20') return false;
  const month = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const DOCUMENT_IN_TEXT = /(?<![0-9A-Za-z])[A-Z]{1,2}\d{7,10}(?![0-9A-Za-z])/g;
const BARE_DIGITS_IN_TEXT = /(?<![0-9A-Za-z])\d{8}(?:\d{2}|\([A-Z]\))?(?![0-9A-Za-z])/g;
const TAIWAN_LABELS = ['台胞证', '台湾居民来往大陆通行证', '台湾居民', 'mtp'] as const;

/**
 * Finds passport and permit numbers in (width-folded) text. Bare 8-digit (or 8+2-digit, or
 * `12345678(B)`) numbers count only right after a Taiwan-permit label such as 台胞证.
 */
export function findTravelDocuments(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  DOCUMENT_IN_TEXT.lastIndex = 0;
  for (let m = DOCUMENT_IN_TEXT.exec(text); m !== null; m = DOCUMENT_IN_TEXT.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandalone(text, start, end)) continue;
    const hit = checkTravelDocument(m[0]);
    if (!hit) continue;
    if (hasContextBefore(text, start, LABELS[hit.detector as Rule['detector']], 20)) hit.confidence = Math.min(0.95, hit.confidence + DOCUMENT_CONTEXT_BONUS);
    report(hit, start, end);
  }
  BARE_DIGITS_IN_TEXT.lastIndex = 0;
  for (let m = BARE_DIGITS_IN_TEXT.exec(text); m !== null; m = BARE_DIGITS_IN_TEXT.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandalone(text, start, end) || !hasContextBefore(text, start, TAIWAN_LABELS, 20)) continue;
    report({ detector: 'taiwan-permit', confidence: BARE_TAIWAN_CONTEXT_CONFIDENCE, personal: true }, start, end);
  }
}
