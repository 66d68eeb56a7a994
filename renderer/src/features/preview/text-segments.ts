/**
 * Splits a masked text line into plain and highlighted parts by main's ranges (UTF-16
 * offsets), tolerating ranges that overlap, run past the end or arrive unsorted.
 */

export type TextRange = { start: number; end: number; detector: string };
export type TextSegment = { text: string; detector: string | null };

export function segmentLine(text: string, ranges: readonly TextRange[]): TextSegment[] {
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, Math.min(r.start, text.length)), end: Math.max(0, Math.min(r.end, text.length)), detector: r.detector }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextSegment[] = [];
  let at = 0;
  for (const range of sorted) {
    if (range.end <= at) continue;
    const start = Math.max(range.start, at);
    if (start > at) out.push({ text: text.slice(at, start), detector: null });
    out.push({ text: text.slice(start, range.end), detector: range.detector });
    at = range.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), detector: null });
  return out;
}
