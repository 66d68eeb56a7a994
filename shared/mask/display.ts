/**
 * One cell as the preview may show it (DESIGN.md principle 1): what the policy requires, even
 * where the candidate did not transform the value, so a leaked value never appears in clear.
 * Runs where the raw value lives (the main process's masking reader), never in the renderer.
 */
import type { Detection } from '../detect/types';
import type { DATA_CLASSES } from '../formats/candidate';
import { MASK_CHAR, codePoints, fullMask, isAllMask, maskShapeOf } from './chars';
import { maskDetected } from './detector-forms';
import { applyMask } from './apply-mask';
import { surnameLength } from './names';
import { type ParsedTransform, type TransformInput, toParsedTransform } from './transform';

export type DisplayState = 'clear-ok' | 'masked-by-candidate' | 'masked-for-display' | 'suppressed';

/** Why a cell was masked for display, as a stable code; the English text is for logs and the CLI. */
export const DISPLAY_REASONS = {
  'candidate-clear': 'masked for display — the candidate carries it in clear',
  'personal-in-clear': 'masked for display — a personal identifier in clear in a column that is not public',
  'mask-exceeds-policy': "masked for display — the candidate's mask keeps more than the policy allows",
  'not-in-policy': 'masked for display — the policy does not authorize this field',
} as const;

export type DisplayReason = keyof typeof DISPLAY_REASONS;

export type DisplayCell = {
  text: string;
  /**
   * `clear-ok`: the policy allows it in clear. `masked-by-candidate`: the candidate already
   * transformed it within what the policy allows (masked, digest, band, number). `masked-for-display`:
   * the candidate carries more than the policy allows and the workstation masked it (`reason`).
   * `suppressed`: the candidate's value is nothing but mask characters.
   */
  state: DisplayState;
  reason?: DisplayReason;
};

export type DataClass = (typeof DATA_CLASSES)[number];

export type DisplayContext = {
  /** The field as the candidate declares it; absent for an undeclared column. */
  declared?: { class: DataClass; transform: TransformInput } | null;
  /** The policy's `requiredTransform` for the field (any one satisfies); absent when the policy does not list the field. */
  required?: readonly TransformInput[] | null;
  /** What the detectors found in this cell (shared/detect). */
  detections?: readonly Detection[];
};

/** Confidence from which a personal detection masks a cell of a non-public column on its own. */
export const PERSONAL_CONFIDENCE = 0.9;

type Allowance = 'clear' | { head: number; tail: number };

/**
 * The cell as the preview shows it. A value the policy allows in clear is shown as is; a value
 * already masked within what the policy allows is shown as is; anything else is shown under the
 * first required transform other than `none` (see applyMask), or — with no such transform — in
 * the detector's conservative form when one detection covers the cell, masked whole otherwise.
 * A personal detection of confidence ≥ 0.9 (not `masked` or `digest`) masks the cell even where
 * the policy allows `none`, unless the declared class is `public`. A field the policy does not
 * list is shown only when declared `public` with `none` and nothing personal was detected;
 * otherwise under its declared transform, keeping at most 3 + 4 characters of a mask.
 */
export function maskForDisplay(value: string, context: DisplayContext = {}): DisplayCell {
  if (value.trim() === '') return { text: value, state: 'clear-ok' };
  if (isAllMask(value)) return { text: value, state: 'suppressed' };
  const detections = context.detections ?? [];
  const classPublic = context.declared?.class === 'public';
  const personalClear = detections.some((d) => d.personal && d.confidence >= PERSONAL_CONFIDENCE && d.detector !== 'masked' && d.detector !== 'digest');

  let allowances: Allowance[];
  let target: ParsedTransform | null;
  let reason: DisplayReason;
  if (context.required) {
    const required = context.required.map(toParsedTransform);
    const allowsClear = required.some((t) => t?.kind === 'none');
    target = required.find((t): t is ParsedTransform => t !== null && t.kind !== 'none') ?? null;
    if (allowsClear && (classPublic || !personalClear)) {
      return { text: value, state: maskShapeOf(value) ? 'masked-by-candidate' : 'clear-ok' };
    }
    allowances = allowsClear ? [] : required.map((t) => allowanceOf(t, value));
    reason = allowsClear ? 'personal-in-clear' : 'candidate-clear';
  } else {
    const declared = context.declared ? toParsedTransform(context.declared.transform) : null;
    if (classPublic && declared?.kind === 'none' && !personalClear) return { text: value, state: 'clear-ok' };
    target = declared && declared.kind !== 'none' ? capped(declared) : null;
    allowances = target ? [allowanceOf(target, value)] : [];
    reason = 'not-in-policy';
  }

  const shape = maskShapeOf(value);
  if (shape && !personalClear) {
    if (allowances.some((a) => a === 'clear' || (shape.head <= a.head && shape.tail <= a.tail))) {
      return { text: value, state: 'masked-by-candidate' };
    }
    return { text: remask(value, shape, target), state: 'masked-for-display', reason: 'mask-exceeds-policy' };
  }
  let text = target ? applyMask(value, target) : fallback(value, detections);
  if (text === value) {
    // The value is already in the target's form (a digest, a band, a number, a conforming mask).
    if (!personalClear) return { text: value, state: 'masked-by-candidate' };
    text = fallback(value, detections);
    reason = reason === 'candidate-clear' ? 'personal-in-clear' : reason;
  }
  return { text, state: 'masked-for-display', reason };
}

/** How many clear characters at each end a transform lets a masked value keep. */
function allowanceOf(t: ParsedTransform | null, value: string): Allowance {
  if (!t) return { head: 0, tail: 0 };
  switch (t.kind) {
    case 'none':
      return 'clear';
    case 'mask':
      return { head: t.head, tail: t.tail };
    case 'mask-name':
      return { head: surnameLength(value), tail: 0 };
    case 'generalize':
    case 'suppress':
    case 'hmac':
    case 'hash':
    case 'encrypt-sm4':
    case 'tokenize':
    case 'aggregate':
    case 'noise':
      return { head: 0, tail: 0 };
  }
}

/** Without a policy entry a declared mask shows at most the conservative 3 + 4 characters. */
function capped(t: ParsedTransform): ParsedTransform {
  return t.kind === 'mask' ? { kind: 'mask', head: Math.min(t.head, 3), tail: Math.min(t.tail, 4) } : t;
}

/** A masked value cut back to what the target transform keeps at each end. */
function remask(value: string, shape: { head: number; tail: number }, target: ParsedTransform | null): string {
  const chars = codePoints(value);
  let head = 0;
  let tail = 0;
  if (target?.kind === 'mask') {
    head = Math.min(shape.head, target.head);
    tail = Math.min(shape.tail, target.tail);
  } else if (target?.kind === 'mask-name') {
    head = Math.min(shape.head, surnameLength(value));
  }
  if (head + tail >= chars.length) return fullMask(value);
  return chars.slice(0, head).join('') + MASK_CHAR.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** The detector's form when one detection spans the whole (trimmed) cell, otherwise a full mask. */
function fallback(value: string, detections: readonly Detection[]): string {
  const trimmed = value.trim();
  const offset = value.indexOf(trimmed);
  const whole = detections.find(
    (d) => d.detector !== 'masked' && d.detector !== 'digest' && d.start <= offset && d.end >= offset + trimmed.length,
  );
  if (whole) {
    const masked = maskDetected(trimmed, whole.detector);
    if (masked !== trimmed) return masked;
  }
  return fullMask(value);
}
