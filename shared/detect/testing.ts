/**
 * Deterministic generators of identifiers for the detectors' tests and benchmark: a seeded
 * random source and valid (or deliberately broken) mobile numbers, landlines, bank cards,
 * resident IDs, credit codes and filler values. Not used by the detectors themselves.
 */
import { makeResidentId } from '../ids/resident-id';
import { USCC_ALPHABET, makeUscc } from '../ids/uscc';
import { luhnCheckDigit } from './detectors/bank-card';

/** A small seeded generator (mulberry32): the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

/** An integer in [min, max]. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** `count` random decimal digits. */
export function randomDigits(random: Random, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += String(Math.floor(random() * 10));
  return s;
}

/** Allocated mobile segments (three digits) used by the generators. */
export const MOBILE_SEGMENTS = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '149', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '162', '165', '166', '167', '170', '171', '172', '173', '175', '176', '177', '178', '180', '181',
  '182', '183', '184', '185', '186', '187', '188', '189', '190', '191', '192', '193', '195', '196', '197', '198', '199',
] as const;

/** A mobile number in an allocated segment, 11 digits. */
export function makeMobile(random: Random): string {
  return pick(random, MOBILE_SEGMENTS) + randomDigits(random, 8);
}

/** Area codes with the subscriber number lengths libphonenumber-js accepts for them. */
const AREA_CODES: readonly { code: string; digits: number }[] = [
  { code: '10', digits: 8 },
  { code: '21', digits: 8 },
  { code: '20', digits: 8 },
  { code: '571', digits: 8 },
  { code: '755', digits: 8 },
  { code: '25', digits: 8 },
  { code: '574', digits: 8 },
  { code: '898', digits: 8 },
];

/** A landline written `0<area>-<subscriber>`, subscriber starting 2–8 (ordinary numbers). */
export function makeLandline(random: Random): string {
  const area = pick(random, AREA_CODES);
  return `0${area.code}-${String(randomInt(random, 2, 8))}${randomDigits(random, area.digits - 1)}`;
}

/** A bank card with a valid Luhn digit: `prefix` followed by random digits up to `length`. */
export function makeBankCard(random: Random, prefix = '622202', length = 19): string {
  const body = prefix + randomDigits(random, length - 1 - prefix.length);
  return body + luhnCheckDigit(body);
}

/** Regions (6 digits) used for generated resident IDs. */
export const ID_REGIONS = ['110101', '310104', '330106', '330281', '440305', '510107', '420106', '650102', '230103', '370202'] as const;

/** A valid 18-digit resident ID born 1940–2005. */
export function makeRandomResidentId(random: Random): string {
  const year = randomInt(random, 1940, 2005);
  const month = randomInt(random, 1, 12);
  const day = randomInt(random, 1, 28);
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return makeResidentId({ region: pick(random, ID_REGIONS), birthDate, sequence: randomInt(random, 0, 999) });
}

/** The same number with one digit among the first 17 changed: the check digit no longer fits. */
export function breakCheckDigit(id: string, random: Random): string {
  const position = randomInt(random, 14, 16); // the sequence code: region and date stay real
  const digit = (Number(id[position]) + randomInt(random, 1, 9)) % 10;
  return id.slice(0, position) + String(digit) + id.slice(position + 1);
}

/** A valid unified social credit code of an enterprise (`91…`) or a sole trader (`92…`). */
export function makeRandomUscc(random: Random, soleTrader = false): string {
  let org = '';
  for (let i = 0; i < 8; i++) org += pick(random, USCC_ALPHABET.replace(/[IOSVZ]/g, '').split(''));
  return makeUscc({ registrationDept: '9', orgType: soleTrader ? '2' : '1', region: pick(random, ID_REGIONS), orgCode: org });
}

/** Values that match no detector: short words, counts, amounts, dates, codes, categories. */
export const NON_MATCHING_CELLS = [
  '男', '女', '是', '否', 'A', 'B+', '12', '305', '0', '1.5', '99.95', '2026-11-27', '2026/11/27', '10:30', 'true', 'false', 'N/A',
  'hello', 'pending', 'approved', '一般', '普通', '高', '中', '低', '汽车制造业', '金融业', 'SC-FIN-CREDIT', 'v1.2.3', '3.14', '-12.5',
  '1,234', '45%', 'Q3', 'OK', 'ZJ-SCJG-0012', '330000', '2026',
] as const;
