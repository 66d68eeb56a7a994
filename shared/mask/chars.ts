/**
 * Character-level building blocks of the maskers: code-point aware slicing (a surrogate pair is
 * one character and is never split), the mask characters we recognise, and keep-the-ends masking.
 */

/** The character every masker of this module writes. */
export const MASK_CHAR = '*';

/**
 * Characters operators use to mask values (`138****5678`, `张××`, `110101########1234`). `x`/`X`
 * are deliberately absent: a resident identity number ends in `X`.
 */
const MASK_CHARS: ReadonlySet<string> = new Set(['*', '＊', '﹡', '✱', '×', '#', '＃', '●', '•', '○', '■', '□', '█']);

/** True when `ch` (one character) is a recognised mask character. */
export function isMaskChar(ch: string): boolean {
  return MASK_CHARS.has(ch);
}

/** The characters (code points) of `value`: a surrogate pair counts once. */
export function codePoints(value: string): string[] {
  return Array.from(value);
}

/** The number of characters (code points) of `value`, without allocating for plain BMP text. */
export function codePointLength(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** `*` repeated once per character of `value`; a single `*` for the empty string. */
export function fullMask(value: string): string {
  return MASK_CHAR.repeat(Math.max(codePointLength(value), 1));
}

/**
 * Keeps `head` characters at the start and `tail` at the end and masks the rest, one `*` per
 * character. When fewer than one character would be masked the whole value is masked instead,
 * so the result never shows the complete value.
 */
export function keepEnds(value: string, head: number, tail: number): string {
  const chars = codePoints(value);
  const n = chars.length;
  if (n === 0) return '';
  if (n <= head + tail) return MASK_CHAR.repeat(n);
  return chars.slice(0, head).join('') + MASK_CHAR.repeat(n - head - tail) + (tail > 0 ? chars.slice(n - tail).join('') : '');
}

/**
 * The most an identifier is shown for display or evidence: at most 3 characters at the start
 * and 4 at the end, and at least max(4, ⌈n/3⌉) characters masked, so short identifiers (a
 * 9-character passport, a 7-character plate) keep proportionally less.
 */
export function identifierEnds(length: number): { head: number; tail: number } {
  const masked = Math.max(4, Math.ceil(length / 3));
  if (length <= masked) return { head: 0, tail: 0 };
  const keep = length - masked;
  const head = Math.min(3, Math.floor((keep * 3) / 7));
  return { head, tail: Math.min(4, keep - head) };
}

/** Masks an identifier with the conservative display form of identifierEnds. */
export function maskIdentifier(value: string): string {
  const n = codePointLength(value);
  const { head, tail } = identifierEnds(n);
  return head === 0 && tail === 0 ? fullMask(value) : keepEnds(value, head, tail);
}

/**
 * Where the clear characters of an already-masked value are: characters before the first mask
 * character, characters after the last one, and the mask character itself. Null when the value
 * has no mask character.
 */
export function maskShapeOf(value: string): { head: number; tail: number; length: number; maskChar: string } | null {
  const chars = codePoints(value);
  let first = -1;
  let last = -1;
  for (let i = 0; i < chars.length; i++) {
    if (isMaskChar(chars[i]!)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return null;
  return { head: first, tail: chars.length - 1 - last, length: chars.length, maskChar: chars[first]! };
}

/** True when `value` is non-empty and consists of mask characters (and spaces) only. */
export function isAllMask(value: string): boolean {
  let seen = false;
  for (const ch of value) {
    if (isMaskChar(ch)) seen = true;
    else if (ch.trim() !== '') return false;
  }
  return seen;
}

/** Full-width digits `０`–`９` as ASCII digits; everything else unchanged. */
export function toAsciiDigits(value: string): string {
  // Runs per cell in the profiler: skip the replace for the usual value without full-width digits.
  let found = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) {
      found = true;
      break;
    }
  }
  if (!found) return value;
  return value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}
