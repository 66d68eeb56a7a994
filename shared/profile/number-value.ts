/**
 * The value of a plain number cell (one `isPlainNumber` accepts), for a column's numeric range.
 * The profiler reads one for every cell of an amount column, where `Number` on the text was a
 * good part of the cost: short decimals take a fast path that gives exactly the same double.
 */

/** 10^0 … 10^15, each exact in a double. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** `Number` of the text without its thousands separators and trailing percent sign. */
function slow(text: string): number {
  return Number(text.includes(',') || text.endsWith('%') ? text.replace(/,/g, '').replace(/%$/, '') : text);
}

/**
 * The value of `text` (trimmed, ASCII digits): as `Number` reads it once thousands separators
 * and a trailing `%` are dropped. A sign, at most 15 digits and at most one decimal point take
 * the fast path: the digits as an integer (below 2^53, so exact) divided by a power of ten
 * (exact up to 10^22) is one correctly rounded division — the double `Number` returns.
 */
export function plainNumberValue(text: string): number {
  const n = text.length;
  if (n === 0 || n > 17) return slow(text);
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 0x2d) {
    negative = true;
    i = 1;
  } else if (first === 0x2b) {
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  // Digits after the decimal point; -1 before one is seen.
  let scale = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 0x2e && scale < 0) {
      scale = 0;
    } else {
      return slow(text);
    }
  }
  if (digits === 0 || digits > 15) return slow(text);
  const value = scale > 0 ? mantissa / POW10[scale]! : mantissa;
  return negative ? -value : value;
}
