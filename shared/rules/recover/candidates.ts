/**
 * What a row gives away about the input of its digest: the candidate inputs the reversibility
 * test hashes, built from the other cells of the same row. A masked mobile `138****5678` leaves
 * 10⁴ numbers, written in the usual forms (`+86`, `0086`, 3-4-4 groups…); a resident ID whose
 * region and birth date are known (from a masked ID such as `330106********1234`, or from a
 * region-code and a birth-date column) leaves 10³ sequence numbers with the check character
 * computed by GB 11643 MOD 11-2 — or, with the check character shown, every real birth date that
 * fits it. A space is plain data (bytes and counts), so it can be enumerated fast.
 */
import { foldWidth } from '../../detect/detectors/common';
import { isMobileSegment } from '../../detect/detectors/mobile';
import { PROVINCE_CODES } from '../../ids/resident-id';

/** What a context column holds, as far as the test is concerned. */
export type ContextRole = 'mobile' | 'resident-id' | 'region' | 'birth-date';

/** A column of the row the test reads besides the digest. */
export type ContextColumn = { name: string; role: ContextRole };

/** What a recovered input is: the detector whose masked form shows it in evidence. */
export type InputKind = 'cn-mobile' | 'cn-resident-id';

/** Unknown characters of a candidate filled together: their byte positions and every value they take. */
export type Segment = {
  positions: readonly number[];
  /** `count` values of `positions.length` ASCII codes each, in enumeration order. */
  values: Uint8Array;
  count: number;
  /** Per value, Σ digit × GB 11643 weight over its positions, mod 11 (resident IDs); null otherwise. */
  checkSums: Uint8Array | null;
};

/** The GB 11643 check character of a resident ID candidate: filtered on when known, else computed. */
export type CheckDigit = {
  /** Σ digit × weight over the positions no segment fills, mod 11. */
  base: number;
  /** The index in `CHECK_CHARS` the shown check character has (only candidates with it are hashed), or -1: compute and write it. */
  expected: number;
  /** Where the check character is written when computed. */
  position: number;
};

export type CandidateSpace = {
  kind: InputKind;
  /** How the input is written (a key of MOBILE_FORMS or RESIDENT_ID_FORMS). */
  form: string;
  /** Indexes of the context columns the space was built from. */
  columns: readonly number[];
  /** What the row shows of the input, as 11 national digits or 18 ID characters with `?` for each unknown one. */
  pattern: string;
  /** The candidate bytes (ASCII), unknown positions holding a placeholder. */
  template: Uint8Array;
  segments: readonly Segment[];
  check: CheckDigit | null;
  /** Candidates enumerated (the product of the segments' counts). */
  size: number;
};

/** GB 11643 MOD 11-2: the check character for each value of Σ digit × weight mod 11 (as shared/ids computes it). */
export const CHECK_CHARS = '10X98765432';
/** Weight of position i of the first 17 digits: 2^(17−i) mod 11. */
export const ID_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);

/** At most this many masked digits of a mobile number are enumerated (10⁵ numbers per form). */
export const MAX_MOBILE_UNKNOWN = 5;
/** A space enumerating more candidates than this is not searched (it would take too long per row). */
export const MAX_SPACE_SIZE = 1_000_000;
/** …nor one hashing more than this many (a known check character skips 10 of 11 before hashing). */
export const MAX_SPACE_HASHES = 200_000;
/** Birth dates from this year are enumerated when a resident ID's birth date is masked. */
export const FIRST_BIRTH_YEAR = 1900;
/** At most this many resident-ID patterns (combinations of the row's ID, region and date cells) per row. */
const MAX_ID_PATTERNS = 6;

/** The forms a mobile number is hashed in, most common first; `render` turns the 11 digits into the input. */
export const MOBILE_FORMS: readonly { form: string; render: (national: string) => string }[] = [
  { form: 'plain', render: (n) => n },
  { form: '+86', render: (n) => `+86${n}` },
  { form: '86', render: (n) => `86${n}` },
  { form: '0086', render: (n) => `0086${n}` },
  { form: '+86 space', render: (n) => `+86 ${n}` },
  { form: '3-4-4 spaces', render: (n) => `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}` },
  { form: '3-4-4 hyphens', render: (n) => `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}` },
];

/** The forms a resident ID is hashed in: as issued (upper-case X), and with a lower-case x. */
export const RESIDENT_ID_FORMS: readonly { form: string; render: (id: string) => string }[] = [
  { form: 'plain', render: (id) => id },
  { form: 'lower-x', render: (id) => id.replace(/X$/, 'x') },
];

const DIGIT_CODE = 48;
const MASK_CHARS = new Set(['*', '×', '#', '●', '•']);

/** True for a character that masks a digit (`＊` is folded to `*` first). */
function isMask(ch: string): boolean {
  return MASK_CHARS.has(ch);
}

/**
 * The 11 national digits of a mobile-number cell with `?` for each masked digit
 * (`138****5678` → `138????5678`; `+86 138 1234 5678` → `13812345678`), or null when the cell
 * is not a mobile number in clear or masked, or masks more than MAX_MOBILE_UNKNOWN digits.
 */
export function mobilePattern(cell: string): string | null {
  let text = foldWidth(cell).trim().replace(/[\s()-]/g, '');
  if (text.startsWith('+86')) text = text.slice(3);
  else if (text.startsWith('0086') && text.length === 15) text = text.slice(4);
  else if (text.startsWith('86') && text.length === 13) text = text.slice(2);
  if (text.length !== 11) return null;
  let pattern = '';
  let unknown = 0;
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') pattern += ch;
    else if (isMask(ch)) {
      pattern += '?';
      unknown++;
    } else return null;
  }
  if (unknown > MAX_MOBILE_UNKNOWN) return null;
  if (pattern[0] !== '1' && pattern[0] !== '?') return null;
  // A clear head must be an allocated segment (the rest of the digits do not matter to that).
  const head = pattern.slice(0, 3);
  if (!head.includes('?') && !isMobileSegment(`${head}00000000`)) return null;
  return pattern;
}

/**
 * The 18 characters of a resident-ID cell with `?` for each masked character and an upper-case
 * `X` (`330106********123x` → `330106????????123X`), or null when it is not an 18-character ID
 * in clear or masked, or its clear head is not a province.
 */
export function residentIdPattern(cell: string): string | null {
  const text = foldWidth(cell).trim();
  if (text.length !== 18) return null;
  let pattern = '';
  for (let i = 0; i < 18; i++) {
    const ch = text[i]!;
    if (ch >= '0' && ch <= '9') pattern += ch;
    else if (isMask(ch)) pattern += '?';
    else if (i === 17 && (ch === 'X' || ch === 'x')) pattern += 'X';
    else return null;
  }
  if (pattern[0] !== '?' && pattern[1] !== '?' && !PROVINCE_CODES.has(pattern.slice(0, 2))) return null;
  return pattern;
}

/** `330106` as the region part of an ID pattern, or null unless it is 6 digits starting with a province. */
export function regionPattern(cell: string): string | null {
  const text = foldWidth(cell).trim();
  if (!/^\d{6}$/.test(text) || !PROVINCE_CODES.has(text.slice(0, 2))) return null;
  return `${text}${'?'.repeat(12)}`;
}

const DATE_FORMS = [/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: .*)?$/, /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, /^(\d{4})(\d{2})(\d{2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/];

/**
 * A birth-date cell (`1990-01-05`, `1990/1/5`, `19900105`, `1990年1月5日`, an ISO date-time) as the
 * date part of an ID pattern, or null unless it is a real date from FIRST_BIRTH_YEAR up to `asOf`.
 */
export function birthDatePattern(cell: string, asOf: string): string | null {
  const text = foldWidth(cell).trim();
  for (const form of DATE_FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < FIRST_BIRTH_YEAR) return null;
    const ymd = `${m[1]}${String(mo).padStart(2, '0')}${String(d).padStart(2, '0')}`;
    if (`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}` > asOf) return null;
    return `??????${ymd}????`;
  }
  return null;
}

/** Two patterns of one length merged (`?` takes the other's character), or null when they disagree. */
function overlay(a: string, b: string): string | null {
  let out = '';
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === '?') out += y;
    else if (y === '?' || x === y) out += x;
    else return null;
  }
  return out;
}

/**
 * The candidate spaces of one row, cheapest first within each kind: every form of each mobile
 * cell, and every form of each resident-ID pattern the row's ID, region and birth-date cells
 * make. Spaces too large to search per row (see MAX_SPACE_SIZE, MAX_SPACE_HASHES) are left out.
 */
export function candidateSpaces(columns: readonly ContextColumn[], cells: readonly string[], asOf: string): CandidateSpace[] {
  const spaces: CandidateSpace[] = [];
  const seen = new Set<string>();
  const mobiles = new Map<string, number[]>();
  const ids: { pattern: string; columns: number[] }[] = [];
  const regions: { pattern: string; column: number }[] = [];
  const dates: { pattern: string; column: number }[] = [];
  columns.forEach((column, index) => {
    const cell = cells[index];
    if (cell === undefined || cell.trim() === '') return;
    switch (column.role) {
      case 'mobile': {
        const pattern = mobilePattern(cell);
        if (pattern) mobiles.set(pattern, [...(mobiles.get(pattern) ?? []), index]);
        break;
      }
      case 'resident-id': {
        const pattern = residentIdPattern(cell);
        if (pattern) ids.push({ pattern, columns: [index] });
        break;
      }
      case 'region': {
        const pattern = regionPattern(cell);
        if (pattern) regions.push({ pattern, column: index });
        break;
      }
      case 'birth-date': {
        const pattern = birthDatePattern(cell, asOf);
        if (pattern) dates.push({ pattern, column: index });
        break;
      }
    }
  });
  for (const [pattern, from] of mobiles) {
    for (const { form, render } of MOBILE_FORMS) {
      const space = buildSpace('cn-mobile', form, from, pattern, render(pattern), mobileSegments(render(pattern), pattern), null);
      if (space) push(space);
    }
  }
  for (const { pattern, columns: from } of idPatterns(ids, regions, dates)) {
    for (const { form, render } of RESIDENT_ID_FORMS) {
      if (form === 'lower-x' && pattern[17] !== 'X' && pattern[17] !== '?') continue;
      const space = residentIdSpace(form, from, pattern, render, asOf);
      if (space) push(space);
    }
  }
  return spaces;

  function push(space: CandidateSpace): void {
    const key = `${space.kind}\u0000${space.form}\u0000${String.fromCharCode(...space.template)}\u0000${space.check?.expected ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    spaces.push(space);
  }
}

/** The resident-ID patterns of a row: each ID cell, and each with a region and/or birth date laid over it, most specific first. */
function idPatterns(
  ids: readonly { pattern: string; columns: number[] }[],
  regions: readonly { pattern: string; column: number }[],
  dates: readonly { pattern: string; column: number }[],
): { pattern: string; columns: number[] }[] {
  const bases = [...ids];
  if (regions.length > 0 || dates.length > 0) bases.push({ pattern: '?'.repeat(18), columns: [] });
  const out = new Map<string, number[]>();
  for (const base of bases) {
    for (const region of [null, ...regions]) {
      for (const date of [null, ...dates]) {
        let pattern: string | null = base.pattern;
        const from = [...base.columns];
        if (region) {
          pattern = overlay(pattern, region.pattern);
          from.push(region.column);
        }
        if (pattern && date) {
          pattern = overlay(pattern, date.pattern);
          from.push(date.column);
        }
        if (pattern && !out.has(pattern)) out.set(pattern, from);
      }
    }
  }
  return [...out]
    .map(([pattern, columns]) => ({ pattern, columns }))
    .sort((a, b) => unknownAt(a.pattern).length - unknownAt(b.pattern).length)
    .slice(0, MAX_ID_PATTERNS);
}

/** The segment of a rendered mobile pattern: the `?` positions, filled with every allowed digit string. */
function mobileSegments(rendered: string, national: string): Segment[] {
  const positions = unknownAt(rendered);
  if (positions.length === 0) return [];
  const unknown = unknownAt(national);
  // Digits 2 and 3 decide the segment: when one of them is masked, only allocated segments are kept.
  const headMasked = unknown.some((i) => i < 3);
  const key = `mobile|${positions.join(',')}|${unknown.join(',')}|${headMasked ? national.slice(0, 3) : ''}`;
  return [
    cachedSegment(key, () => {
      const all = digitStrings(unknown.length);
      return segmentOf(positions, headMasked ? all.filter((v) => isMobileSegment(fill(national, unknown, v))) : all, null);
    }),
  ];
}

/** A resident-ID space for one pattern and form, or null when it is too large to search per row. */
function residentIdSpace(form: string, columns: readonly number[], pattern: string, render: (id: string) => string, asOf: string): CandidateSpace | null {
  const regionUnknown = [0, 1, 2, 3, 4, 5].filter((i) => pattern[i] === '?');
  const dateUnknown = [6, 7, 8, 9, 10, 11, 12, 13].filter((i) => pattern[i] === '?');
  const sequenceUnknown = [14, 15, 16].filter((i) => pattern[i] === '?');
  const shown = pattern[17]!;
  const lower = form === 'lower-x';
  // A lower-case x is only a different input when the check character is X (index 2).
  const expected = lower ? 2 : shown === '?' ? -1 : CHECK_CHARS.indexOf(shown);
  // Sized before anything is built: most rows offer a pattern too wide to search (a region alone).
  if (regionUnknown.length > 3) return null;
  const dates = dateUnknown.length > 0 ? datesMatching(pattern.slice(6, 14), asOf) : null;
  const size = 10 ** regionUnknown.length * (dates?.length ?? 1) * 10 ** sequenceUnknown.length;
  if (size === 0 || size > MAX_SPACE_SIZE || (expected >= 0 ? size / 11 : size) > MAX_SPACE_HASHES) return null;

  const segments: Segment[] = [];
  if (regionUnknown.length > 0) {
    const key = `region|${pattern.slice(0, 6)}`;
    segments.push(
      cachedSegment(key, () => {
        const values = digitStrings(regionUnknown.length).filter((v) => PROVINCE_CODES.has(fill(pattern, regionUnknown, v).slice(0, 2)));
        return segmentOf(regionUnknown, values, ID_WEIGHTS);
      }),
    );
  }
  if (dates) {
    const key = `date|${asOf}|${pattern.slice(6, 14)}`;
    segments.push(cachedSegment(key, () => segmentOf(dateUnknown, dates.map((ymd) => dateUnknown.map((i) => ymd[i - 6]).join('')), ID_WEIGHTS)));
  }
  if (sequenceUnknown.length > 0) {
    segments.push(cachedSegment(`sequence|${sequenceUnknown.join(',')}`, () => segmentOf(sequenceUnknown, digitStrings(sequenceUnknown.length), ID_WEIGHTS)));
  }
  const filled = new Set(segments.flatMap((s) => s.positions));
  let base = 0;
  for (let i = 0; i < 17; i++) if (!filled.has(i)) base += (pattern.charCodeAt(i) - DIGIT_CODE) * ID_WEIGHTS[i]!;
  const template = render(pattern.replace(/\?$/, lower ? 'x' : '0'));
  return buildSpace('cn-resident-id', form, columns, pattern, template, segments, { base: base % 11, expected, position: 17 });
}

/** Segments are immutable: rows with the same pattern share one (a sample repeats a few patterns). */
const SEGMENTS = new Map<string, Segment>();

function cachedSegment(key: string, make: () => Segment): Segment {
  let segment = SEGMENTS.get(key);
  if (!segment) {
    if (SEGMENTS.size >= 256) SEGMENTS.clear();
    segment = make();
    SEGMENTS.set(key, segment);
  }
  return segment;
}

/** Real dates `YYYYMMDD` from FIRST_BIRTH_YEAR to `asOf` that agree with the known digits of `pattern` (8 characters, `?` unknown). */
function datesMatching(pattern: string, asOf: string): string[] {
  const key = `${asOf}|${pattern}`;
  let found = DATES.get(key);
  if (!found) {
    found = allDates(asOf).filter((ymd) => {
      for (let i = 0; i < 8; i++) if (pattern[i] !== '?' && pattern[i] !== ymd[i]) return false;
      return true;
    });
    if (DATES.size > 64) DATES.clear();
    DATES.set(key, found);
  }
  return found;
}

const DATES = new Map<string, string[]>();
const ALL_DATES = new Map<string, string[]>();

function allDates(asOf: string): string[] {
  let dates = ALL_DATES.get(asOf);
  if (!dates) {
    dates = [];
    const end = Date.parse(`${asOf}T00:00:00Z`);
    for (let t = Date.UTC(FIRST_BIRTH_YEAR, 0, 1); t <= end; t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10).replace(/-/g, ''));
    ALL_DATES.clear();
    ALL_DATES.set(asOf, dates);
  }
  return dates;
}

/** Every string of `n` digits, in increasing order. */
function digitStrings(n: number): string[] {
  return Array.from({ length: 10 ** n }, (_, i) => String(i).padStart(n, '0'));
}

/** The positions of `?` in a pattern (patterns are ASCII: one character per code unit). */
function unknownAt(pattern: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < pattern.length; i++) if (pattern[i] === '?') out.push(i);
  return out;
}

/** `pattern` with the characters at `positions` replaced by those of `value`. */
function fill(pattern: string, positions: readonly number[], value: string): string {
  let out = '';
  for (let i = 0, j = 0; i < pattern.length; i++) out += positions[j] === i ? value[j++]! : pattern[i]!;
  return out;
}

function segmentOf(positions: readonly number[], values: readonly string[], weights: readonly number[] | null): Segment {
  const width = positions.length;
  const bytes = new Uint8Array(values.length * width);
  const sums = weights ? new Uint8Array(values.length) : null;
  values.forEach((value, v) => {
    let sum = 0;
    for (let j = 0; j < width; j++) {
      const code = value.charCodeAt(j);
      bytes[v * width + j] = code;
      if (weights) sum += (code - DIGIT_CODE) * weights[positions[j]!]!;
    }
    if (sums) sums[v] = sum % 11;
  });
  return { positions, values: bytes, count: values.length, checkSums: sums };
}

/** A space from a rendered template (`?` where a segment writes), or null when it is too large. */
function buildSpace(
  kind: InputKind,
  form: string,
  columns: readonly number[],
  pattern: string,
  rendered: string,
  segments: readonly Segment[],
  check: CheckDigit | null,
): CandidateSpace | null {
  const size = segments.reduce((n, s) => n * s.count, 1);
  const hashes = check && check.expected >= 0 ? size / 11 : size;
  if (size === 0 || size > MAX_SPACE_SIZE || hashes > MAX_SPACE_HASHES) return null;
  const template = new Uint8Array(rendered.length);
  for (let i = 0; i < rendered.length; i++) template[i] = rendered[i] === '?' ? DIGIT_CODE : rendered.charCodeAt(i);
  return { kind, form, columns, pattern, template, segments, check, size };
}
