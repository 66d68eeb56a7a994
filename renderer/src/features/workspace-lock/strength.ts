/**
 * The strength hint shown while a workspace passphrase is chosen: a rough estimate, not a
 * promise — it counts characters as people do (grapheme clusters, as main's minimum does),
 * ignores repeated and sequential characters ("aaaa", "1234", "abcd"), and weighs the rest by
 * the kinds of character used. Main enforces only the minimum length; the rest is advice.
 */

export type PassphraseStrength = 'too-short' | 'weak' | 'fair' | 'strong';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters as people count them: "é" is one however it was typed. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text.normalize('NFC'))) if (segment.segment !== '') count += 1;
  return count;
}

/** Rough number of choices per character for each kind of character a passphrase uses. */
const POOLS: Array<[RegExp, number]> = [
  [/[a-z]/, 26],
  [/[A-Z]/, 26],
  [/[0-9]/, 10],
  [/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/, 33],
  // Chinese and other scripts: a large alphabet, counted modestly because people pick common characters.
  [/[^\p{ASCII}]/u, 200],
];

/** Bits from which the hint says fair and strong. */
const FAIR_BITS = 48;
const STRONG_BITS = 64;

/** The hint for `passphrase` given main's minimum length. */
export function passphraseStrength(passphrase: string, minimumCharacters: number): PassphraseStrength {
  const characters = [...segmenter.segment(passphrase.normalize('NFC'))].map((s) => s.segment);
  if (characters.length < minimumCharacters) return 'too-short';
  let pool = 0;
  for (const [pattern, size] of POOLS) if (pattern.test(passphrase)) pool += size;
  let effective = 0;
  let previous: number | null = null;
  for (const character of characters) {
    const code = character.codePointAt(0) ?? 0;
    // A repeat or a step of one from the previous character adds almost nothing.
    if (previous === null || Math.abs(code - previous) > 1) effective += 1;
    previous = code;
  }
  const distinct = new Set(characters).size;
  const bits = Math.min(effective, distinct * 3) * Math.log2(Math.max(pool, 2));
  if (bits >= STRONG_BITS) return 'strong';
  if (bits >= FAIR_BITS) return 'fair';
  return 'weak';
}
