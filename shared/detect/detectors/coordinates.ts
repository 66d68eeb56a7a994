/**
 * Precise coordinates: latitude/longitude with at least four decimals (about 11 m) inside
 * China's extent (latitude 3–54, longitude 73–136). A pair in either order is strong
 * evidence; a lone number is only weak evidence — a column name has to say the rest.
 */
import { type Hit, hasContextBefore, isDigitCode } from './common';

/** A lat/lon (or lon/lat) pair, both with ≥ 4 decimals, in range. */
export const COORDINATE_PAIR_CONFIDENCE = 0.9;
/** A single number with ≥ 4 decimals in the latitude or longitude range (a table cell). */
export const LONE_COORDINATE_CONFIDENCE = 0.25;
/** A single such number in free text right after a label such as 纬度, lat or lng. */
export const LABELLED_COORDINATE_CONFIDENCE = 0.8;
/** Fewer decimals than this is coarse (≥ 110 m): not a precise location. */
export const MIN_DECIMALS = 4;

const LAT_MIN = 3;
const LAT_MAX = 54;
const LON_MIN = 73;
const LON_MAX = 136;

/**
 * The value and the number of decimals of an unsigned decimal such as `30.274084`, or null
 * when it is not 1–3 digits, a point and 1–15 digits.
 */
export function parseDecimal(s: string): { value: number; decimals: number } | null {
  const dot = s.indexOf('.');
  if (dot < 1 || dot > 3 || s.length - dot - 1 < 1 || s.length - dot - 1 > 15) return null;
  for (let i = 0; i < s.length; i++) if (i !== dot && !isDigitCode(s.charCodeAt(i))) return null;
  return { value: Number(s), decimals: s.length - dot - 1 };
}

function isLat(v: number): boolean {
  return v >= LAT_MIN && v <= LAT_MAX;
}

function isLon(v: number): boolean {
  return v >= LON_MIN && v <= LON_MAX;
}

/** Scores two numbers (as written) as a precise coordinate pair in either order, or null. */
export function checkCoordinatePair(first: string, second: string): Hit | null {
  const a = parseDecimal(first);
  const b = parseDecimal(second);
  if (!a || !b || a.decimals < MIN_DECIMALS || b.decimals < MIN_DECIMALS) return null;
  if ((isLat(a.value) && isLon(b.value)) || (isLon(a.value) && isLat(b.value))) {
    return { detector: 'coordinates', confidence: COORDINATE_PAIR_CONFIDENCE, personal: true };
  }
  return null;
}

/** Scores one number as a possible latitude or longitude (low confidence), or null. */
export function checkLoneCoordinate(value: string): Hit | null {
  // Too few decimals for a precise coordinate (an amount, `54.32`): no need to parse it.
  const dot = value.indexOf('.');
  if (dot === -1 || value.length - dot - 1 < MIN_DECIMALS) return null;
  const a = parseDecimal(value);
  if (!a || a.decimals < MIN_DECIMALS || !(isLat(a.value) || isLon(a.value))) return null;
  return { detector: 'coordinates', confidence: LONE_COORDINATE_CONFIDENCE, personal: true };
}

/**
 * Scores a whole cell holding a pair — `30.274084,120.155070`, `(30.2741, 120.1551)`,
 * `120.1551 30.2741`, `POINT(120.1551 30.2741)` — or a lone number, or null.
 */
export function checkCoordinates(value: string): Hit | null {
  // A pair has two decimal points: an amount (`7549.96`) skips the pattern, the costlier part.
  const dot = value.indexOf('.');
  if (dot !== -1 && value.indexOf('.', dot + 1) !== -1) {
    const pair = CELL_PAIR.exec(value);
    if (pair) return checkCoordinatePair(pair[1]!, pair[2]!);
  }
  return checkLoneCoordinate(value);
}

const CELL_PAIR = /^(?:POINT ?)?\(?[ ]{0,3}(\d{1,3}\.\d{1,15})[ ]{0,3}(?:[,;，；/][ ]{0,3}|[ ]{1,3})(\d{1,3}\.\d{1,15})[ ]{0,3}\)?$/i;
const PAIR_IN_TEXT = /(?<![0-9A-Za-z.-])(\d{1,3}\.\d{4,15})[ \t]{0,3}(?:[,;，；/][ \t]{0,3}|[ \t]{1,3})(\d{1,3}\.\d{4,15})(?![0-9A-Za-z]|\.\d)/g;
const LONE_IN_TEXT = /(?<![0-9A-Za-z.-])\d{1,3}\.\d{4,15}(?![0-9A-Za-z]|\.\d)/g;
/** Latin labels carry their punctuation so that `translate` or `along` do not count. */
const COORDINATE_LABELS = [
  '纬度', '经度', '坐标', '定位', '位置', 'latitude', 'longitude', 'lng', 'coord', 'geo',
  'lat"', "lat'", 'lat:', 'lat=', 'lon"', "lon'", 'lon:', 'lon=',
] as const;

/**
 * Finds coordinate pairs in (width-folded) text, and single numbers that a coordinate label
 * (纬度, 经度, lat, lng…) precedes within a few characters, as in JSON `"lat": 30.2741`.
 */
export function findCoordinates(text: string, report: (hit: Hit, start: number, end: number) => void): void {
  PAIR_IN_TEXT.lastIndex = 0;
  for (let m = PAIR_IN_TEXT.exec(text); m !== null; m = PAIR_IN_TEXT.exec(text)) {
    const hit = checkCoordinatePair(m[1]!, m[2]!);
    if (!hit) {
      // Let the second number start the next pair: `12.3456, 30.2741, 120.1551`.
      PAIR_IN_TEXT.lastIndex = m.index + m[0].length - m[2]!.length;
      continue;
    }
    report(hit, m.index, m.index + m[0].length);
  }
  LONE_IN_TEXT.lastIndex = 0;
  for (let m = LONE_IN_TEXT.exec(text); m !== null; m = LONE_IN_TEXT.exec(text)) {
    if (!checkLoneCoordinate(m[0]) || !hasContextBefore(text, m.index, COORDINATE_LABELS, 14)) continue;
    report({ detector: 'coordinates', confidence: LABELLED_COORDINATE_CONFIDENCE, personal: true }, m.index, m.index + m[0].length);
  }
}
