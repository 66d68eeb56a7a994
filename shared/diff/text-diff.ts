/**
 * Text files of two revisions line by line (jsdiff's `diffArrays` over the raw lines), with
 * word-level parts for a changed line. Lines are compared raw — two different identifiers that
 * mask alike still make a change — and shown masked as the text preview masks them
 * (`maskTextWithRanges` over `findInText`): every detected identifier is one unsplittable
 * token shown in its masked form, the rest is cut into words by `Intl.Segmenter` (Chinese has
 * no spaces between words; the segmenter's dictionary finds them).
 */
import { diffArrays } from 'diff';
import type { Detection } from '../detect/types';
import type { TextLineChange, WordPart } from '../ipc/schemas/review';
import { maskTextWithRanges } from '../mask/mask-text';

/** What the detectors find in a line of text (main passes `findInText` with the evaluation date). */
export type TextDetector = (line: string) => readonly Detection[];

export type TextDiffOptions = {
  detect: TextDetector;
  /** Most line entries listed (changes and their context); the totals count every line. Default 2,000. */
  maxEntries?: number;
  /** Unchanged lines listed around each change. Default 3. */
  context?: number;
  /** Give up aligning lines after this long and show the differing middle as removed, then added. Default 1,000 ms. */
  timeoutMs?: number;
  /** Time for the word-level parts of all changed lines together; lines past it are shown removed, then added, whole. Default 1,000 ms. */
  wordBudgetMs?: number;
};

export type TextDiff = {
  /** Lines of revision N that are not in N−1 (changed lines included). */
  added: number;
  /** Lines of revision N−1 that are not in N (changed lines included). */
  removed: number;
  lines: TextLineChange[];
  /** More entries than `maxEntries` were found; the list stops there. */
  truncated: boolean;
};

export const MAX_TEXT_ENTRIES = 2000;
const DEFAULT_CONTEXT = 3;
const DEFAULT_TIMEOUT_MS = 1000;
const DEFAULT_WORD_BUDGET_MS = 1000;
/** Lines longer than this are not split into words: shown removed, then added, whole. */
const MAX_WORD_DIFF_CHARS = 10_000;
const WORD_DIFF_TIMEOUT_MS = 200;

/** A piece of a line: the raw text it compares by, and what is shown of it. */
type Token = { raw: string; shown: string };

let segmenter: Intl.Segmenter | null = null;
/** Word segmentation for Chinese (and, with it, Latin words, digits and spaces). */
function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) out.push(segment);
  return out;
}

/**
 * Merged detection spans of a line, as `maskTextWithRanges` merges them: clamped, widened so no
 * surrogate pair is split, and overlapping spans joined.
 */
function spansOf(text: string, detections: readonly Detection[]): { start: number; end: number }[] {
  const spans = detections
    .map((d) => widen(text, d.start, d.end))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function widen(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(text.length, Math.floor(Number.isNaN(start) ? 0 : start)));
  let e = Math.max(0, Math.min(text.length, Math.ceil(Number.isNaN(end) ? text.length : end)));
  const low = (i: number) => text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  const high = (i: number) => text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff;
  if (s > 0 && low(s) && high(s - 1)) s--;
  if (e > 0 && e < text.length && low(e) && high(e - 1)) e++;
  return { start: s, end: e };
}

/**
 * The line as tokens: each detected span one token shown masked (masked on its own with the
 * detections inside it, which gives the very characters the whole-line mask gives), the text
 * between spans cut into words and shown as it is — as the preview shows it.
 */
function tokenize(text: string, detections: readonly Detection[]): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  const plain = (to: number) => {
    if (to > cursor) for (const word of words(text.slice(cursor, to))) tokens.push({ raw: word, shown: word });
  };
  for (const span of spansOf(text, detections)) {
    plain(span.start);
    const raw = text.slice(span.start, span.end);
    const inside = detections
      .filter((d) => d.start < span.end && d.end > span.start)
      .map((d) => ({ ...d, start: Math.max(0, d.start - span.start), end: Math.min(raw.length, d.end - span.start) }));
    tokens.push({ raw, shown: maskTextWithRanges(raw, inside).text });
    cursor = span.end;
  }
  plain(text.length);
  return tokens;
}

/** The line as the text preview shows it. */
export function maskLine(text: string, detect: TextDetector): string {
  const detections = detect(text);
  return detections.length === 0 ? text : maskTextWithRanges(text, detections).text;
}

function pushPart(parts: WordPart[], text: string, kind: WordPart['kind']): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ text, kind });
}

/**
 * Word-level parts of a line changed from `before` to `after`: `same` words, and `removed` and
 * `added` ones, every identifier masked. Very long lines (or a word alignment that takes longer
 * than `timeoutMs`) come back as the whole old line removed and the whole new line added.
 */
export function wordParts(before: string, after: string, detect: TextDetector, timeoutMs = WORD_DIFF_TIMEOUT_MS): WordPart[] {
  const parts: WordPart[] = [];
  if (timeoutMs > 0 && before.length <= MAX_WORD_DIFF_CHARS && after.length <= MAX_WORD_DIFF_CHARS) {
    const changes = diffArrays(tokenize(before, detect(before)), tokenize(after, detect(after)), {
      comparator: (a, b) => a.raw === b.raw,
      timeout: timeoutMs,
    });
    if (changes) {
      for (const change of changes) {
        pushPart(parts, change.value.map((t) => t.shown).join(''), change.added ? 'added' : change.removed ? 'removed' : 'same');
      }
      return parts;
    }
  }
  pushPart(parts, maskLine(before, detect), 'removed');
  pushPart(parts, maskLine(after, detect), 'added');
  return parts;
}

/** One aligned line: `same` (both numbers), `removed` (before only), `added` (after only), or `changed` (a removed line paired with an added one). */
type Op = { kind: TextLineChange['kind']; before: number | null; after: number | null };

/** Lines aligned: the common head and tail cut off first, the middle by jsdiff (or replaced whole when that takes too long). */
function align(before: readonly string[], after: readonly string[], timeoutMs: number): Op[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: 'same', before: i + 1, after: i + 1 });
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);
  const changes = diffArrays(oldMiddle, newMiddle, { timeout: timeoutMs }) ?? [
    { value: oldMiddle, count: oldMiddle.length, added: false, removed: true },
    { value: newMiddle, count: newMiddle.length, added: true, removed: false },
  ];
  let b = head;
  let a = head;
  let removed: number[] = [];
  const flush = (added: number[]) => {
    // A run of removed lines followed by added ones: pair them up as changed lines.
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) ops.push({ kind: 'changed', before: removed[i]!, after: added[i]! });
    for (let i = paired; i < removed.length; i++) ops.push({ kind: 'removed', before: removed[i]!, after: null });
    for (let i = paired; i < added.length; i++) ops.push({ kind: 'added', before: null, after: added[i]! });
    removed = [];
  };
  for (const change of changes) {
    const n = change.value.length;
    if (change.removed) {
      for (let i = 0; i < n; i++) removed.push(++b);
    } else if (change.added) {
      const added: number[] = [];
      for (let i = 0; i < n; i++) added.push(++a);
      flush(added);
    } else {
      flush([]);
      for (let i = 0; i < n; i++) ops.push({ kind: 'same', before: ++b, after: ++a });
    }
  }
  flush([]);
  for (let i = 0; i < tail; i++) ops.push({ kind: 'same', before: ++b, after: ++a });
  return ops;
}

/**
 * Revision N−1's lines beside N's: the totals of added and removed lines, and the changes with
 * `context` unchanged lines around each (at most `maxEntries` entries), every line masked.
 */
export function diffTextLines(before: readonly string[], after: readonly string[], options: TextDiffOptions): TextDiff {
  const maxEntries = options.maxEntries ?? MAX_TEXT_ENTRIES;
  const context = options.context ?? DEFAULT_CONTEXT;
  const ops = align(before, after, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let added = 0;
  let removed = 0;
  const near = new Uint8Array(ops.length);
  ops.forEach((op, i) => {
    if (op.kind === 'same') return;
    if (op.kind !== 'removed') added++;
    if (op.kind !== 'added') removed++;
    for (let j = Math.max(0, i - context); j <= Math.min(ops.length - 1, i + context); j++) near[j] = 1;
  });
  const lines: TextLineChange[] = [];
  let truncated = false;
  const wordsUntil = Date.now() + (options.wordBudgetMs ?? DEFAULT_WORD_BUDGET_MS);
  for (let i = 0; i < ops.length; i++) {
    if (!near[i]) continue;
    if (lines.length === maxEntries) {
      truncated = true;
      break;
    }
    const op = ops[i]!;
    if (op.kind === 'changed') {
      const left = Math.min(WORD_DIFF_TIMEOUT_MS, wordsUntil - Date.now());
      lines.push({ kind: 'changed', before: op.before, after: op.after, parts: wordParts(before[op.before! - 1]!, after[op.after! - 1]!, options.detect, left) });
    } else {
      const text = op.after !== null ? after[op.after - 1]! : before[op.before! - 1]!;
      lines.push({ kind: op.kind, before: op.before, after: op.after, text: maskLine(text, options.detect) });
    }
  }
  return { added, removed, lines, truncated };
}
