/**
 * The detections of one table cell: the whole-cell detectors first, and for free-text cells
 * with nothing found (a note, an address, "联系人张三 13812345678") the slower free-text scan.
 * Shared by the scanner and the masking reader, so the grid masks exactly what the scan saw.
 */
import { detectCell, findInText, type Detection } from '../../../shared/detect';

/** A run of ASCII digits this long in a separated value may be a number in running text. */
const DIGIT_RUN = 7;

/** What JavaScript's `\s` matches. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `,` `;` `，` `；` `:` `：` `、` or white space: what separates words around a number. */
function isSeparator(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0xff0c || c === 0xff1b || c === 0x3a || c === 0xff1a || c === 0x3001 || isSpace(c);
}

/**
 * Whether a cell the whole-cell detectors found nothing in could still hold an identifier in
 * running text. Codes and numbers (`R000000001`, `DD2026112700123`, amounts, dates) are single
 * tokens the whole-cell detectors already judged; only text with words around a value needs
 * the free-text scan: eight characters or more with a Chinese character (U+3400–U+9FFF), an
 * `@`, or a separator and a run of seven digits. One pass over the value (it runs on every
 * such cell of a scan; the regular expressions it replaces are its specification in the test).
 */
export function isFreeText(value: string): boolean {
  const n = value.length;
  if (n < 8) return false;
  let at = false;
  let separated = false;
  let run = 0;
  let longRun = false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (++run >= DIGIT_RUN) longRun = true;
      continue;
    }
    run = 0;
    if (c >= 0x3400 && c <= 0x9fff) return true;
    if (c === 0x40) at = true;
    else if (isSeparator(c)) separated = true;
  }
  return at || (separated && longRun);
}

export function cellDetections(value: string, asOf: string): Detection[] {
  const found = detectCell(value, { asOf });
  if (found.length > 0 || !isFreeText(value)) return found;
  return findInText(value, { asOf });
}
