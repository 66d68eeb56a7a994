/**
 * The column profile (a zod schema, so it can cross IPC and be stored): counts, detected
 * identifier types, mask forms, digest shape, declared vs found masking, precision loss and
 * numeric range. It carries statistics and row numbers only — never a raw value.
 */
import { z } from 'zod';
import { DETECTOR_IDS } from '../detect/types';
import { DATA_CLASSES, Transform } from '../formats/candidate';

/** At most this many 1-based row numbers are listed per statistic (FORMATS.md §3). */
export const MAX_LISTED_ROWS = 100;

const Count = z.number().int().min(0);
const Share = z.number().min(0).max(1);
const Rows = z.array(z.number().int().min(1)).max(MAX_LISTED_ROWS);
const Algorithm = z.enum(['md5', 'sha1', 'sha256', 'sm3']);

export const DetectedType = z.strictObject({
  detector: z.enum(DETECTOR_IDS),
  /** Non-null cells in which the detector fired at least once. */
  count: Count,
  /** count / non-null cells. */
  share: Share,
  /** True when any of its detections was personal information. */
  personal: z.boolean(),
  /** The first rows (1-based) where it fired. */
  rows: Rows,
});

export const MaskForm = z.strictObject({
  head: Count,
  tail: Count,
  maskChar: z.string().min(1).max(4),
  length: Count,
  /** What the clear parts suggest was masked, when the detector recognised it. */
  original: z.enum(DETECTOR_IDS).nullable(),
  count: Count,
});

export const DigestShapeCount = z.strictObject({
  encoding: z.enum(['hex', 'base64']),
  algorithms: z.array(Algorithm),
  upperCase: z.boolean(),
  count: Count,
});

export const ColumnProfile = z.strictObject({
  name: z.string(),
  /** Cells seen, nulls included. */
  rows: Count,
  /** Null, empty and blank cells. */
  nulls: Count,
  nullRate: Share,
  /** Distinct non-null values (HyperLogLog, ≈1.6% standard error; never above the non-null count). */
  distinctEstimate: Count,
  /** Length in characters (code points) of the non-null values; null when there are none. */
  minLength: Count.nullable(),
  maxLength: Count.nullable(),
  /** Detectors that fired, most cells first. */
  detected: z.array(DetectedType),
  /** Forms of values the candidate masked (from `masked` detections), most frequent first. */
  maskForms: z.array(MaskForm),
  /** Masked values whose form is not listed because too many distinct forms were seen. */
  otherMaskForms: Count,
  digest: z.strictObject({
    /** Cells that are a digest as a whole (an `<alg>:` prefix allowed). */
    count: Count,
    share: Share,
    /** Possible algorithms over all digest cells. */
    algorithms: z.array(Algorithm),
    shapes: z.array(DigestShapeCount),
    /** distinct / non-null ≥ 0.95: one digest per input, as a keyed or unkeyed hash of an identifier gives. */
    nearUnique: z.boolean(),
  }),
  declared: z.strictObject({ class: z.enum(DATA_CLASSES), grade: z.number().int().min(1).max(4), transform: Transform }).nullable(),
  /**
   * For a declared `mask:h,t`: masked cells that keep exactly h and t characters (conforming),
   * masked cells in another form (nonconforming; revealsMore of them keep more than h or t),
   * and cells with no masked value at all (clear). Null for any other declared transform.
   */
  maskConformance: z
    .strictObject({
      transform: Transform,
      conforming: Count,
      nonconforming: Count,
      revealsMore: Count,
      clear: Count,
      nonconformingRows: Rows,
      clearRows: Rows,
    })
    .nullable(),
  /** More than one mask form (head, tail, mask character) in the column; name masks count as one form. */
  inconsistentMasking: z.boolean(),
  /** Identifier-like numbers stored as floats (`1.10105E+17`, ≥ 1e15 ending in 000, ≥ 15 digits ending in `.0`). */
  precisionLoss: z.strictObject({ count: Count, rows: Rows }),
  numeric: z.strictObject({
    /** Non-null cells that are plain decimal numbers. */
    count: Count,
    share: Share,
    /** The range, only for columns declared public or derived whose numbers are not identifier-like; null otherwise. */
    min: z.number().nullable(),
    max: z.number().nullable(),
    /** True when there are numbers but min and max are withheld, because they would be raw values of a person or an identifier. */
    rangeWithheld: z.boolean(),
  }),
});

export type ColumnProfile = z.output<typeof ColumnProfile>;
export type DetectedType = z.output<typeof DetectedType>;
export type MaskForm = z.output<typeof MaskForm>;
export type DigestShapeCount = z.output<typeof DigestShapeCount>;
