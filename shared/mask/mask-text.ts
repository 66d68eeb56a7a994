/**
 * Masking inside free text (reports, model cards, API examples, free-text cells): each
 * detection's range is replaced by its detector's conservative form, everything else is kept.
 */
import type { Detection, DetectorId } from '../detect/types';
import { MASK_CHAR, fullMask } from './chars';
import { maskDetected } from './detector-forms';

/** Where a masked detection sits in the masked text (UTF-16 offsets, end exclusive). */
export type MaskedRange = { start: number; end: number; detector: DetectorId };

/**
 * The text with every detection's [start, end) range replaced by its masked form (see
 * maskDetected), and where each masked range ended up, for highlighting. Ranges are clamped to
 * the text and widened so they never split a surrogate pair; overlapping detections are merged
 * and masked whole (unless all of them are digests or already-masked values). Every detection
 * passed is masked — callers choose which detections (e.g. personal, confidence ≥ 0.5) to pass.
 */
export function maskTextWithRanges(text: string, detections: readonly Detection[]): { text: string; ranges: MaskedRange[] } {
  const spans = detections
    .map((d) => ({ ...widen(text, d.start, d.end), detector: d.detector }))
    .filter((d) => d.start < d.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  const ranges: MaskedRange[] = [];
  let i = 0;
  while (i < spans.length) {
    const first = spans[i]!;
    let end = first.end;
    let opaque = isOpaque(first.detector);
    let sameSpan = true;
    let j = i + 1;
    while (j < spans.length && spans[j]!.start < end) {
      const next = spans[j]!;
      sameSpan &&= next.start === first.start && next.end === first.end;
      end = Math.max(end, next.end);
      opaque &&= isOpaque(next.detector);
      j++;
    }
    const slice = text.slice(first.start, end);
    let masked: string;
    if (sameSpan) {
      // Several detectors on one span (an 18-digit number can be an ID and a card): the form
      // that leaves the fewest characters clear wins.
      masked = maskDetected(slice, first.detector);
      for (let k = i + 1; k < j; k++) {
        const other = maskDetected(slice, spans[k]!.detector);
        if (clearCount(other) < clearCount(masked)) masked = other;
      }
    } else {
      masked = opaque ? slice : fullMask(slice);
    }
    out += text.slice(cursor, first.start);
    ranges.push({ start: out.length, end: out.length + masked.length, detector: first.detector });
    out += masked;
    cursor = end;
    i = j;
  }
  out += text.slice(cursor);
  return { text: out, ranges };
}

/** The text with every detection's range masked (see maskTextWithRanges). */
export function maskText(text: string, detections: readonly Detection[]): string {
  return detections.length === 0 ? text : maskTextWithRanges(text, detections).text;
}

function isOpaque(detector: DetectorId): boolean {
  return detector === 'digest' || detector === 'masked';
}

function clearCount(masked: string): number {
  let n = 0;
  for (const ch of masked) if (ch !== MASK_CHAR) n++;
  return n;
}

function widen(text: string, start: number, end: number): { start: number; end: number } {
  // A malformed offset widens the range rather than leaving something unmasked.
  let s = Math.max(0, Math.min(text.length, Math.floor(Number.isNaN(start) ? 0 : start)));
  let e = Math.max(0, Math.min(text.length, Math.ceil(Number.isNaN(end) ? text.length : end)));
  if (s > 0 && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s--;
  if (e > 0 && e < text.length && isLow(text.charCodeAt(e)) && isHigh(text.charCodeAt(e - 1))) e++;
  return { start: s, end: e };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
