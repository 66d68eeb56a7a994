/**
 * The detections of one table cell: the whole-cell detectors first, and for free-text cells
 * with nothing found (a note, an address, "联系人张三 13812345678") the slower free-text scan.
 * Shared by the scanner and the masking reader, so the grid masks exactly what the scan saw.
 */
import { detectCell, findInText, type Detection } from '../../../shared/detect';

const CJK = /[\u3400-\u9fff]/;
const DIGITS_7 = /\d{7}/;
const SEPARATED = /[\s,;，；:：、]/;

/**
 * Whether a cell the whole-cell detectors found nothing in could still hold an identifier in
 * running text. Codes and numbers (`R000000001`, `DD2026112700123`, amounts, dates) are single
 * tokens the whole-cell detectors already judged; only text with words around a value needs
 * the free-text scan.
 */
export function isFreeText(value: string): boolean {
  if (value.length < 8) return false;
  if (CJK.test(value)) return true;
  return value.includes('@') || (SEPARATED.test(value) && DIGITS_7.test(value));
}

export function cellDetections(value: string, asOf: string): Detection[] {
  const found = detectCell(value, { asOf });
  if (found.length > 0 || !isFreeText(value)) return found;
  return findInText(value, { asOf });
}
