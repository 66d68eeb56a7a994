/**
 * How the conformance diff shows a value: main splits it into segments (`same` text, and
 * `differs`, `missing` or `extra` parts) and has already replaced every differing character
 * with a marker; here each segment gets its class, its length and the words a screen reader
 * says instead of the markers. The renderer never reconstructs a value. On the candidate side,
 * as a second line of defence, a `differs` segment is shown as markers only, whatever main sent;
 * on the required side a `differs` segment is the required form's own (already masked) text.
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

/** True when a `differs` segment arrived with characters other than markers (main broke its promise; logged, never shown). */
export function hasUnmaskedDiffers(segments: readonly DiffSegment[]): boolean {
  return segments.some((s) => s.kind === 'differs' && !isMarkersOnly(s.text));
}
