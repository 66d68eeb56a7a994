/**
 * The search of the reversibility test: for each sampled row, hash the candidates its context
 * leaves with each algorithm the digest's length allows and compare with the digest, stopping at
 * the first hit. The (space form, algorithm) that hit before is tried first on the next rows, as
 * a column is hashed one way throughout. A search runs in slices (`step`), so a worker can post
 * progress and a caller on the main thread can yield; it stops at a deadline, and gives up on a
 * column once `giveUpAfter` rows were searched in full without a single hit (a keyed HMAC or a
 * digest of something the row does not carry would otherwise cost the whole time bound).
 */
import { MASK_CHAR, maskEvidence } from '../../mask';
import { ALGORITHM_INFO, type Algorithm, setBlockByte } from './block-hashes';
import { CHECK_CHARS, MOBILE_FORMS, RESIDENT_ID_FORMS, candidateSpaces, type CandidateSpace, type ContextColumn, type InputKind, type Segment } from './candidates';
import { parseDigestCell, type DigestTarget } from './digest-target';

/** One sampled row: its 1-based data row, the digest cell, and its context cells (aligned with the search's columns). */
export type SampleRow = { row: number; digest: string; cells: string[] };

/** A recovered row, described without the input in clear. */
export type RowHit = {
  row: number;
  kind: InputKind;
  algorithm: Algorithm;
  /** The form the input was written in (a key of MOBILE_FORMS / RESIDENT_ID_FORMS). */
  form: string;
  /** The context columns that gave it away, by name. */
  columns: string[];
  /** The input in its masked form (`138****5678`, `+86138****5678`): never the value in clear. */
  masked: string;
};

export type SampleSearchOptions = {
  /** The context columns, in the order of each row's `cells`. */
  columns: readonly ContextColumn[];
  /** Evaluation date `YYYY-MM-DD`: birth dates after it are not enumerated. */
  asOf: string;
  /** Stop when `now()` passes this (default: never). */
  deadline?: number;
  /** Give up after this many rows searched in full without any hit (default DEFAULT_GIVE_UP_AFTER; Infinity: never). */
  giveUpAfter?: number;
  /** The clock (default Date.now). */
  now?: () => number;
};

export type SampleSearchResult = {
  /** Rows taken from the sample so far (searched, or with nothing to search). */
  done: number;
  /** Rows whose every candidate was hashed without a hit. */
  exhausted: number;
  hits: RowHit[];
  /** The deadline passed before every row was done. */
  timedOut: boolean;
  /** The search stopped after `giveUpAfter` fruitless rows. */
  gaveUp: boolean;
};

export type SampleSearch = {
  /** Searches rows until `until` (a `now()` time) or the end; true when the search is over. */
  step(until: number): boolean;
  readonly result: SampleSearchResult;
};

/**
 * Rows searched in full without a hit after which a search gives up by default. A column is
 * hashed one way throughout, so a recoverable one hits on its first rows: were even one row in ten
 * recoverable, 50 fruitless rows would happen by chance once in 200. A compliant HMAC-SM3 column
 * costs 50 × 1.4·10⁵ hashes (≈ 1 s on two cores) instead of the whole time bound.
 */
export const DEFAULT_GIVE_UP_AFTER = 50;
/** How often (candidates) the clock is read inside a space. */
const CLOCK_EVERY = 0x1fff;

const HIT = 0;
const NONE = -1;
const TIMEOUT = -2;

/** Creates the search of `rows` (see SampleSearch). */
export function createSampleSearch(rows: readonly SampleRow[], options: SampleSearchOptions): SampleSearch {
  const now = options.now ?? Date.now;
  const deadline = options.deadline ?? Infinity;
  const giveUpAfter = options.giveUpAfter ?? DEFAULT_GIVE_UP_AFTER;
  const result: SampleSearchResult = { done: 0, exhausted: 0, hits: [], timedOut: false, gaveUp: false };
  /** Hits per `kind|form|algorithm|columns`: what hit before is tried first. */
  const scores = new Map<string, number>();
  let finished = rows.length === 0;

  const searchRow = (sample: SampleRow): typeof HIT | typeof NONE | typeof TIMEOUT => {
    const target = parseDigestCell(sample.digest);
    if (!target) return NONE;
    const spaces = candidateSpaces(options.columns, sample.cells, options.asOf);
    if (spaces.length === 0) return NONE;
    const tries = spaces.flatMap((space, order) => target.algorithms.map((algorithm) => ({ space, algorithm, order, key: `${space.kind}|${space.form}|${algorithm}|${space.columns.join(',')}` })));
    tries.sort((a, b) => (scores.get(b.key) ?? 0) - (scores.get(a.key) ?? 0) || a.order - b.order);
    for (const { space, algorithm, key } of tries) {
      const found = searchSpace(space, algorithm, target, deadline, now);
      if (found === 'timeout') return TIMEOUT;
      if (found) {
        scores.set(key, (scores.get(key) ?? 0) + 1);
        result.hits.push({ row: sample.row, kind: space.kind, algorithm, form: space.form, columns: space.columns.map((c) => options.columns[c]!.name), masked: maskedInput(space, found) });
        return HIT;
      }
    }
    result.exhausted++;
    return NONE;
  };

  return {
    result,
    step(until) {
      while (!finished) {
        if (now() > deadline) {
          result.timedOut = true;
          finished = true;
          break;
        }
        const outcome = searchRow(rows[result.done]!);
        if (outcome === TIMEOUT) {
          result.timedOut = true;
          finished = true;
          break;
        }
        result.done++;
        if (result.done === rows.length) finished = true;
        else if (result.hits.length === 0 && result.exhausted >= giveUpAfter) {
          result.gaveUp = true;
          finished = true;
        }
        if (now() >= until) break;
      }
      return finished;
    },
  };
}

/** Searches every row at once (no deadline unless given): for tests and small samples. */
export function searchSample(rows: readonly SampleRow[], options: SampleSearchOptions): SampleSearchResult {
  const search = createSampleSearch(rows, options);
  while (!search.step(Infinity));
  return search.result;
}

/** Reusable buffers: one block and one digest. */
const BLOCK = new Int32Array(16);
const OUT = new Int32Array(8);
const CHECK_CODES = Uint8Array.from(CHECK_CHARS, (ch) => ch.charCodeAt(0));

/**
 * A segment laid out for one byte order: the block words it touches, the bits it clears in each,
 * and per value the bits it sets — so moving to the next value is a word or two of writes.
 */
type WordLayout = { words: Int32Array; keep: Int32Array; bits: Int32Array };

const LAYOUTS = [new WeakMap<Segment, WordLayout>(), new WeakMap<Segment, WordLayout>()];

function layoutOf(segment: Segment, littleEndian: boolean): WordLayout {
  const cache = LAYOUTS[littleEndian ? 1 : 0]!;
  let layout = cache.get(segment);
  if (layout) return layout;
  const { positions, values, count } = segment;
  const words = [...new Set(positions.map((p) => p >> 2))];
  const shiftOf = (p: number) => (littleEndian ? (p & 3) << 3 : (3 - (p & 3)) << 3);
  const keep = Int32Array.from(words, (w) => ~positions.filter((p) => p >> 2 === w).reduce((mask, p) => mask | (0xff << shiftOf(p)), 0));
  const bits = new Int32Array(count * words.length);
  const width = positions.length;
  for (let v = 0; v < count; v++) {
    positions.forEach((p, j) => {
      bits[v * words.length + words.indexOf(p >> 2)]! |= values[v * width + j]! << shiftOf(p);
    });
  }
  layout = { words: Int32Array.from(words), keep, bits };
  cache.set(segment, layout);
  return layout;
}

function writeValue(m: Int32Array, layout: WordLayout, value: number): void {
  const { words, keep, bits } = layout;
  const n = words.length;
  const at = value * n;
  for (let k = 0; k < n; k++) {
    const w = words[k]!;
    m[w] = (m[w]! & keep[k]!) | bits[at + k]!;
  }
}

/**
 * Hashes every candidate of `space` with `algorithm` and compares with `target`. Returns the
 * segment indexes of the hit, null when none matched, or 'timeout' when the deadline passed.
 */
export function searchSpace(space: CandidateSpace, algorithm: Algorithm, target: DigestTarget, deadline = Infinity, now: () => number = Date.now): Int32Array | null | 'timeout' {
  const { littleEndian, compress, words } = ALGORITHM_INFO[algorithm];
  if (target.words.length !== words) return null;
  const m = BLOCK;
  const out = OUT;
  const { template, segments, check } = space;
  m.fill(0);
  for (let i = 0; i < template.length; i++) setBlockByte(m, i, template[i]!, littleEndian);
  setBlockByte(m, template.length, 0x80, littleEndian);
  if (littleEndian) m[14] = template.length * 8;
  else m[15] = template.length * 8;

  const n = segments.length;
  const layouts = segments.map((segment) => layoutOf(segment, littleEndian));
  const counts = Int32Array.from(segments, (segment) => segment.count);
  const sums = segments.map((segment) => segment.checkSums ?? new Uint8Array(segment.count));
  const index = new Int32Array(n);
  let sum = check ? check.base : 0;
  for (let s = 0; s < n; s++) {
    writeValue(m, layouts[s]!, 0);
    sum += sums[s]![0]!;
  }
  const expected = check ? check.expected : -1;
  const computeCheck = check !== null && expected < 0;
  const checkPosition = check ? check.position : 0;
  const t0 = target.words[0]!;
  const size = space.size;
  for (let c = 0; c < size; c++) {
    if ((c & CLOCK_EVERY) === CLOCK_EVERY && now() > deadline) return 'timeout';
    const r = sum % 11;
    if (computeCheck) setBlockByte(m, checkPosition, CHECK_CODES[r]!, littleEndian);
    if (expected < 0 || r === expected) {
      compress(m, out);
      if (out[0] === t0 && matches(out, target.words)) return index.slice();
    }
    // Next candidate: the last segment moves fastest.
    for (let s = n - 1; s >= 0; s--) {
      const previous = index[s]!;
      const next = previous + 1 === counts[s]! ? 0 : previous + 1;
      index[s] = next;
      writeValue(m, layouts[s]!, next);
      const partial = sums[s]!;
      sum += partial[next]! - partial[previous]!;
      if (next !== 0) break;
    }
  }
  return null;
}

function matches(out: Int32Array, words: Int32Array): boolean {
  for (let i = 1; i < words.length; i++) if (out[i] !== words[i]) return false;
  return true;
}

/** The candidate of `space` at segment indexes `index`, as text. */
export function candidateAt(space: CandidateSpace, index: Int32Array): string {
  const bytes = space.template.slice();
  space.segments.forEach((segment, s) => {
    const width = segment.positions.length;
    segment.positions.forEach((p, j) => (bytes[p] = segment.values[index[s]! * width + j]!));
  });
  if (space.check && space.check.expected < 0) {
    let sum = space.check.base;
    space.segments.forEach((segment, s) => (sum += segment.checkSums![index[s]!]!));
    bytes[space.check.position] = CHECK_CODES[sum % 11]!;
  }
  return String.fromCharCode(...bytes);
}

/**
 * The recovered input in its masked form, in the form it was hashed in: masked as evidence masks
 * the identifier (at most 3 + 4 characters kept), and every character the row did not show masked
 * too — so the evidence shows nothing the search recovered (`330***************` for an ID whose
 * region and birth date were columns; `138****5678` beside a 3+4 mask).
 */
function maskedInput(space: CandidateSpace, index: Int32Array): string {
  const input = candidateAt(space, index);
  const canonical = space.kind === 'cn-mobile' ? input.replace(/\D/g, '').slice(-11) : input.toUpperCase();
  const evidence = maskEvidence(canonical, space.kind);
  let masked = '';
  for (let i = 0; i < evidence.length; i++) masked += space.pattern[i] === '?' ? MASK_CHAR : evidence[i]!;
  const forms = space.kind === 'cn-mobile' ? MOBILE_FORMS : RESIDENT_ID_FORMS;
  const render = forms.find((f) => f.form === space.form)?.render ?? ((text: string) => text);
  return render(masked);
}
