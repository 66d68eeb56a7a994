/**
 * Motor vehicle plates (机动车号牌, GA 36): a province abbreviation, the issuing authority's
 * letter and five characters; new-energy plates with six (D/F… first for small cars, last for
 * large ones); and four characters followed by 警, 学, 挂, 领, 港 or 澳.
 */
import { type Hit, isAsciiAlnumCode, isDigitCode } from './common';

/** The 31 province-level abbreviations a civil plate starts with. */
export const PROVINCE_ABBREVIATIONS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** An ordinary 7-character plate. */
export const PLATE_CONFIDENCE = 0.9;
/** An 8-character new-energy plate: the D/F position makes the shape more specific. */
export const NEW_ENERGY_PLATE_CONFIDENCE = 0.92;
/** A plate with a 警/学/挂/领/港/澳 suffix. */
export const SUFFIX_PLATE_CONFIDENCE = 0.85;

const SUFFIXES = '警学挂领港澳';
/** Police and consular vehicles belong to institutions, not to people. */
const INSTITUTIONAL_SUFFIXES = '警领';
/**
 * First character of the six on a small new-energy plate: D/A/B/C/E for battery-electric,
 * F/G/H/J/K for other new-energy cars (the letters after D and F came with the 2022 extension).
 */
const NEW_ENERGY_SMALL = 'DFABCEGHJK';
const NEW_ENERGY_LARGE = 'DF';

/** A letter that plates use (upper-case, no I or O). */
function isPlateLetter(code: number): boolean {
  return code >= 65 && code <= 90 && code !== 73 && code !== 79;
}

function isPlateChar(code: number): boolean {
  return isDigitCode(code) || isPlateLetter(code);
}

/**
 * Scores a candidate such as `浙A12345`, `浙A·12345`, `粤BD12345`, `沪A12345F` or `粤Z1234港`
 * as a vehicle plate. A middle dot or space after the authority letter is allowed.
 */
export function checkVehiclePlate(candidate: string): Hit | null {
  let s = candidate;
  if (s.length > 2) {
    const sep = s.charCodeAt(2);
    if (sep === 0xb7 || sep === 0x2022 || sep === 32 || sep === 0x30fb) s = s.slice(0, 2) + s.slice(3);
  }
  const n = s.length;
  if (n !== 7 && n !== 8) return null;
  if (!PROVINCE_ABBREVIATIONS.includes(s[0]!) || !isPlateLetter(s.charCodeAt(1))) return null;
  const last = s[n - 1]!;
  if (n === 7 && SUFFIXES.includes(last)) {
    for (let i = 2; i < 6; i++) if (!isPlateChar(s.charCodeAt(i))) return null;
    return { detector: 'vehicle-plate', confidence: SUFFIX_PLATE_CONFIDENCE, personal: !INSTITUTIONAL_SUFFIXES.includes(last) };
  }
  let digits = 0;
  for (let i = 2; i < n; i++) {
    const code = s.charCodeAt(i);
    if (!isPlateChar(code)) return null;
    if (isDigitCode(code)) digits++;
  }
  if (n === 7) {
    // Ordinary plates mix at most a few letters into the five; all letters is not a plate.
    return digits >= 2 ? { detector: 'vehicle-plate', confidence: PLATE_CONFIDENCE, personal: true } : null;
  }
  const six = s.slice(2);
  const small = NEW_ENERGY_SMALL.includes(six[0]!) && isPlateChar(six.charCodeAt(1)) && /^\d{4}$/.test(six.slice(2));
  const large = /^\d{5}$/.test(six.slice(0, 5)) && NEW_ENERGY_LARGE.includes(six[5]!);
  return small || large ? { detector: 'vehicle-plate', confidence: NEW_ENERGY_PLATE_CONFIDENCE, personal: true } : null;
}

const PLATE_IN_TEXT = new RegExp(`[${PROVINCE_ABBREVIATIONS}][A-HJ-NP-Z][·•・ ]?[A-HJ-NP-Z0-9]{4,6}[${SUFFIXES}]?`, 'g');

/** Finds vehicle plates in (width-folded) text; no ASCII letter or digit may follow. */
export function findVehiclePlates(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  PLATE_IN_TEXT.lastIndex = 0;
  for (let m = PLATE_IN_TEXT.exec(text); m !== null; m = PLATE_IN_TEXT.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    if (end < text.length && isAsciiAlnumCode(text.charCodeAt(end))) continue;
    let hit = checkVehiclePlate(m[0]);
    if (!hit && SUFFIXES.includes(text[end - 1]!)) {
      // `浙A12345学校`: the suffix-like character belongs to the next word.
      end -= 1;
      hit = checkVehiclePlate(text.slice(start, end));
    }
    if (hit) report(hit, start, end);
  }
}
