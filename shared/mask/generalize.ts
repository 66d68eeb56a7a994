/**
 * The `generalize:<how>` transforms the maskers know: age and birth-date bands, region codes and
 * Chinese addresses cut to a level, dates cut to year or month. Anything else is unknown, and
 * callers mask it fully.
 */
import { toAsciiDigits } from './chars';

/** The `<how>` values generalizeValue understands; `age-<N>y` takes any band width N of 1–100. */
export const GENERALIZE_METHODS = ['age-<N>y', 'region-province', 'region-city', 'region-county', 'year', 'month'] as const;

/** Address levels, coarse to fine. */
export type AddressLevel = 'province' | 'city' | 'district';

/**
 * The value generalized by `how`, the value itself when it is already at least that coarse (a
 * band `30-34` under `age-5y`, `330100` under `region-city`), or null when `how` is unknown or
 * the value cannot be generalized that way (callers then mask it fully).
 */
export function generalizeValue(value: string, how: string): string | null {
  const text = toAsciiDigits(value.trim());
  if (text === '') return '';
  const age = /^age-(\d{1,3})y$/.exec(how);
  if (age) {
    const width = Number(age[1]);
    return width >= 1 && width <= 100 ? ageBand(text, value, width) : null;
  }
  switch (how) {
    case 'region-province':
      return region(text, value, 'province');
    case 'region-city':
      return region(text, value, 'city');
    case 'region-county':
      return region(text, value, 'district');
    case 'year': {
      const date = parseDateParts(text);
      return date ? String(date.year) : null;
    }
    case 'month': {
      const date = parseDateParts(text);
      if (!date) return null;
      if (date.month === undefined) return String(date.year);
      return `${date.year}-${String(date.month).padStart(2, '0')}`;
    }
    default:
      return null;
  }
}

function ageBand(text: string, original: string, width: number): string | null {
  // Already a band: kept when at least as wide as required, re-banded from its start otherwise.
  const band = /^(\d{1,4})\s*(?:-|–|—|~|～|至|到)\s*(\d{1,4})\s*岁?$/.exec(text);
  if (band) {
    const lo = Number(band[1]);
    const hi = Number(band[2]);
    if (lo <= hi && hi - lo + 1 >= width) return original.trim();
    return bandOf(lo, width);
  }
  // Open-ended bands (`80+`, `80岁以上`, `≥80`, `<18`) say no more than a band does.
  if (/^\d{1,3}\s*(?:\+|岁?及?以[上下])$/.test(text) || /^(?:≥|>=|>|≤|<=|<)\s*\d{1,3}\s*岁?$/.test(text)) return original.trim();
  const years = /^(\d{1,3})(?:\.\d+)?\s*(?:岁|周岁)?$/.exec(text);
  if (years) {
    const n = Number(years[1]);
    return n <= 150 ? bandOf(n, width) : null;
  }
  const date = parseDateParts(text);
  // A birth date or year: the band of birth years (`1990-1994`), which needs no reference date.
  return date ? bandOf(date.year, width) : null;
}

function bandOf(n: number, width: number): string {
  const lo = Math.floor(n / width) * width;
  return width === 1 ? String(lo) : `${lo}-${lo + width - 1}`;
}

function region(text: string, original: string, level: AddressLevel): string | null {
  const code = /^(\d{6})(?:\d{3}|\d{6})?$/.exec(text);
  if (code) {
    const six = code[1]!;
    if (level === 'province') return `${six.slice(0, 2)}0000`;
    if (level === 'city') return `${six.slice(0, 4)}00`;
    return six;
  }
  return cutAddress(original.trim(), level);
}

const PROVINCE = /^[\u4e00-\u9fff]{2,9}?(?:省|自治区|特别行政区)/;
const MUNICIPALITY = /^(?:北京|天津|上海|重庆)市?/;
const CITY = /^[\u4e00-\u9fff]{1,9}?(?:市|自治州|地区|盟)/;
const DISTRICT = /^[\u4e00-\u9fff]{1,9}?(?:区|县|旗|市)/;

/**
 * A Chinese address cut after the given level (`浙江省杭州市西湖区文三路90号` → `浙江省杭州市`
 * for `city`). When the address stops naming levels earlier it is cut at the finest level it
 * names; null when it names none (or does not look like an address).
 */
export function cutAddress(address: string, level: AddressLevel): string | null {
  let provinceEnd: number;
  let cityEnd: number;
  const municipality = MUNICIPALITY.exec(address);
  if (municipality) {
    // 北京市 is a province and a city at once.
    provinceEnd = cityEnd = municipality[0].length;
  } else {
    provinceEnd = PROVINCE.exec(address)?.[0].length ?? 0;
    const city = CITY.exec(address.slice(provinceEnd));
    cityEnd = city ? provinceEnd + city[0].length : 0;
  }
  const districtFrom = Math.max(provinceEnd, cityEnd);
  const district = DISTRICT.exec(address.slice(districtFrom));
  const districtEnd = district ? districtFrom + district[0].length : 0;
  const ends = level === 'province' ? [provinceEnd] : level === 'city' ? [cityEnd, provinceEnd] : [districtEnd, cityEnd, provinceEnd];
  const end = ends.find((e) => e > 0);
  return end === undefined ? null : address.slice(0, end);
}

/** Year, month and day of a date written `YYYY-MM-DD`, `YYYY/M/D`, `YYYYMMDD`, `YYYY年M月D日`, `YYYY-MM` or `YYYY`. */
export function parseDateParts(text: string): { year: number; month?: number; day?: number } | null {
  const s = toAsciiDigits(text.trim());
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), undefined);
  m = /^(\d{4})年?$/.exec(s);
  if (m) return checked(Number(m[1]), undefined, undefined);
  return null;
}

function checked(year: number, month: number | undefined, day: number | undefined): { year: number; month?: number; day?: number } | null {
  if (year < 1800 || year > 2200) return null;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > 31)) return null;
  if (month === undefined) return { year };
  if (day === undefined) return { year, month };
  return { year, month, day };
}
