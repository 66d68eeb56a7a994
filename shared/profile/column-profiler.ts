/**
 * The streaming column profiler the scanner runs per column (in worker threads, over millions
 * of rows): constant memory per column apart from capped row lists, and a cheap `add`. It keeps
 * counts, a distinct-count sketch and row numbers — never a value.
 */
import type { z } from 'zod';
import type { Detection, DetectorId, DigestShape, MaskShape } from '../detect/types';
import type { Field } from '../formats/candidate';
import { codePointLength, maskShapeOf, toAsciiDigits } from '../mask/chars';
import { isPlainNumber } from '../mask/apply-mask';
import { tryParseTransform } from '../mask/transform';
import { ColumnProfile, MAX_LISTED_ROWS } from './column-profile';
import { createHyperLogLog } from './hyperloglog';
import { precisionLossKind } from './precision-loss';

export type FieldDeclaration = z.output<typeof Field>;

export type ColumnProfilerOptions = {
  /** Row numbers listed per statistic: 0–100 (default 100, FORMATS.md §3's limit). */
  rowSampleCap?: number;
  /** The column name when there is no field declaration (an undeclared column). */
  name?: string;
};

export type ColumnProfiler = {
  /**
   * Adds one cell: its 1-based data row, its value (null for a missing cell) and what the
   * detectors found in it.
   */
  add(rowNumber: number, value: string | null, detections: readonly Detection[]): void;
  /** The profile of the cells added so far (the profiler can go on afterwards). */
  finish(): ColumnProfile;
};

/** Distinct mask forms tracked per column; more are only counted (otherMaskForms). */
const MAX_MASK_FORMS = 256;
/** distinct / non-null from which a column counts as near-unique. */
const NEAR_UNIQUE = 0.95;
/** Integers of this many digits are identifier-like (mobile numbers have 11). */
const IDENTIFIER_DIGITS = 11;
/** Classes whose numeric range may be shown: anything else could be a person's or a business's raw value. */
const RANGE_CLASSES: ReadonlySet<string> = new Set(['public', 'derived']);

type FormCount = { head: number; tail: number; maskChar: string; length: number; original: DetectorId | null; count: number };
type DetectorCount = { count: number; personal: boolean; rows: number[] };

/**
 * A profiler for one column. `field` is the manifest's declaration (class, grade, transform),
 * absent for an undeclared column. See ColumnProfile for what the profile holds.
 */
export function createColumnProfiler(field?: FieldDeclaration, options: ColumnProfilerOptions = {}): ColumnProfiler {
  const cap = Math.max(0, Math.min(MAX_LISTED_ROWS, Math.floor(options.rowSampleCap ?? MAX_LISTED_ROWS)));
  const declaredMask = field ? tryParseTransform(field.transform) : null;
  const conformance = declaredMask?.kind === 'mask' ? { head: declaredMask.head, tail: declaredMask.tail } : null;

  let rows = 0;
  let nulls = 0;
  const hll = createHyperLogLog();
  let minLength = Infinity;
  let maxLength = -1;
  const detectors = new Map<DetectorId, DetectorCount>();
  const forms = new Map<string, FormCount>();
  let otherMaskForms = 0;
  const formKinds = new Set<string>();
  let digestCells = 0;
  const digestShapes = new Map<string, { shape: DigestShape; count: number }>();
  let conforming = 0;
  let nonconforming = 0;
  let revealsMore = 0;
  let clear = 0;
  const nonconformingRows: number[] = [];
  const clearRows: number[] = [];
  let precisionCount = 0;
  const precisionRows: number[] = [];
  let numericCount = 0;
  let numericMin = Infinity;
  let numericMax = -Infinity;
  let identifierLike = false;
  const rangeAllowed = field !== undefined && RANGE_CLASSES.has(field.class);

  function note(list: number[], row: number): void {
    if (list.length < cap) list.push(row);
  }

  let lastShape: MaskShape | null = null;
  let lastForm: FormCount | null = null;

  function addForm(shape: MaskShape): void {
    // A column usually repeats one form: count it without building keys.
    if (lastForm && lastShape && sameShape(shape, lastShape)) {
      lastForm.count++;
      return;
    }
    // Name masks differ in head with the surname (张* / 欧阳**) but are one form.
    formKinds.add(shape.original === 'person-name' ? `name|${shape.maskChar}` : `${shape.head}|${shape.tail}|${shape.maskChar}`);
    const key = `${shape.head}|${shape.tail}|${shape.maskChar}|${shape.length}|${shape.original ?? ''}`;
    let form = forms.get(key);
    if (form) {
      form.count++;
    } else if (forms.size < MAX_MASK_FORMS) {
      form = { head: shape.head, tail: shape.tail, maskChar: shape.maskChar, length: shape.length, original: shape.original, count: 1 };
      forms.set(key, form);
    } else {
      otherMaskForms++;
    }
    lastShape = form ? shape : null;
    lastForm = form ?? null;
  }

  function add(rowNumber: number, value: string | null, detections: readonly Detection[]): void {
    rows++;
    if (value === null || isBlank(value)) {
      nulls++;
      return;
    }
    hll.add(value);
    const length = codePointLength(value);
    if (length < minLength) minLength = length;
    if (length > maxLength) maxLength = length;

    let cellMask: MaskShape | null = null;
    let personalHere = false;
    for (let i = 0; i < detections.length; i++) {
      const d = detections[i]!;
      if (d.personal && d.detector !== 'masked' && d.detector !== 'digest') personalHere = true;
      if (!firstOfDetector(detections, i)) {
        if (d.detector === 'masked') addForm(shapeOf(d, value));
        continue;
      }
      let stat = detectors.get(d.detector);
      if (!stat) {
        stat = { count: 0, personal: false, rows: [] };
        detectors.set(d.detector, stat);
      }
      stat.count++;
      if (d.personal) stat.personal = true;
      note(stat.rows, rowNumber);
      if (d.detector === 'masked') {
        const shape = shapeOf(d, value);
        addForm(shape);
        cellMask ??= shape;
      } else if (d.detector === 'digest' && d.digest && coversCell(d, value)) {
        digestCells++;
        const key = `${d.digest.encoding}|${d.digest.algorithms.join(',')}|${d.digest.upperCase}`;
        const known = digestShapes.get(key);
        if (known) known.count++;
        else digestShapes.set(key, { shape: d.digest, count: 1 });
      }
    }

    if (conformance) {
      if (!cellMask) {
        clear++;
        note(clearRows, rowNumber);
      } else if (cellMask.head === conformance.head && cellMask.tail === conformance.tail) {
        conforming++;
      } else {
        nonconforming++;
        if (cellMask.head > conformance.head || cellMask.tail > conformance.tail) revealsMore++;
        note(nonconformingRows, rowNumber);
      }
    }

    const loss = precisionLossKind(value);
    if (loss) {
      precisionCount++;
      note(precisionRows, rowNumber);
    }

    if (mayBeNumber(value) && isPlainNumber(value)) {
      numericCount++;
      // The range is only ever shown for public or derived columns without identifiers: skip the work otherwise.
      if (rangeAllowed && !identifierLike) {
        const text = toAsciiDigits(value.trim());
        if (loss || personalHere || looksLikeIdentifier(text)) {
          identifierLike = true;
        } else {
          const n = Number(text.replace(/,/g, '').replace(/%$/, ''));
          if (Number.isFinite(n)) {
            if (n < numericMin) numericMin = n;
            if (n > numericMax) numericMax = n;
          }
        }
      }
    }
  }

  function finish(): ColumnProfile {
    const nonNull = rows - nulls;
    const share = (count: number): number => (nonNull === 0 ? 0 : Math.min(1, count / nonNull));
    const distinct = nonNull === 0 ? 0 : Math.max(1, Math.min(nonNull, hll.estimate()));
    const algorithms = new Set<DigestShape['algorithms'][number]>();
    for (const { shape } of digestShapes.values()) for (const alg of shape.algorithms) algorithms.add(alg);
    const showRange = numericCount > 0 && rangeAllowed && !identifierLike && Number.isFinite(numericMin);
    const profile: ColumnProfile = {
      name: field?.name ?? options.name ?? '',
      rows,
      nulls,
      nullRate: rows === 0 ? 0 : nulls / rows,
      distinctEstimate: distinct,
      minLength: nonNull === 0 ? null : minLength,
      maxLength: nonNull === 0 ? null : maxLength,
      detected: [...detectors]
        .map(([detector, s]) => ({ detector, count: s.count, share: share(s.count), personal: s.personal, rows: [...s.rows] }))
        .sort((a, b) => b.count - a.count || a.detector.localeCompare(b.detector)),
      maskForms: [...forms.values()]
        .map((f) => ({ ...f }))
        .sort((a, b) => b.count - a.count || a.head - b.head || a.tail - b.tail || a.length - b.length),
      otherMaskForms,
      digest: {
        count: digestCells,
        share: share(digestCells),
        algorithms: (['md5', 'sha1', 'sha256', 'sm3'] as const).filter((alg) => algorithms.has(alg)),
        shapes: [...digestShapes.values()]
          .map(({ shape, count }) => ({ encoding: shape.encoding, algorithms: [...shape.algorithms], upperCase: shape.upperCase, count }))
          .sort((a, b) => b.count - a.count),
        nearUnique: nonNull > 0 && distinct / nonNull >= NEAR_UNIQUE,
      },
      declared: field ? { class: field.class, grade: field.grade, transform: field.transform } : null,
      maskConformance: conformance
        ? { transform: field!.transform, conforming, nonconforming, revealsMore, clear, nonconformingRows: [...nonconformingRows], clearRows: [...clearRows] }
        : null,
      inconsistentMasking: formKinds.size > 1,
      precisionLoss: { count: precisionCount, rows: [...precisionRows] },
      numeric: {
        count: numericCount,
        share: share(numericCount),
        min: showRange ? numericMin : null,
        max: showRange ? numericMax : null,
        rangeWithheld: numericCount > 0 && !showRange,
      },
    };
    return profile;
  }

  return { add, finish };
}

/** Parses a profile that crossed a boundary (IPC, storage); throws a ZodError naming the path. */
export function parseColumnProfile(input: unknown): ColumnProfile {
  return ColumnProfile.parse(input);
}

function sameShape(a: MaskShape, b: MaskShape): boolean {
  return a === b || (a.head === b.head && a.tail === b.tail && a.length === b.length && a.maskChar === b.maskChar && a.original === b.original);
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
  const digits = text.replace(/^[+-]/, '');
  if (!/^\d+$/.test(digits)) return false;
  return digits.length >= IDENTIFIER_DIGITS || (digits.length >= 2 && digits.startsWith('0'));
}
