/**
 * Tables of two revisions compared row by row, in bounded memory and one streaming pass per
 * table: each side absorbs its rows in batches and keeps, per row, a 53-bit hash of its raw
 * cells, and, per column that could be the key, a map from the (hashed) value to its row. The
 * key is the first column whose values are unique and non-empty in both revisions (else rows
 * are matched by number). Rows are then matched by key: added, removed, and changed where the
 * row hashes differ. Only the listed rows (at most 500) are read again, compared cell by cell
 * on their raw values, and shown masked.
 *
 * Memory: 8 bytes per row for the row hashes, plus for each of at most four key candidates
 * (columns fall out at their first repeated or empty value, so usually only a real key column
 * stays) its values while the table is small (up to 100,000 rows), beyond that about 40 bytes
 * per row: a typed-array hash index and each row's value hash.
 */
import type { CellChange, TableRowChange } from '../ipc/schemas/review';
import { murmur3 } from '../profile/hash';
import type { CellMasker } from './mask-cells';

export const MAX_ROW_CHANGES = 500;
/** Up to this many rows, key maps hold the values themselves; beyond, 53-bit hashes of them. */
export const STRING_KEY_ROWS = 100_000;
/** Key candidates followed at once (the leftmost columns not yet ruled out). */
const MAX_KEY_CANDIDATES = 4;

const SEED_A = 0x9747b28c;
const SEED_B = 0x5bd1e995;
const TWO_32 = 4294967296;

/** The two seeds of a column's lanes: a value hashes differently in each column. */
function seedsOf(column: string): [number, number] {
  return [murmur3(column, SEED_A), murmur3(column, SEED_B)];
}

/** A 53-bit hash of a string: two MurmurHash3 lanes (the low 32 bits are the first lane), seeded by the column it is in. */
export function hash53(text: string, column = ''): number {
  const [a, b] = seedsOf(column);
  return murmur3(text, a) + (murmur3(text, b) & 0x1fffff) * TWO_32;
}

/** Whether a cell is empty or only white space (the first character decides cheaply for most). */
function blank(value: string): boolean {
  if (value.length === 0) return true;
  const first = value.charCodeAt(0);
  return (first <= 0x20 || first >= 0x80) && value.trim() === '';
}

/**
 * A set of 53-bit hashes with a row each, in one typed array (open addressing, linear probing;
 * a slot is the hash and its row side by side, so a probe touches one cache line): 32 bytes
 * per entry at most, where a Map of heap numbers takes several times that.
 */
export class HashIndex {
  /** Slot i: the hash at `2i`, its row at `2i + 1` (0: the slot is free). */
  private slots: Float64Array;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Float64Array(size * 2);
  }

  get size(): number {
    return this.count;
  }

  /** The row of `key`, or 0 when it is not in the set. */
  get(key: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = (key >>> 0) & mask; ; i = (i + 1) & mask) {
      const row = slots[2 * i + 1]!;
      if (row === 0) return 0;
      if (slots[2 * i] === key) return row;
    }
  }

  /** Adds `key` with its `row` (≥ 1); false, adding nothing, when `key` is there already. */
  add(key: number, row: number): boolean {
    if ((this.count + 1) * 4 > this.slots.length) this.grow();
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let i = (key >>> 0) & mask;
    for (; slots[2 * i + 1] !== 0; i = (i + 1) & mask) if (slots[2 * i] === key) return false;
    slots[2 * i] = key;
    slots[2 * i + 1] = row;
    this.count++;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.count = 0;
    for (let i = 1; i < old.length; i += 2) if (old[i] !== 0) this.add(old[i - 1]!, old[i]!);
  }
}

/** A growable Float64Array. */
function ensure(array: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const grown = new Float64Array(Math.max(length, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * A column's values, each with its row: the values themselves while the table is small (exact;
 * a Map keeps them in row order), else their hashes with the hash of each row's value.
 */
export type KeyColumn = { kind: 'string'; values: Map<string, number> } | { kind: 'hash'; index: HashIndex; byRow: Float64Array<ArrayBuffer> };

/** A string key column (named `name`) as hashes; null when two values share a hash (the column no longer proves unique). */
function hashed(column: KeyColumn, name: string, room?: number): Extract<KeyColumn, { kind: 'hash' }> | null {
  if (column.kind === 'hash') return column;
  const index = new HashIndex(room ?? column.values.size);
  let byRow = new Float64Array(room ?? column.values.size);
  for (const [value, row] of column.values) {
    const h = hash53(value, name);
    if (!index.add(h, row)) return null;
    byRow = ensure(byRow, row);
    byRow[row - 1] = h;
  }
  return { kind: 'hash', index, byRow };
}

type Candidate = { column: string; key: KeyColumn };

/** What one side of a table comparison keeps after reading all its rows. */
export type TableSideSummary = {
  columns: string[];
  rows: number;
  /** Row r's hash at `rowHashes[r - 1]`. */
  rowHashes: Float64Array;
  /** Columns still unique and non-empty after every row, with each value's row. */
  keys: Map<string, KeyColumn>;
  /** The columns left out of the row hashes. */
  ignored: ReadonlySet<string>;
};

export type TableSide = {
  /** Rows `firstRow …` (1-based, in order) with the table's columns so far (JSON tables add columns as keys appear). */
  absorb(rows: readonly (readonly string[])[], firstRow: number, columns: readonly string[]): void;
  finish(columns?: readonly string[]): TableSideSummary;
};

/**
 * One side of a table comparison. `ignore`: columns the other revision lacks — they are left
 * out of the row hashes, so an added column is reported once (`columnsAdded`) instead of
 * making every row changed.
 */
export function createTableSide(options: { ignore?: ReadonlySet<string> } = {}): TableSide {
  const ignore = options.ignore ?? new Set<string>();
  let columns: string[] = [];
  let rows = 0;
  let hashes = new Float64Array(1024);
  /** Per column: its two hash seeds, or -1 for an ignored column. */
  const seedsA: number[] = [];
  const seedsB: number[] = [];
  let large = false;
  /** Columns whose values could still be the key, by column position; null once ruled out. */
  let candidates: (Candidate | null)[] = [];
  /** Rows have been read: a column that appears from now on was empty in them. */
  let started = false;
  let laneA = new Float64Array(0);
  let laneB = new Float64Array(0);

  const adopt = (next: readonly string[]) => {
    for (let c = columns.length; c < next.length; c++) {
      const name = next[c]!;
      const skip = ignore.has(name);
      const [a, b] = seedsOf(name);
      seedsA.push(skip ? -1 : a);
      seedsB.push(skip ? -1 : b);
      candidates.push(started || skip ? null : { column: name, key: { kind: 'string', values: new Map() } });
    }
    if (next.length > columns.length) columns = [...next];
  };

  const prune = () => {
    let followed = 0;
    for (let c = 0; c < candidates.length; c++) {
      if (candidates[c] && ++followed > MAX_KEY_CANDIDATES) candidates[c] = null;
    }
  };

  return {
    absorb(batch, firstRow, batchColumns) {
      if (firstRow !== rows + 1) throw new RangeError(`rows must come in order: expected row ${rows + 1}, got ${firstRow}`);
      adopt(batchColumns);
      started = true;
      const needed = rows + batch.length;
      hashes = ensure(hashes, needed);
      if (!large && needed > STRING_KEY_ROWS) {
        large = true;
        candidates = candidates.map((candidate) => {
          // Room for four times the rows so far: a table that got this far is usually much larger.
          const key = candidate && hashed(candidate.key, candidate.column, needed * 4);
          return candidate && key ? { column: candidate.column, key } : null;
        });
      }
      const width = columns.length;
      // The lanes of each cell of the row: summed into the row hash, and the key hash of a candidate.
      if (laneA.length < width) {
        laneA = new Float64Array(width);
        laneB = new Float64Array(width);
      }
      for (let r = 0; r < batch.length; r++) {
        const row = batch[r]!;
        const number = rows + r + 1;
        let a = 0;
        let b = 0;
        for (let c = 0; c < width; c++) {
          const value = row[c];
          if (value === undefined || value === '') continue;
          const seedA = seedsA[c]!;
          if (seedA === -1) continue;
          const ha = murmur3(value, seedA);
          const hb = murmur3(value, seedsB[c]);
          laneA[c] = ha;
          laneB[c] = hb;
          a = (a + ha) >>> 0;
          b = (b + hb) >>> 0;
        }
        hashes[number - 1] = a + (b & 0x1fffff) * TWO_32;
        for (let c = 0; c < candidates.length; c++) {
          const candidate = candidates[c];
          if (!candidate) continue;
          const value = row[c] ?? '';
          if (blank(value)) {
            candidates[c] = null;
            continue;
          }
          const key = candidate.key;
          if (key.kind === 'string') {
            // One lookup: a value already there leaves the size as it was (the column is out anyway).
            const size = key.values.size;
            key.values.set(value, number);
            if (key.values.size === size) candidates[c] = null;
          } else {
            // hash53(value, column), from the lanes the row hash already computed.
            const h = laneA[c]! + (laneB[c]! & 0x1fffff) * TWO_32;
            if (!key.index.add(h, number)) {
              candidates[c] = null;
              continue;
            }
            key.byRow = ensure(key.byRow, number);
            key.byRow[number - 1] = h;
          }
        }
      }
      rows = needed;
      prune();
    },
    finish(finalColumns) {
      if (finalColumns) adopt(finalColumns);
      const keys = new Map<string, KeyColumn>();
      // An empty table has no key.
      if (rows > 0) for (const candidate of candidates) if (candidate) keys.set(candidate.column, candidate.key);
      return { columns, rows, rowHashes: hashes.subarray(0, rows), keys, ignored: ignore };
    },
  };
}

/** The columns each side must leave out of its row hashes: those the other side does not have. */
export function columnsToIgnore(before: readonly string[], after: readonly string[]): { before: Set<string>; after: Set<string> } {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  return { before: new Set(before.filter((c) => !inAfter.has(c))), after: new Set(after.filter((c) => !inBefore.has(c))) };
}

/** A row to list: added (after only), removed (before only) or changed (both, hashes differ). */
export type ListedRow = { kind: TableRowChange['kind']; before: number | null; after: number | null };

export type TableMatch = {
  /** The key column (one), or empty when rows are matched by number. */
  keyColumns: string[];
  columnsAdded: string[];
  columnsRemoved: string[];
  added: number;
  removed: number;
  changed: number;
  /** The first `maxListed` changes in table order (by N's row, a removed row after its nearest kept predecessor). */
  listed: ListedRow[];
};

/**
 * For each row of N in order, the row of N−1 with the same key (0 for none) — through the key
 * column of both sides, or null when no column is unique and non-empty in both.
 */
function matchByKey(before: TableSideSummary, after: TableSideSummary): { column: string; rowOf: (rowA: number) => number } | null {
  for (const column of after.columns) {
    const a = after.keys.get(column);
    const b = before.keys.get(column);
    if (!a || !b) continue;
    if (a.kind === 'string' && b.kind === 'string') {
      const order = [...a.values.keys()];
      return { column, rowOf: (rowA) => b.values.get(order[rowA - 1]!) ?? 0 };
    }
    const ha = hashed(a, column);
    const hb = hashed(b, column);
    if (ha && hb) return { column, rowOf: (rowA) => hb.index.get(ha.byRow[rowA - 1]!) };
  }
  return null;
}

/**
 * Matches the rows of two table sides (both read with the same ignored columns, see
 * `columnsToIgnore`): totals of added, removed and changed rows, and the first `maxListed`.
 */
export function matchTableRows(before: TableSideSummary, after: TableSideSummary, options: { maxListed?: number } = {}): TableMatch {
  const maxListed = options.maxListed ?? MAX_ROW_CHANGES;
  const inBefore = new Set(before.columns);
  const inAfter = new Set(after.columns);
  const columnsAdded = after.columns.filter((c) => !inBefore.has(c));
  const columnsRemoved = before.columns.filter((c) => !inAfter.has(c));
  let added = 0;
  let removed = 0;
  let changed = 0;
  // Two runs, each in table order; the listing merges their heads. A removed row is placed
  // after the row of N that its nearest kept predecessor became.
  const forward: ListedRow[] = [];
  const gone: { row: ListedRow; at: number }[] = [];
  const key = matchByKey(before, after);
  /** N's row of each row of N−1 (0: not in N). */
  const toAfter = new Int32Array(before.rows);
  for (let rowA = 1; rowA <= after.rows; rowA++) {
    const rowB = key ? key.rowOf(rowA) : rowA <= before.rows ? rowA : 0;
    if (rowB === 0) {
      added++;
      if (forward.length < maxListed) forward.push({ kind: 'added', before: null, after: rowA });
      continue;
    }
    toAfter[rowB - 1] = rowA;
    if (before.rowHashes[rowB - 1] !== after.rowHashes[rowA - 1]) {
      changed++;
      if (forward.length < maxListed) forward.push({ kind: 'changed', before: rowB, after: rowA });
    }
  }
  let last = 0;
  for (let rowB = 1; rowB <= before.rows; rowB++) {
    const rowA = toAfter[rowB - 1]!;
    if (rowA !== 0) {
      last = rowA;
      continue;
    }
    removed++;
    if (gone.length < maxListed) gone.push({ row: { kind: 'removed', before: rowB, after: null }, at: last + 0.5 });
  }
  const listed: ListedRow[] = [];
  let i = 0;
  let j = 0;
  while (listed.length < maxListed && (i < forward.length || j < gone.length)) {
    const f = forward[i];
    const g = gone[j];
    if (g === undefined || (f !== undefined && f.after! < g.at)) {
      listed.push(f!);
      i++;
    } else {
      listed.push(g.row);
      j++;
    }
  }
  return { keyColumns: key ? [key.column] : [], columnsAdded, columnsRemoved, added, removed, changed, listed };
}

/** The raw rows of both sides that the listed changes need, by row number. */
export function rowsToRead(listed: readonly ListedRow[]): { before: number[]; after: number[] } {
  const before = new Set<number>();
  const after = new Set<number>();
  for (const row of listed) {
    if (row.before !== null) before.add(row.before);
    if (row.after !== null) after.add(row.after);
  }
  return { before: [...before].sort((x, y) => x - y), after: [...after].sort((x, y) => x - y) };
}

export type RowsOfSide = {
  columns: readonly string[];
  /** The raw rows asked for by `rowsToRead`, by row number. */
  rows: ReadonlyMap<number, readonly string[]>;
  mask: CellMasker;
};

/**
 * The listed changes with their cells, masked: every cell of an added or removed row, the cells
 * whose raw values differ for a changed row (columns both revisions have). The key shown is
 * the key column's masked value, or the row number (N's, or N−1's for a removed row).
 */
export function describeRowChanges(listed: readonly ListedRow[], keyColumns: readonly string[], before: RowsOfSide, after: RowsOfSide): TableRowChange[] {
  const indexOf = (columns: readonly string[]) => new Map(columns.map((c, i) => [c, i]));
  const beforeIndex = indexOf(before.columns);
  const afterIndex = indexOf(after.columns);
  const cell = (side: RowsOfSide, index: Map<string, number>, row: readonly string[], column: string) => row[index.get(column) ?? -1] ?? '';
  const keyOf = (side: RowsOfSide, index: Map<string, number>, row: readonly string[], number: number) =>
    keyColumns.length === 0 ? String(number) : keyColumns.map((c) => side.mask(c, cell(side, index, row, c))).join(' · ');
  const out: TableRowChange[] = [];
  for (const change of listed) {
    const old = change.before === null ? undefined : before.rows.get(change.before);
    const current = change.after === null ? undefined : after.rows.get(change.after);
    const cells: CellChange[] = [];
    if (change.kind === 'added') {
      if (!current) continue;
      for (const column of after.columns) cells.push({ column, before: '', after: after.mask(column, cell(after, afterIndex, current, column)) });
      out.push({ kind: 'added', key: keyOf(after, afterIndex, current, change.after!), before: null, after: change.after, cells });
    } else if (change.kind === 'removed') {
      if (!old) continue;
      for (const column of before.columns) cells.push({ column, before: before.mask(column, cell(before, beforeIndex, old, column)), after: '' });
      out.push({ kind: 'removed', key: keyOf(before, beforeIndex, old, change.before!), before: change.before, after: null, cells });
    } else {
      if (!old || !current) continue;
      for (const column of after.columns) {
        if (!beforeIndex.has(column)) continue;
        const was = cell(before, beforeIndex, old, column);
        const is = cell(after, afterIndex, current, column);
        // Raw values are compared: two values that mask alike are still a change.
        if (was !== is) cells.push({ column, before: before.mask(column, was), after: after.mask(column, is) });
      }
      out.push({ kind: 'changed', key: keyOf(after, afterIndex, current, change.after!), before: change.before, after: change.after, cells });
    }
  }
  return out;
}
