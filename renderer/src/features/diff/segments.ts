/**
 * How the conformance diff shows a value: main splits it into segments (`same` text, and
 * `differs`, `missing` or `extra` parts) and has already replaced every differing character
 * with a marker; here each segment gets its class, its length and the words a screen reader
 * says instead of the markers. The renderer never reconstructs a value. On the candidate side,
 * as a second line of defence, a `differs` segment is shown as markers only, whatever main sent;
 * on the required side a `differs` segment is the required form's own (already masked) text.
 * And a character main marks `same` on the candidate side stays visible only where the required
 * form shows that very character at the same place, counted from the start or from the end
 * (where a mask keeps characters): a character-level diff may pair a middle digit of a clear
 * value with an equal digit elsewhere in the required form, and that digit must not show.
 */
import type { DiffSegment } from '../../../../shared/ipc/schemas/review';

/** The marker main puts in place of a differing character. */
export const MARKER = '●';

export type SegmentKind = DiffSegment['kind'];

/** The candidate's value (masked, markers where it differs) or the form the policy requires. */
export type SegmentSide = 'candidate' | 'required';

export type SegmentView = {
  kind: SegmentKind;
  /** What is drawn: the text of `same`, markers for `differs`, main's text for `missing` and `extra`. */
  text: string;
  className: string;
  /** Characters (code points) the segment stands for. */
  length: number;
  /** The i18n key of the spoken description, null for `same`. */
  labelKey: 'diff.segment.differs' | 'diff.segment.requiredDiffers' | 'diff.segment.missing' | 'diff.segment.extra' | null;
};

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Markers only: one marker per character, whatever the characters were. */
export function markersFor(text: string): string {
  return MARKER.repeat(codePoints(text));
}

/** True when a `differs` text is made of markers alone, as main must send it. */
export function isMarkersOnly(text: string): boolean {
  for (const ch of text) if (ch !== MARKER) return false;
  return true;
}

export function segmentClass(kind: SegmentKind): string {
  return `seg seg-${kind}`;
}

/** The segments of one side of a row, ready to draw. Empty segments are dropped. */
export function segmentViews(segments: readonly DiffSegment[], side: SegmentSide): SegmentView[] {
  const out: SegmentView[] = [];
  for (const segment of segments) {
    if (segment.text === '') continue;
    const length = codePoints(segment.text);
    const text = side === 'candidate' && segment.kind === 'differs' && !isMarkersOnly(segment.text) ? markersFor(segment.text) : segment.text;
    const labelKey = segment.kind === 'same' ? null : segment.kind === 'differs' && side === 'required' ? 'diff.segment.requiredDiffers' : `diff.segment.${segment.kind}` as const;
    out.push({ kind: segment.kind, text, className: segmentClass(segment.kind), length, labelKey });
  }
  return out;
}

/** Characters that differ, are missing or are extra on one side (for the row's summary). */
export function segmentCounts(segments: readonly DiffSegment[]): Record<SegmentKind, number> {
  const counts: Record<SegmentKind, number> = { same: 0, differs: 0, missing: 0, extra: 0 };
  for (const segment of segments) counts[segment.kind] += codePoints(segment.text);
  return counts;
}

function pushMerged(out: DiffSegment[], kind: DiffSegment['kind'], text: string): void {
  const last = out.at(-1);
  if (last && last.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/**
 * The candidate side confined to what the required side shows: each `same` character is kept
 * only if the required form has the same character at the same index from the start or from the
 * end; any other becomes a marker (`differs`). It only ever hides more than main sent.
 */
export function confineToRequired(candidate: readonly DiffSegment[], required: readonly DiffSegment[]): { segments: DiffSegment[]; hidden: number } {
  const shown = Array.from(required.map((s) => s.text).join(''));
  const chars: { ch: string; kind: DiffSegment['kind'] }[] = [];
  for (const segment of candidate) for (const ch of segment.text) chars.push({ ch, kind: segment.kind });
  const out: DiffSegment[] = [];
  let hidden = 0;
  chars.forEach(({ ch, kind }, i) => {
    if (kind !== 'same') {
      pushMerged(out, kind, ch);
      return;
    }
    const fromEnd = shown.length - (chars.length - i);
    if (shown[i] === ch || (fromEnd >= 0 && shown[fromEnd] === ch)) {
      pushMerged(out, 'same', ch);
    } else {
      hidden++;
      pushMerged(out, 'differs', MARKER);
    }
  });
  return { segments: out, hidden };
}

/** True when a `differs` segment arrived with characters other than markers (main broke its promise; logged, never shown). */
export function hasUnmaskedDiffers(segments: readonly DiffSegment[]): boolean {
  return segments.some((s) => s.kind === 'differs' && !isMarkersOnly(s.text));
}
