/**
 * The streaming column profiler the scanner runs per column (in worker threads, over millions
 * of rows): constant memory per column apart from capped row lists, and a cheap `add`. It keeps
 * counts, a distinct-count sketch and row numbers — never a value.
 */
import type { z } from 'zod';
import type { Detection, DetectorId, DigestShape, MaskShape } from '../detect/types';
import type { Field } from '../formats/candidate';
import { codePointLength, maskShapeOf, toAsciiDigits } from '../mask/chars';
import { isPlainNumber } from '../mask/plain-number';
import { plainNumberValue } from './number-value';
import { tryParseTransform } from '../mask/transform';
import { ColumnProfile, MAX_LISTED_ROWS } from './column-profile';
import { murmur3 } from './hash';
import { createHyperLogLog } from './hyperloglog';
import { precisionLossKind } from './precision-loss';
import { createValuePass, passValue, sameMaskedShape, type ValuePass } from './value-pass';
import { ValueMemo } from './value-memo';

export type FieldDeclaration = z.output<typeof Field>;

export type ColumnProfilerOptions = {
  /** Row numbers listed per statistic: 0–100 (default 100, FORMATS.md §3's limit). */
  rowSampleCap?: number;
  /** The column name when there is no field declaration (an undeclared column). */
  name?: string;
  /** The detectors `addValue` runs on values it has not seen recently. */
  detect?: CellDetector;
  /**
   * `detect` classifies a wholly masked value (`197****6530`, `330148********5449`) by its first
   * two characters and the character classes of the rest alone — true of shared/detect's
   * `detectCell` (see `checkMasked`). Then the facts of one masked value serve every value of
   * the same shape in a column of unique values; only the distinct-count hash differs.
   */
  maskedByShape?: boolean;
  /**
   * `detect` finds nothing in a short decimal (`isShortDecimal`: `0`, `7549.96`) — true of the
   * scan's cell detections, whose tests hold them to it. Then such a value's facts are known
   * without running the detectors: a column of amounts is a million of them, all different.
   */
  shortDecimalsUndetected?: boolean;
};

export type ColumnProfiler = {
  /**
   * Adds one cell: its 1-based data row, its value (null for a missing cell) and what the
   * detectors found in it.
   */
  add(rowNumber: number, value: string | null, detections: readonly Detection[]): void;
  /**
   * Adds one cell, running `detect` (given at creation) only for values the profiler has not
   * seen recently: a column of districts or dates repeats a few hundred values a million times.
   */
  addValue(rowNumber: number, value: string | null): void;
  /** What the profiler has counted so far, to merge into another profiler of the same column. */
  state(): ColumnProfilerState;
  /**
   * Adds what another profiler of the same column counted over the rows that follow this
   * one's: its row numbers are shifted by `rowOffset` (the rows before its part of the table).
   */
  absorb(other: ColumnProfilerState, rowOffset: number): void;
  /** The profile of the cells added so far (the profiler can go on afterwards). */
  finish(): ColumnProfile;
};

/** Detects the identifiers in one non-blank cell value (credible detections only). */
export type CellDetector = (value: string) => readonly Detection[];

type FormCount = { head: number; tail: number; maskChar: string; length: number; original: DetectorId | null; count: number };
type DetectorCount = { count: number; personal: boolean; rows: number[] };

/**
 * The counts of a profiler, structured-cloneable (a scan worker posts it to the thread that
 * merges the parts of a table). Row numbers are relative to the profiler's own first row.
 */
export type ColumnProfilerState = {
  rows: number;
  nulls: number;
  hll: Uint8Array;
  minLength: number;
  maxLength: number;
  detectors: [DetectorId, DetectorCount][];
  forms: [string, FormCount][];
  otherMaskForms: number;
  formKinds: string[];
  digestCells: number;
  digestShapes: [string, { shape: DigestShape; count: number }][];
  conforming: number;
  nonconforming: number;
  revealsMore: number;
  clear: number;
  nonconformingRows: number[];
  clearRows: number[];
  precisionCount: number;
  precisionRows: number[];
  numericCount: number;
  numericMin: number;
  numericMax: number;
  identifierLike: boolean;
};

/**
 * Everything `add` needs from a cell value, worked out once per distinct value: the counters it
 * bumps are resolved up front, so adding a repeated value is a handful of increments. Holds no
 * part of the value itself.
 */
type CellFacts = {
  blank: boolean;
  hash: number;
  length: number;
  /** The counters of the detectors found in the cell (each once). */
  stats: DetectorCount[];
  /** The counter of each mask form in the cell (null: beyond MAX_MASK_FORMS, counted as other). */
  forms: (FormCount | null)[];
  /** The counter of a digest spanning the cell. */
  digest: { shape: DigestShape; count: number } | null;
  /** Against a declared mask: 0 clear, 1 conforming, 2 nonconforming, 3 nonconforming and revealing more. */
  conformance: 0 | 1 | 2 | 3;
  loss: boolean;
  numeric: boolean;
  /** For numeric cells of a column whose range may be shown: whether the value looks like a code, else its value. */
  identifierLike: boolean;
  value: number;
};

/** A masked shape seen in a column: a value of it, and the facts every value of it shares but the hash. */
type Shaped = { exemplar: string; facts: CellFacts };

/** Distinct values remembered per column, and the share of repeats below which a column stops remembering. */
const MEMO_SIZE = 4096;
const MEMO_TRIAL = 8192;
const MEMO_MIN_HIT_RATE = 0.4;

const BLANK: CellFacts = {
  blank: true,
  hash: 0,
  length: 0,
  stats: [],
  forms: [],
  digest: null,
  conformance: 0,
  loss: false,
  numeric: false,
  identifierLike: false,
  value: Number.NaN,
};

/** Distinct mask forms tracked per column; more are only counted (otherMaskForms). */
const MAX_MASK_FORMS = 256;
/** distinct / non-null from which a column counts as near-unique. */
const NEAR_UNIQUE = 0.95;
/** Integers of this many digits are identifier-like (mobile numbers have 11). */
const IDENTIFIER_DIGITS = 11;
/** Classes whose numeric range may be shown: anything else could be a person's or a business's raw value. */
const RANGE_CLASSES: ReadonlySet<string> = new Set(['public', 'derived']);

/**
 * A profiler for one column. `field` is the manifest's declaration (class, grade, transform),
 * absent for an undeclared column. See ColumnProfile for what the profile holds.
 */
export function createColumnProfiler(field?: FieldDeclaration, options: ColumnProfilerOptions = {}): ColumnProfiler {
  const cap = Math.max(0, Math.min(MAX_LISTED_ROWS, Math.floor(options.rowSampleCap ?? MAX_LISTED_ROWS)));
  const declaredMask = field ? tryParseTransform(field.transform) : null;
  const conformance = declaredMask?.kind === 'mask' ? { head: declaredMask.head, tail: declaredMask.tail } : null;
  const rangeAllowed = field !== undefined && RANGE_CLASSES.has(field.class);
  const detect = options.detect;

  const hll = createHyperLogLog();
  const s: ColumnProfilerState = {
    rows: 0,
    nulls: 0,
    hll: hll.registers,
    minLength: Infinity,
    maxLength: -1,
    detectors: [],
    forms: [],
    otherMaskForms: 0,
    formKinds: [],
    digestCells: 0,
    digestShapes: [],
    conforming: 0,
    nonconforming: 0,
    revealsMore: 0,
    clear: 0,
    nonconformingRows: [],
    clearRows: [],
    precisionCount: 0,
    precisionRows: [],
    numericCount: 0,
    numericMin: Infinity,
    numericMax: -Infinity,
    identifierLike: false,
  };
  const detectors = new Map<DetectorId, DetectorCount>();
  const forms = new Map<string, FormCount>();
  const formKinds = new Set<string>();
  const digestShapes = new Map<string, { shape: DigestShape; count: number }>();

  let memo: ValueMemo<CellFacts> | null = detect ? new ValueMemo(MEMO_SIZE) : null;
  let lookups = 0;
  let hits = 0;

  function note(list: number[], row: number): void {
    if (list.length < cap) list.push(row);
  }

  /** The counter of a mask form, created (with count 0) the first time the form is seen. */
  let lastShape: MaskShape | null = null;
  let lastForm: FormCount | null = null;

  function formOf(shape: MaskShape): FormCount | null {
    // A column usually repeats one form: find it without building keys.
    if (lastShape && lastForm && sameShape(shape, lastShape)) return lastForm;
    // Name masks differ in head with the surname (张* / 欧阳**) but are one form.
    formKinds.add(shape.original === 'person-name' ? `name|${shape.maskChar}` : `${shape.head}|${shape.tail}|${shape.maskChar}`);
    const key = formKey(shape);
    let form = forms.get(key);
    if (!form && forms.size < MAX_MASK_FORMS) {
      form = { head: shape.head, tail: shape.tail, maskChar: shape.maskChar, length: shape.length, original: shape.original, count: 0 };
      forms.set(key, form);
    }
    lastShape = form ? shape : null;
    lastForm = form ?? null;
    return form ?? null;
  }

  function statOf(detector: DetectorId, personal: boolean): DetectorCount {
    let stat = detectors.get(detector);
    if (!stat) {
      stat = { count: 0, personal: false, rows: [] };
      detectors.set(detector, stat);
    }
    // Set as the facts are made: the cell is added right after.
    if (personal) stat.personal = true;
    return stat;
  }

  /** The facts of a non-blank value; the counters it refers to exist from now on (the cell is added next). */
  function factsOf(value: string, detections: readonly Detection[], into?: CellFacts, read?: ValuePass): CellFacts {
    if (isBlank(value)) return BLANK;
    // A column that does not remember values reuses one facts object (they are added at once).
    const stats: DetectorCount[] = into ? into.stats : [];
    const cellForms: (FormCount | null)[] = into ? into.forms : [];
    // (Popping is much cheaper than setting `length` on V8 arrays this small.)
    while (stats.length > 0) stats.pop();
    while (cellForms.length > 0) cellForms.pop();
    let cellMask: MaskShape | null = null;
    let digest: CellFacts['digest'] = null;
    let personalHere = false;
    for (let i = 0; i < detections.length; i++) {
      const d = detections[i]!;
      if (d.personal && d.detector !== 'masked' && d.detector !== 'digest') personalHere = true;
      const first = firstOfDetector(detections, i);
      if (first) stats.push(statOf(d.detector, d.personal));
      if (d.detector === 'masked') {
        const shape = shapeOf(d, value);
        cellForms.push(formOf(shape));
        if (first) cellMask ??= shape;
      } else if (first && d.detector === 'digest' && d.digest && coversCell(d, value)) {
        const key = `${d.digest.encoding}|${d.digest.algorithms.join(',')}|${d.digest.upperCase}`;
        digest = digestShapes.get(key) ?? null;
        if (!digest) {
          digest = { shape: d.digest, count: 0 };
          digestShapes.set(key, digest);
        }
      }
    }
    let conformanceState: CellFacts['conformance'] = 0;
    if (conformance && cellMask) {
      if (cellMask.head === conformance.head && cellMask.tail === conformance.tail) conformanceState = 1;
      else conformanceState = cellMask.head > conformance.head || cellMask.tail > conformance.tail ? 3 : 2;
    }
    const loss = precisionLossKind(value) !== null;
    // A masked value (`138****5678`) is never a plain number: skip the number pattern for it.
    const numeric = cellForms.length === 0 && mayBeNumber(value) && isPlainNumber(value);
    let identifierLike = false;
    let n = Number.NaN;
    // The range is only ever shown for public or derived columns without identifiers: skip the work otherwise.
    if (numeric && rangeAllowed && !s.identifierLike) {
      const text = toAsciiDigits(value.trim());
      if (loss || personalHere || looksLikeIdentifier(text)) identifierLike = true;
      else n = plainNumberValue(text);
    }
    const facts = into ?? { ...BLANK, stats, forms: cellForms };
    facts.blank = false;
    // As a signed 32-bit integer: V8 keeps it a small integer, where an unsigned hash above 2^31
    // is a heap number that changed the facts' hidden class mid-scan and sent the hot functions
    // back to the interpreter (addHash reads the same 32 bits either way).
    facts.hash = read ? read.hash : murmur3(value) | 0;
    facts.length = read ? read.codePoints : codePointLength(value);
    facts.digest = digest;
    facts.conformance = conformanceState;
    facts.loss = loss;
    facts.numeric = numeric;
    facts.identifierLike = identifierLike;
    facts.value = n;
    return facts;
  }

  const scratch: CellFacts = { ...BLANK, stats: [], forms: [] };
  const shortDecimals = options.shortDecimalsUndetected === true;
  const decimalScratch: CellFacts = { ...BLANK, blank: false, stats: [], forms: [], numeric: true };

  /**
   * The facts of a short decimal, as factsOf finds them when the detectors find nothing: a
   * plain number, never a precision loss, never identifier-like (no leading zero, at most seven
   * integer digits), of its own length (ASCII).
   */
  function decimalFacts(value: string): CellFacts {
    const facts = decimalScratch;
    facts.hash = murmur3(value) | 0;
    facts.length = value.length;
    facts.value = rangeAllowed && !s.identifierLike ? plainNumberValue(value) : Number.NaN;
    return facts;
  }

  const shapes: Map<number, Shaped> | null = options.maskedByShape ? new Map() : null;

  // A masked shape keeps its first two characters: the shape last seen with a value's first
  // two characters is the one to compare it with as it is read (a hint: slots are shared by
  // hash, and the comparison decides).
  const byPrefix = new Array<Shaped | undefined>(PREFIX_SLOTS).fill(undefined);
  const read = createValuePass();

  /** The shape already seen of a value `read` found masked (whose facts are all but its hash), or undefined. */
  function knownShape(value: string, prefix: number, candidate: Shaped | undefined): Shaped | undefined {
    if (candidate && read.sameShape) return candidate;
    const known = shapes?.get(read.maskedKey);
    if (!known || !sameMaskedShape(value, known.exemplar)) return undefined;
    byPrefix[prefix] = known;
    return known;
  }

  /**
   * Adds a cell of facts `f`; `hash` is its value's (which facts shared by a shape do not hold);
   * `distinct` false for a value already added.
   */
  function addFacts(rowNumber: number, f: CellFacts, hash = f.hash, distinct = true): void {
    s.rows++;
    if (f.blank) {
      s.nulls++;
      return;
    }
    // (Adding a hash again changes no register: a value known to be seen before skips it.)
    if (distinct) hll.addHash(hash);
    if (f.length < s.minLength) s.minLength = f.length;
    if (f.length > s.maxLength) s.maxLength = f.length;
    const stats = f.stats;
    for (let i = 0; i < stats.length; i++) {
      const stat = stats[i]!;
      stat.count++;
      if (stat.rows.length < cap) stat.rows.push(rowNumber);
    }
    const cellForms = f.forms;
    for (let i = 0; i < cellForms.length; i++) {
      const form = cellForms[i];
      if (form) form.count++;
      else s.otherMaskForms++;
    }
    if (f.digest) {
      s.digestCells++;
      f.digest.count++;
    }
    if (conformance) {
      if (f.conformance === 0) {
        s.clear++;
        note(s.clearRows, rowNumber);
      } else if (f.conformance === 1) {
        s.conforming++;
      } else {
        s.nonconforming++;
        if (f.conformance === 3) s.revealsMore++;
        note(s.nonconformingRows, rowNumber);
      }
    }
    if (f.loss) {
      s.precisionCount++;
      note(s.precisionRows, rowNumber);
    }
    if (f.numeric) {
      s.numericCount++;
      if (rangeAllowed && !s.identifierLike) {
        if (f.identifierLike) {
          s.identifierLike = true;
        } else if (Number.isFinite(f.value)) {
          if (f.value < s.numericMin) s.numericMin = f.value;
          if (f.value > s.numericMax) s.numericMax = f.value;
        }
      }
    }
  }

  function addValue(rowNumber: number, value: string | null): void {
    if (value === null || isBlank(value)) {
      addFacts(rowNumber, BLANK);
      return;
    }
    if (!detect) throw new Error('addValue needs the profiler to be created with a detect function');
    // Cheaper than remembering it, even while the column is tried for repeats.
    if (shortDecimals && isShortDecimal(value)) {
      addFacts(rowNumber, decimalFacts(value));
      return;
    }
    if (memo === null) {
      // (A value of one character has no shape; its slot, 0, is a hint like any other.)
      const prefix = (Math.imul(value.charCodeAt(0), 31) + value.charCodeAt(1)) & (PREFIX_SLOTS - 1);
      const candidate = shapes ? byPrefix[prefix] : undefined;
      passValue(value, candidate?.exemplar ?? '', read);
      const key = shapes ? read.maskedKey : -1;
      if (key !== -1) {
        const known = knownShape(value, prefix, candidate);
        if (known) {
          addFacts(rowNumber, known.facts, read.hash);
          return;
        }
      }
      const detections = detect(value);
      if (key !== -1 && shapes && shapes.size < MAX_SHAPES && wholeMask(detections, value)) {
        const shape = { exemplar: ownCopy(value), facts: factsOf(value, detections) };
        shapes.set(key, shape);
        byPrefix[prefix] = shape;
      }
      addFacts(rowNumber, factsOf(value, detections, scratch, read));
      return;
    }
    lookups++;
    const known = memo.find(value);
    const facts = known ?? factsOf(value, detect(value));
    if (known) hits++;
    // A key sliced from a parsed chunk would keep the whole chunk's text alive: store a copy.
    else memo.add(ownCopy(value), facts);
    if (lookups === MEMO_TRIAL && hits < MEMO_TRIAL * MEMO_MIN_HIT_RATE) memo = null;
    // A value seen before has its hash in the distinct-count sketch already.
    addFacts(rowNumber, facts, facts.hash, known === undefined);
  }

  function state(): ColumnProfilerState {
    return {
      ...s,
      hll: hll.registers.slice(),
      detectors: [...detectors].map(([id, d]) => [id, { ...d, rows: [...d.rows] }]),
      forms: [...forms].map(([key, f]) => [key, { ...f }]),
      formKinds: [...formKinds],
      digestShapes: [...digestShapes].map(([key, d]) => [key, { shape: d.shape, count: d.count }]),
      nonconformingRows: [...s.nonconformingRows],
      clearRows: [...s.clearRows],
      precisionRows: [...s.precisionRows],
    };
  }

  function absorb(o: ColumnProfilerState, rowOffset: number): void {
    const shifted = (list: number[], from: number[]) => {
      for (const row of from) note(list, row + rowOffset);
    };
    s.rows += o.rows;
    s.nulls += o.nulls;
    hll.mergeRegisters(o.hll);
    s.minLength = Math.min(s.minLength, o.minLength);
    s.maxLength = Math.max(s.maxLength, o.maxLength);
    for (const [id, d] of o.detectors) {
      let stat = detectors.get(id);
      if (!stat) {
        stat = { count: 0, personal: false, rows: [] };
        detectors.set(id, stat);
      }
      stat.count += d.count;
      stat.personal ||= d.personal;
      shifted(stat.rows, d.rows);
    }
    for (const [key, f] of o.forms) {
      const form = forms.get(key);
      if (form) form.count += f.count;
      else if (forms.size < MAX_MASK_FORMS) forms.set(key, { ...f });
      else s.otherMaskForms += f.count;
    }
    s.otherMaskForms += o.otherMaskForms;
    for (const kind of o.formKinds) formKinds.add(kind);
    s.digestCells += o.digestCells;
    for (const [key, d] of o.digestShapes) {
      const known = digestShapes.get(key);
      if (known) known.count += d.count;
      else digestShapes.set(key, { shape: d.shape, count: d.count });
    }
    s.conforming += o.conforming;
    s.nonconforming += o.nonconforming;
    s.revealsMore += o.revealsMore;
    s.clear += o.clear;
    shifted(s.nonconformingRows, o.nonconformingRows);
    shifted(s.clearRows, o.clearRows);
    s.precisionCount += o.precisionCount;
    shifted(s.precisionRows, o.precisionRows);
    s.numericCount += o.numericCount;
    s.identifierLike ||= o.identifierLike;
    s.numericMin = Math.min(s.numericMin, o.numericMin);
    s.numericMax = Math.max(s.numericMax, o.numericMax);
  }

  function finish(): ColumnProfile {
    const { rows, nulls } = s;
    const nonNull = rows - nulls;
    const share = (count: number): number => (nonNull === 0 ? 0 : Math.min(1, count / nonNull));
    const distinct = nonNull === 0 ? 0 : Math.max(1, Math.min(nonNull, hll.estimate()));
    const algorithms = new Set<DigestShape['algorithms'][number]>();
    for (const { shape } of digestShapes.values()) for (const alg of shape.algorithms) algorithms.add(alg);
    const showRange = s.numericCount > 0 && rangeAllowed && !s.identifierLike && Number.isFinite(s.numericMin);
    const profile: ColumnProfile = {
      name: field?.name ?? options.name ?? '',
      rows,
      nulls,
      nullRate: rows === 0 ? 0 : nulls / rows,
      distinctEstimate: distinct,
      minLength: nonNull === 0 ? null : s.minLength,
      maxLength: nonNull === 0 ? null : s.maxLength,
      detected: [...detectors]
        .map(([detector, d]) => ({ detector, count: d.count, share: share(d.count), personal: d.personal, rows: [...d.rows] }))
        .sort((a, b) => b.count - a.count || a.detector.localeCompare(b.detector)),
      maskForms: [...forms.values()]
        .map((f) => ({ ...f }))
        .sort((a, b) => b.count - a.count || a.head - b.head || a.tail - b.tail || a.length - b.length),
      otherMaskForms: s.otherMaskForms,
      digest: {
        count: s.digestCells,
        share: share(s.digestCells),
        algorithms: (['md5', 'sha1', 'sha256', 'sm3'] as const).filter((alg) => algorithms.has(alg)),
        shapes: [...digestShapes.values()]
          .map(({ shape, count }) => ({ encoding: shape.encoding, algorithms: [...shape.algorithms], upperCase: shape.upperCase, count }))
          .sort((a, b) => b.count - a.count),
        nearUnique: nonNull > 0 && distinct / nonNull >= NEAR_UNIQUE,
      },
      declared: field ? { class: field.class, grade: field.grade, transform: field.transform } : null,
      maskConformance:
        conformance && field
          ? {
              transform: field.transform,
              conforming: s.conforming,
              nonconforming: s.nonconforming,
              revealsMore: s.revealsMore,
              clear: s.clear,
              nonconformingRows: [...s.nonconformingRows],
              clearRows: [...s.clearRows],
            }
          : null,
      inconsistentMasking: formKinds.size > 1,
      precisionLoss: { count: s.precisionCount, rows: [...s.precisionRows] },
      numeric: {
        count: s.numericCount,
        share: share(s.numericCount),
        min: showRange ? s.numericMin : null,
        max: showRange ? s.numericMax : null,
        rangeWithheld: s.numericCount > 0 && !showRange,
      },
    };
    return profile;
  }

  return {
    add: (rowNumber, value, detections) => {
      addFacts(rowNumber, value === null ? BLANK : factsOf(value, detections));
    },
    addValue,
    state,
    absorb,
    finish,
  };
}

/** Parses a profile that crossed a boundary (IPC, storage); throws a ZodError naming the path. */
export function parseColumnProfile(input: unknown): ColumnProfile {
  return ColumnProfile.parse(input);
}

function sameShape(a: MaskShape, b: MaskShape): boolean {
  return a === b || (a.head === b.head && a.tail === b.tail && a.length === b.length && a.maskChar === b.maskChar && a.original === b.original);
}

const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;

/** Integer digits of a short decimal: fewer than the eight of the shortest identifier (a bare Taiwan permit). */
const SHORT_DECIMAL_INTEGER_DIGITS = 7;
/** Decimals of a short decimal: fewer than the four of a precise coordinate. */
const SHORT_DECIMAL_FRACTION_DIGITS = 3;

/**
 * A short plain decimal: ASCII digits without sign, spaces or a leading zero (`0` itself
 * aside), at most seven of them, then optionally a point and one to three decimals — `0`,
 * `42`, `7549.96`, `1234567.125`. No identifier of shared/detect is that short, a coordinate
 * needs four decimals and an IPv4 address three points.
 */
export function isShortDecimal(value: string): boolean {
  const n = value.length;
  if (n === 0 || n > SHORT_DECIMAL_INTEGER_DIGITS + 1 + SHORT_DECIMAL_FRACTION_DIGITS) return false;
  const first = value.charCodeAt(0);
  if (!isDigitCode(first)) return false;
  let i = 1;
  if (first !== 0x30) while (i < n && isDigitCode(value.charCodeAt(i))) i++;
  if (i > SHORT_DECIMAL_INTEGER_DIGITS) return false;
  if (i === n) return true;
  if (value.charCodeAt(i) !== 0x2e) return false;
  const point = i;
  i++;
  while (i < n && isDigitCode(value.charCodeAt(i))) i++;
  const decimals = i - point - 1;
  return i === n && decimals >= 1 && decimals <= SHORT_DECIMAL_FRACTION_DIGITS;
}

/** Slots of the hint to a masked value's shape by its first two characters. */
const PREFIX_SLOTS = 64;

/** Masked shapes remembered per column. */
const MAX_SHAPES = 256;

/** One `masked` detection covering the whole value: what `maskedByShape` may reuse. */
function wholeMask(detections: readonly Detection[], value: string): boolean {
  const d = detections[0];
  return detections.length === 1 && d !== undefined && d.detector === 'masked' && d.start === 0 && d.end === value.length;
}

function formKey(shape: MaskShape): string {
  return `${shape.head}|${shape.tail}|${shape.maskChar}|${shape.length}|${shape.original ?? ''}`;
}

/**
 * A copy of a string that does not keep its parent alive: in V8 a substring of 13 characters
 * or more shares its parent's storage, and a shorter one is already a copy. Prefixing makes a
 * new string the slice then flattens into fresh storage (a fifth of JSON's round trip's cost).
 */
function ownCopy(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}


/** A number starts with a digit, a sign, a point, a space or a full-width digit. */
function mayBeNumber(value: string): boolean {
  const c = value.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || c <= 0x20 || (c >= 0xff10 && c <= 0xff19);
}

function isBlank(value: string): boolean {
  if (value.length === 0) return true;
  const c = value.charCodeAt(0);
  // Only a value that starts with whitespace can be blank; skip the trim for the rest.
  return (c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0xfeff) && value.trim() === '';
}

/** True when detections[i] is the first detection of its detector in the cell (cells have few detections). */
function firstOfDetector(detections: readonly Detection[], i: number): boolean {
  const id = detections[i]!.detector;
  for (let j = 0; j < i; j++) if (detections[j]!.detector === id) return false;
  return true;
}

function shapeOf(d: Detection, value: string): MaskShape {
  if (d.mask) return d.mask;
  const found = maskShapeOf(value.slice(d.start, d.end));
  return found ? { ...found, original: null } : { head: 0, tail: 0, length: codePointLength(value.slice(d.start, d.end)), maskChar: '*', original: null };
}

/** True when the detection spans the trimmed cell, apart from an `<alg>:` prefix. */
function coversCell(d: Detection, value: string): boolean {
  const start = value.length - value.trimStart().length;
  const end = value.trimEnd().length;
  if (d.end < end) return false;
  if (d.start <= start) return true;
  return /^[A-Za-z][A-Za-z0-9-]{1,15}:$/.test(value.slice(start, d.start));
}

/** Integers of 11 or more digits, or with a leading zero, are codes rather than quantities. */
function looksLikeIdentifier(text: string): boolean {
  const n = text.length;
  const from = n > 0 && (text.charCodeAt(0) === 0x2b || text.charCodeAt(0) === 0x2d) ? 1 : 0;
  if (from === n) return false;
  for (let i = from; i < n; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  const digits = n - from;
  return digits >= IDENTIFIER_DIGITS || (digits >= 2 && text.charCodeAt(from) === 0x30);
}
