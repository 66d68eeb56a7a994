/**
 * The detections of one table cell: the whole-cell detectors first, and for longer free-text
 * cells with nothing found (a note, an address, "联系人张三 13812345678") the free-text scan.
 * Shared by the scanner and the masking reader, so the grid masks exactly what the scan saw.
 */
import { detectCell, findInText, type Detection } from '../../../shared/detect';

const CJK = /[\u3400-\u9fff]/;
const DIGITS_7 = /\d{7}/;

export function cellDetections(value: string, asOf: string): Detection[] {
  const found = detectCell(value, { asOf });
  if (found.length > 0 || value.length < 8) return found;
  // Free text: only worth the slower scan when it could hold a number-like identifier or Chinese words.
  if (!DIGITS_7.test(value) && !CJK.test(value) && !value.includes('@')) return found;
  return findInText(value, { asOf });
}
