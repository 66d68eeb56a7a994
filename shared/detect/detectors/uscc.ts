/**
 * Unified social credit codes (统一社会信用代码, GB 32100), validated through shared/ids. An
 * organisation's code is not personal information; a sole trader's (个体工商户, `92…`) is,
 * and is reported as `uscc-sole-trader`.
 */
import { validateUscc } from '../../ids/uscc';
import { type Hit, isStandalone } from './common';

/** A valid code: the check character is a mod-31 check over all 17 characters. */
export const USCC_CONFIDENCE = 0.99;

/**
 * Scores an 18-character candidate as a unified social credit code (upper-case it first).
 * A wrong check character, department, organisation type or region gives null.
 */
export function checkUscc(candidate: string): Hit | null {
  if (candidate.length !== 18) return null;
  const result = validateUscc(candidate);
  if (!result.ok) return null;
  return result.value.soleTrader
    ? { detector: 'uscc-sole-trader', confidence: USCC_CONFIDENCE, personal: true }
    : { detector: 'uscc', confidence: USCC_CONFIDENCE, personal: false };
}

const USCC_IN_TEXT = /(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUW-Y]{18}(?![0-9A-Za-z])/g;

/** Finds valid unified social credit codes in (width-folded) text. */
export function findUsccs(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  USCC_IN_TEXT.lastIndex = 0;
  for (let m = USCC_IN_TEXT.exec(text); m !== null; m = USCC_IN_TEXT.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandalone(text, start, end)) continue;
    const hit = checkUscc(m[0]);
    if (hit) report(hit, start, end);
  }
}
