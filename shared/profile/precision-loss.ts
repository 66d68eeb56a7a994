/**
 * Recognises identifier-like numbers that went through a floating-point type (a spreadsheet or
 * a float column) and lost digits: exponent form, trailing-zero runs, or a `.0` suffix.
 */

export type PrecisionLossKind = 'exponent' | 'trailing-zeros' | 'dot-zero';

/**
 * How `value` shows a float's precision loss, or null: `1.10105E+17` (exponent form of a number
 * ≥ 1e15), `110105199003070000` (≥ 1e15 ending in three or more zeros), or
 * `110105199003074000.0` (a number of 15 or more digits ending in `.0`).
 */
export function precisionLossKind(value: string): PrecisionLossKind | null {
  const s = value.trim();
  // Cheap rejection first: this runs on every cell of every column.
  if (s.length < 4) return null;
  const first = s.charCodeAt(0);
  if (!((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d)) return null;
  if (s.includes('e') || s.includes('E')) {
    return /^[+-]?\d+(?:\.\d+)?[eE]\+?\d+$/.test(s) && Math.abs(Number(s)) >= 1e15 ? 'exponent' : null;
  }
  // 1e15 has 16 digits; "15 digits and .0" has at least 17 characters.
  if (s.length < 16) return null;
  if (/^[1-9]\d{15,}$/.test(s)) return s.endsWith('000') ? 'trailing-zeros' : null;
  if (/^[1-9]\d{14,}\.0+$/.test(s)) return 'dot-zero';
  return null;
}
