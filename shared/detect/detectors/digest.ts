/**
 * Digest-shaped values: hex of 32, 40 or 64 digits (MD5, SHA-1, SHA-256 or SM3) and padded
 * base64 of 16, 20 or 32 bytes. One cell can only be digest-shaped; whether a column is a
 * digest (near-unique, fixed length) and of what is decided by the profiler.
 */
import type { DigestShape } from '../types';
import type { Hit } from './common';

/** Hex of a digest length with both letters and digits, in one case. */
export const HEX_DIGEST_CONFIDENCE = 0.8;
/** Padded base64 of a digest length mixing at least two of upper, lower and digits. */
export const BASE64_DIGEST_CONFIDENCE = 0.7;

const HEX_ALGORITHMS: Readonly<Record<number, DigestShape['algorithms']>> = {
  32: ['md5'],
  40: ['sha1'],
  64: ['sha256', 'sm3'],
};

/** Base64 length (with padding) → algorithms: 24 = 16 bytes, 28 = 20 bytes, 44 = 32 bytes. */
const BASE64_ALGORITHMS: Readonly<Record<number, DigestShape['algorithms']>> = {
  24: ['md5'],
  28: ['sha1'],
  44: ['sha256', 'sm3'],
};
/** The padding a base64 string of that length must end with. */
const BASE64_PADDING: Readonly<Record<number, string>> = { 24: '==', 28: '=', 44: '=' };

/**
 * Scores a whole value as a hex digest. Requires one case throughout and at least one letter
 * and one digit (a 32-digit number is a number; `aaaa…` is not a digest).
 */
export function checkHexDigest(value: string): Hit | null {
  const algorithms = HEX_ALGORITHMS[value.length];
  if (!algorithms) return null;
  let lower = false;
  let upper = false;
  let digit = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) digit = true;
    else if (code >= 97 && code <= 102) lower = true;
    else if (code >= 65 && code <= 70) upper = true;
    else return null;
  }
  if ((lower && upper) || !digit || !(lower || upper)) return null;
  return {
    detector: 'digest',
    confidence: HEX_DIGEST_CONFIDENCE,
    personal: false,
    digest: { encoding: 'hex', algorithms, upperCase: upper },
  };
}

/**
 * Scores a whole value as padded base64 (standard or URL-safe alphabet) of 16, 20 or 32 bytes,
 * or null.
 */
export function checkBase64Digest(value: string): Hit | null {
  const n = value.length;
  const algorithms = BASE64_ALGORITHMS[n];
  const padding = BASE64_PADDING[n];
  if (!algorithms || !padding || !value.endsWith(padding)) return null;
  let classes = 0;
  for (let i = 0; i < n - padding.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) classes |= 1;
    else if (code >= 65 && code <= 90) classes |= 2;
    else if (code >= 97 && code <= 122) classes |= 4;
    else if (code !== 43 && code !== 47 && code !== 45 && code !== 95) return null;
  }
  if (classes === 1 || classes === 2 || classes === 4 || classes === 0) return null;
  return {
    detector: 'digest',
    confidence: BASE64_DIGEST_CONFIDENCE,
    personal: false,
    digest: { encoding: 'base64', algorithms, upperCase: false },
  };
}

/** checkHexDigest, then checkBase64Digest. */
export function checkDigest(value: string): Hit | null {
  return checkHexDigest(value) ?? checkBase64Digest(value);
}

const HEX_IN_TEXT = /(?<![0-9A-Za-z])(?:[0-9a-fA-F]{64}|[0-9a-fA-F]{40}|[0-9a-fA-F]{32})(?![0-9A-Za-z])/g;
const BASE64_IN_TEXT = /(?<![0-9A-Za-z+/=_-])[0-9A-Za-z+/_-]{22,43}={1,2}(?![0-9A-Za-z+/=_-])/g;

/** Finds digest-shaped hex and padded base64 tokens in (width-folded) text. */
export function findDigests(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  HEX_IN_TEXT.lastIndex = 0;
  for (let m = HEX_IN_TEXT.exec(text); m !== null; m = HEX_IN_TEXT.exec(text)) {
    const hit = checkHexDigest(m[0]);
    if (hit) report(hit, m.index, m.index + m[0].length);
  }
  BASE64_IN_TEXT.lastIndex = 0;
  for (let m = BASE64_IN_TEXT.exec(text); m !== null; m = BASE64_IN_TEXT.exec(text)) {
    const hit = checkBase64Digest(m[0]);
    if (hit) report(hit, m.index, m.index + m[0].length);
  }
}
