/**
 * The conformance diff of one cell: the candidate's value beside the form the policy requires,
 * character by character, by position. The candidate side never shows a character the required form
 * does not also show: where the two differ, each of the candidate's characters is replaced by a
 * marker — the reviewer sees *where* a value leaks, never what leaks.
 */
import { applyMask } from './apply-mask';
import { codePointLength, codePoints, isAllMask } from './chars';
import { type ParsedTransform, type TransformInput, toParsedTransform } from './transform';

/** What replaces each differing character of the candidate's value. */
export const DIFF_MARKER = '●';

export type DiffSegment = { text: string; kind: 'same' | 'differs' | 'missing' | 'extra' };

export type CellConformance = {
  conforming: boolean;
  candidate: DiffSegment[];
  required: DiffSegment[];
};

/** The value under `t` if it already has that form (so it conforms to `t`), else null. */
function conformsTo(value: string, t: ParsedTransform): boolean {
  if (t.kind === 'suppress') return isAllMask(value);
  return applyMask(value, t) === value;
}

/** Whether a non-empty value is in a form one of the accepted transforms gives (`none` accepts anything) — the counting half of cellConformance. */
export function valueConforms(value: string, accepted: readonly TransformInput[]): boolean {
  for (const input of accepted) {
    const t = toParsedTransform(input);
    if (t && (t.kind === 'none' || conformsTo(value, t))) return true;
  }
  return false;
}

const markers = (text: string) => DIFF_MARKER.repeat(codePointLength(text));

/**
 * Compares a non-empty value with the transforms the policy accepts for its field (any one
 * satisfies). `preferred` (the declared transform) picks the form shown when the value conforms
 * to none. Where the policy allows `none`, the value conforms and both sides show `display(value)`
 * — the preview's masking, which still hides a personal identifier in a column that is not public.
 * With no accepted transform (the field is not authorized), nothing conforms and the required
 * side is empty.
 */
export function cellConformance(value: string, accepted: readonly TransformInput[], options: { preferred?: TransformInput | null; display: (value: string) => string }): CellConformance {
  const parsed = accepted.map(toParsedTransform).filter((t): t is ParsedTransform => t !== null);
  if (parsed.some((t) => t.kind === 'none')) {
    const shown = options.display(value);
    return { conforming: true, candidate: [{ text: shown, kind: 'same' }], required: [{ text: shown, kind: 'same' }] };
  }
  for (const t of parsed) {
    if (conformsTo(value, t)) return { conforming: true, candidate: [{ text: value, kind: 'same' }], required: [{ text: value, kind: 'same' }] };
  }
  const preferred = options.preferred ? toParsedTransform(options.preferred) : null;
  const target = parsed.find((t) => preferred && sameTransform(t, preferred)) ?? parsed[0];
  if (!target) return { conforming: false, candidate: [{ text: markers(value), kind: 'differs' }], required: [] };
  return { conforming: false, ...segments(value, applyMask(value, target)) };
}

function sameTransform(a: ParsedTransform, b: ParsedTransform): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Character-level segments of both sides, by position: the run both share at the start and the
 * run both share at the end are shown on both sides; everything between is the candidate's own
 * (each character a marker, `differs`) beside the required form's own (shown as it is — it is
 * already masked). A general character diff is not used: it would pair a middle digit of a clear
 * value with an equal digit of the required tail and show it, which is exactly the leak this
 * view exists to expose without repeating.
 */
export function segments(candidate: string, required: string): { candidate: DiffSegment[]; required: DiffSegment[] } {
  const a = codePoints(candidate);
  const b = codePoints(required);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const side = (chars: string[], own: string): DiffSegment[] => {
    const out: DiffSegment[] = [];
    if (head > 0) out.push({ text: chars.slice(0, head).join(''), kind: 'same' });
    if (own !== '') out.push({ text: own, kind: 'differs' });
    if (tail > 0) out.push({ text: chars.slice(chars.length - tail).join(''), kind: 'same' });
    return out;
  };
  const middle = a.length - head - tail;
  return {
    candidate: side(a, DIFF_MARKER.repeat(middle)),
    required: side(b, b.slice(head, b.length - tail).join('')),
  };
}
