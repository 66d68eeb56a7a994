/**
 * Bank card numbers (银行卡号): 16–19 digits, optionally in groups. The Luhn check and the issuer
 * prefix (BIN) set the confidence; neither is a filter, because some older domestic cards do not
 * carry a Luhn digit and because a column of almost-cards is worth showing to the reviewer.
 */
import { type Hit, continuesGroups, hasContextBefore, isDigitCode, isStandalone } from './common';
import { checkResidentId } from './resident-id';

/** Luhn passes and the prefix belongs to a card scheme (62 UnionPay, 4 Visa, 51–55/2221–2720 Mastercard…). */
export const CARD_LUHN_KNOWN_BIN = 0.95;
/** Luhn passes and the first digit is an issuer category (3–6, 9) without a listed prefix. */
export const CARD_LUHN = 0.9;
/**
 * Luhn passes but no card scheme issues numbers starting 0, 1, 7, 8 (except UnionPay's 81) or
 * 2 outside 2221–2720: one in ten order numbers passes Luhn by chance, so this stays moderate.
 */
export const CARD_LUHN_NO_ISSUER = 0.5;
/** Luhn fails on a known prefix. */
export const CARD_NO_LUHN_KNOWN_BIN = 0.4;
/** Luhn fails, plausible issuer digit. */
export const CARD_NO_LUHN = 0.25;
/** Luhn fails, no issuer. */
export const CARD_NO_LUHN_NO_ISSUER = 0.15;
/** Cap for an 18-digit number whose region and birth date read as a resident ID. */
export const CARD_ID_SHAPED_CAP = 0.4;
/** A label such as 卡号 or 银行卡 in front of it in free text. */
export const CARD_CONTEXT_BONUS = 0.05;
/** Floor with such a label even when Luhn fails (a card label is strong evidence on its own). */
export const CARD_CONTEXT_FLOOR = 0.5;

const CARD_LABELS = ['卡号', '银行卡', '账号', '帐号', '账户', '帐户', '借记卡', '信用卡', '储蓄卡', 'card', 'account'] as const;

/** True when `digits` passes the Luhn (mod 10) check. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** The Luhn check digit to append to `body`. */
export function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + String(d))) return String(d);
  throw new RangeError('luhnCheckDigit expects digits');
}

/** How much a number's prefix says it was issued as a card. */
export type IssuerClass = 'known' | 'plausible' | 'none';

/**
 * Classifies the issuer prefix: `known` for UnionPay (62, 81), Visa (4), Mastercard (51–55,
 * 2221–2720), JCB (35), Discover and domestic 60/65/644–649, Diners (30, 36, 38) and the legacy
 * domestic 95…; `plausible` for another 3, 4, 5, 6 or 9; `none` otherwise.
 */
export function issuerClass(digits: string): IssuerClass {
  const first = digits.charCodeAt(0) - 48;
  const two = Number(digits.slice(0, 2));
  if (first === 4) return 'known';
  if (two === 62 || two === 81 || two === 35 || two === 60 || two === 65 || two === 95 || two === 30 || two === 36 || two === 38) return 'known';
  if (two >= 51 && two <= 55) return 'known';
  const three = Number(digits.slice(0, 3));
  if (three >= 644 && three <= 649) return 'known';
  const four = Number(digits.slice(0, 4));
  if (four >= 2221 && four <= 2720) return 'known';
  if (first === 3 || first === 5 || first === 6 || first === 9) return 'plausible';
  return 'none';
}

/**
 * Scores 16–19 digits (separators already removed) as a bank card. Returns null for other
 * lengths and for a run of one repeated digit.
 */
export function checkBankCard(digits: string, options: { asOf?: string } = {}): Hit | null {
  const n = digits.length;
  if (n < 16 || n > 19) return null;
  let same = true;
  for (let i = 0; i < n; i++) {
    const code = digits.charCodeAt(i);
    if (!isDigitCode(code)) return null;
    if (code !== digits.charCodeAt(0)) same = false;
  }
  if (same) return null;
  const issuer = issuerClass(digits);
  let confidence: number;
  if (luhnValid(digits)) confidence = issuer === 'known' ? CARD_LUHN_KNOWN_BIN : issuer === 'plausible' ? CARD_LUHN : CARD_LUHN_NO_ISSUER;
  else confidence = issuer === 'known' ? CARD_NO_LUHN_KNOWN_BIN : issuer === 'plausible' ? CARD_NO_LUHN : CARD_NO_LUHN_NO_ISSUER;
  if (n === 18 && confidence > CARD_ID_SHAPED_CAP && checkResidentId(digits, options)) confidence = CARD_ID_SHAPED_CAP;
  return { detector: 'bank-card', confidence, personal: true };
}

const CARD_IN_TEXT = /(?<![0-9A-Za-z])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,4})?|\d{6}[ -]\d{10,13})(?![0-9A-Za-z])/g;

/** Finds bank card numbers in (width-folded) text, contiguous or grouped by spaces or hyphens. */
export function findBankCards(text: string, report: (hit: Hit, start: number, end: number) => void, options: { asOf?: string } = {}): void {
  CARD_IN_TEXT.lastIndex = 0;
  for (let m = CARD_IN_TEXT.exec(text); m !== null; m = CARD_IN_TEXT.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandalone(text, start, end) || continuesGroups(text, start, end)) continue;
    const hit = checkBankCard(m[0].replace(/[ -]/g, ''), options);
    if (!hit) continue;
    if (hasContextBefore(text, start, CARD_LABELS)) {
      hit.confidence = Math.min(0.99, Math.max(CARD_CONTEXT_FLOOR, hit.confidence + CARD_CONTEXT_BONUS));
    }
    report(hit, start, end);
  }
}
