/**
 * The statistical disclosure rules of a microdata table (RULES.md, DOMAIN.md §5(2)) as a
 * streaming accumulator: `sdc.k-anonymity` over the declared quasi-identifiers and distinct
 * `sdc.l-diversity` over the declared sensitive columns. It keeps one entry per equivalence
 * class — its size, its first 100 rows and at most l distinct sensitive values per column — so
 * memory grows with the number of classes, not of rows. Findings name the columns, the class
 * sizes and the rows; never a quasi-identifier or sensitive value.
 */
import { makeFinding, MAX_LISTED_ROWS, sortFindings, type Finding } from '../../formats/findings';
import type { Thresholds } from '../../formats/policy';
import { tableLabelZh } from '../messages-zh';
import { at, normaliseCell, plural, RowList, rowsZh, SdcNotes, tableLabel, type Cell, type SdcAccumulator, type SdcResult, type SdcTable, type SdcTarget } from './common';

export type MicrodataOptions = {
  target: SdcTarget;
  table: SdcTable;
  /** The header of the table, in cell order. */
  columns: readonly string[];
  thresholds: Thresholds;
};

/** Distinct cell values whose normalised form is remembered (per cache; cleared when full). */
const CACHED_VALUES = 4096;

/** Combinations of raw quasi-identifier values remembered on the way to their class. */
const RAW_LEAVES = 100_000;

/** A flat copy of a string (a substring can share, and keep alive, its parent's storage). */
const ownCopy = (value: string): string => (value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string));

/** How many classes a finding describes in its evidence. */
const EVIDENCE_CLASSES = 10;
/** How many rows of one class its evidence line lists. */
const EVIDENCE_ROWS = 10;

/** One equivalence class: its size, first rows, and up to l distinct values of each sensitive column. */
type EquivalenceClass = { size: number; rows: RowList; first: number; distinct: Set<string>[] };

/**
 * The classes of a microdata accumulator as plain data (structured-cloneable: a scan worker
 * posts it to the thread that merges the parts of a table). Rows count from the part's start.
 */
export type MicrodataState = { classes: [key: string, size: number, rows: number[], first: number, distinct: string[][]][] };

/** A streaming microdata evaluator; `merge` folds in one fed with another part of the same table. */
export type MicrodataAccumulator = SdcAccumulator & {
  merge(other: MicrodataAccumulator): void;
  /** What it has counted, to `absorb` into the accumulator of the whole table in another thread. */
  state(): MicrodataState;
  /** Adds the counts of a later part of the table whose rows start after `rowOffset` rows. */
  absorb(state: MicrodataState, rowOffset: number): void;
  /** The classes, for `merge`; not for callers. */
  readonly classes: ReadonlyMap<string, EquivalenceClass>;
};

/**
 * A class as an evidence line: its size and first rows — `class of 3 rows: rows 1, 2, 3`,
 * `3 行的等价类：第 1、2、3 行` — with, for l-diversity, how many distinct values it holds.
 */
const describeClass = (c: EquivalenceClass, distinct?: number): { en: string; zh: string } => {
  const rows = c.rows.list().slice(0, EVIDENCE_ROWS);
  const more = c.size > EVIDENCE_ROWS;
  const extra = distinct === undefined ? '' : ` with ${plural(distinct, 'distinct value')}`;
  const extraZh = distinct === undefined ? '' : `（仅 ${distinct} 个不同取值）`;
  return {
    en: `class of ${plural(c.size, 'row')}${extra}: row${c.size === 1 ? '' : 's'} ${rows.join(', ')}${more ? ', …' : ''}`,
    zh: `${c.size} 行的等价类${extraZh}：${rowsZh(rows, more)}`,
  };
};

/** The Chinese names of the declared columns a note can name. */
const ROLE_ZH = { 'quasi-identifier': '准标识符', 'sensitive column': '敏感列' } as const;

/** The classes' rows, smallest classes first, up to the listing limit. */
function rowsOf(classes: readonly EquivalenceClass[]): number[] {
  const rows: number[] = [];
  for (const c of classes) {
    for (const row of c.rows.list()) {
      if (rows.length >= MAX_LISTED_ROWS) return rows;
      rows.push(row);
    }
  }
  return rows;
}

/** Creates the streaming evaluator of a microdata table's k-anonymity and l-diversity. */
export function createMicrodataAccumulator(options: MicrodataOptions): MicrodataAccumulator {
  const { target, table, columns, thresholds } = options;
  const where = tableLabel(target);
  const whereZh = tableLabelZh(target.file, target.sheet);
  const notes = new SdcNotes();
  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    const key = normaliseCell(name);
    if (!index.has(key)) index.set(key, i);
  });
  const missing = (names: readonly string[], role: keyof typeof ROLE_ZH) => {
    const absent = names.filter((n) => !index.has(normaliseCell(n)));
    if (absent.length > 0) {
      notes.add(
        `${where}: the ${role} ${absent.map((n) => `"${n}"`).join(', ')} ${absent.length === 1 ? 'is' : 'are'} not a column of the table.`,
        `${whereZh}：声明的${ROLE_ZH[role]}${absent.map((n) => `“${n}”`).join('、')}不是该表的列。`,
      );
    }
    return absent.length > 0;
  };

  const qiNames = [...table.quasiIdentifiers];
  let usable = true;
  if (qiNames.length === 0) {
    notes.add(`${where}: no quasi-identifiers are declared; k-anonymity and l-diversity were not checked.`, `${whereZh}：未声明准标识符，未检查 k-匿名和 l-多样性。`);
    usable = false;
  } else if (missing(qiNames, 'quasi-identifier')) {
    notes.add(`${where}: k-anonymity and l-diversity were not checked, since the equivalence classes cannot be formed.`, `${whereZh}：无法划分等价类，未检查 k-匿名和 l-多样性。`);
    usable = false;
  }
  missing(table.sensitive, 'sensitive column');
  const qiIdx = qiNames.map((n) => index.get(normaliseCell(n)) ?? -1);
  const sensitive = table.sensitive.filter((n) => index.has(normaliseCell(n)));
  const sensitiveIdx = sensitive.map((n) => index.get(normaliseCell(n))!);
  // Distinct values beyond l change nothing, so each class keeps at most l of them.
  const cap = thresholds.lDiversity;
  const classes = new Map<string, EquivalenceClass>();
  const qiList = qiNames.map((n) => `"${n}"`).join(', ');
  // Quasi-identifiers and sensitive columns repeat a few values a million times: their
  // normalised forms (NFKC is not cheap) are remembered, up to a bound.
  const normalisedCache = new Map<string, string>();
  const quotedCache = new Map<string, string>();
  const normalised = (cell: Cell): string => {
    if (cell === null || cell === undefined) return '';
    let value = normalisedCache.get(cell);
    if (value === undefined) {
      value = normaliseCell(cell);
      if (normalisedCache.size >= CACHED_VALUES) normalisedCache.clear();
      // A fresh copy as the key: a cell sliced from a parsed window would keep the window alive.
      normalisedCache.set(ownCopy(cell), value);
    }
    return value;
  };
  const quoted = (cell: Cell): string => {
    const raw = cell ?? '';
    let value = quotedCache.get(raw);
    if (value === undefined) {
      value = JSON.stringify(normaliseCell(raw));
      if (quotedCache.size >= CACHED_VALUES) quotedCache.clear();
      quotedCache.set(ownCopy(raw), value);
    }
    return value;
  };
  const qiListZh = qiNames.map((n) => `“${n}”`).join('、');

  /**
   * The class of a row. Rows repeat a few combinations of raw quasi-identifier values, so a
   * tree of maps keyed by the raw values (as they are, no normalising or key building) leads
   * to the class; a combination not seen yet takes the keyed way, JSON.stringify of the
   * normalised values, which is what `state()` and `absorb()` exchange.
   */
  const byRaw = new Map<string, unknown>();
  let rawLeaves = 0;
  const classOf = (row: number, cells: readonly Cell[]): EquivalenceClass => {
    let level = byRaw;
    for (let q = 0; q < qiIdx.length; q++) {
      const next = level.get(cells[qiIdx[q]!] ?? '');
      if (next === undefined) break;
      if (q === qiIdx.length - 1) return next as EquivalenceClass;
      level = next as Map<string, unknown>;
    }
    let key = '[';
    for (let q = 0; q < qiIdx.length; q++) {
      if (q > 0) key += ',';
      key += quoted(cells[qiIdx[q]!]);
    }
    key += ']';
    let c = classes.get(key);
    if (!c) classes.set(key, (c = { size: 0, rows: new RowList(), first: row, distinct: sensitive.map(() => new Set<string>()) }));
    if (rawLeaves < RAW_LEAVES) {
      rawLeaves++;
      let at = byRaw;
      for (let q = 0; q < qiIdx.length; q++) {
        const raw = ownCopy(cells[qiIdx[q]!] ?? '');
        if (q === qiIdx.length - 1) {
          at.set(raw, c);
        } else {
          let next = at.get(raw) as Map<string, unknown> | undefined;
          if (!next) at.set(raw, (next = new Map()));
          at = next;
        }
      }
    }
    return c;
  };

  return {
    classes,

    add(row: number, cells: readonly Cell[]) {
      if (!usable) return;
      const c = classOf(row, cells);
      c.size += 1;
      c.rows.add(row);
      if (row < c.first) c.first = row;
      for (let s = 0; s < sensitiveIdx.length; s++) {
        const set = c.distinct[s]!;
        if (set.size >= cap) continue;
        const value = normalised(cells[sensitiveIdx[s]!]);
        if (value !== '') set.add(value);
      }
    },

    state(): MicrodataState {
      return { classes: [...classes].map(([key, c]) => [key, c.size, c.rows.list(), c.first, c.distinct.map((d) => [...d])]) };
    },

    absorb(state: MicrodataState, rowOffset: number) {
      for (const [key, size, rows, first, distinct] of state.classes) {
        let c = classes.get(key);
        if (!c) classes.set(key, (c = { size: 0, rows: new RowList(), first: first + rowOffset, distinct: sensitive.map(() => new Set<string>()) }));
        c.size += size;
        for (const row of rows) c.rows.add(row + rowOffset);
        c.first = Math.min(c.first, first + rowOffset);
        c.distinct.forEach((set, s) => {
          for (const v of distinct[s] ?? []) if (set.size < cap) set.add(v);
        });
      }
    },

    merge(other: MicrodataAccumulator) {
      for (const [key, o] of other.classes) {
        const c = classes.get(key);
        if (!c) {
          classes.set(key, { size: o.size, rows: o.rows, first: o.first, distinct: o.distinct.map((d) => new Set(d)) });
          continue;
        }
        c.size += o.size;
        // RowList counts every add; keep the true size in `size` and only the rows here.
        for (const row of o.rows.list()) c.rows.add(row);
        c.first = Math.min(c.first, o.first);
        c.distinct.forEach((set, s) => {
          for (const v of o.distinct[s]!) if (set.size < cap) set.add(v);
        });
      }
    },

    finish(): SdcResult {
      const findings: Finding[] = [];
      if (!usable || classes.size === 0) return { findings, notes: notes.en, notesZh: notes.zh };
      const all = [...classes.values()];
      const bySize = (a: EquivalenceClass, b: EquivalenceClass) => a.size - b.size || a.first - b.first;

      const k = thresholds.kAnonymity;
      const belowK = all.filter((c) => c.size < k).sort(bySize);
      if (belowK.length > 0) {
        const rows = belowK.reduce((n, c) => n + c.size, 0);
        const smallest = belowK[0]!.size;
        findings.push(
          makeFinding(
            'sdc.k-anonymity',
            `${where}: the smallest equivalence class on (${qiList}) has ${plural(smallest, 'row')}, below k = ${k}; ${plural(belowK.length, 'class', 'classes')} holding ${plural(rows, 'row')} ${belowK.length === 1 ? 'is' : 'are'} below k. Generalise or suppress the quasi-identifiers of these rows.`,
            { file: target.file, ...(target.sheet === undefined ? {} : { sheet: target.sheet }), rows: rowsOf(belowK) },
            {
              count: rows,
              evidence: belowK.slice(0, EVIDENCE_CLASSES).map((c) => describeClass(c).en),
              evidenceZh: belowK.slice(0, EVIDENCE_CLASSES).map((c) => describeClass(c).zh),
              zh: `${whereZh}：按准标识符（${qiListZh}）划分的最小等价类只有 ${smallest} 行，低于 k = ${k}；共有 ${belowK.length} 个等价类（合计 ${rows} 行）低于 k。应对这些行的准标识符进行泛化或抑制。`,
            },
          ),
        );
      }

      const l = thresholds.lDiversity;
      sensitive.forEach((column, s) => {
        // A class with no value at all in the column discloses nothing through it.
        const distinct = (c: EquivalenceClass) => c.distinct[s]!.size;
        const failing = all.filter((c) => distinct(c) > 0 && distinct(c) < l).sort((a, b) => distinct(a) - distinct(b) || bySize(a, b));
        if (failing.length === 0) return;
        const rows = failing.reduce((n, c) => n + c.size, 0);
        findings.push(
          makeFinding(
            'sdc.l-diversity',
            `${where}: ${plural(failing.length, 'equivalence class', 'equivalence classes')} on (${qiList}) holding ${plural(rows, 'row')} ${failing.length === 1 ? 'has' : 'have'} fewer than ${l} distinct values of "${column}", so knowing a person's class tells their "${column}" (or narrows it to fewer than ${l}).`,
            at(target, column, rowsOf(failing)),
            {
              count: rows,
              evidence: failing.slice(0, EVIDENCE_CLASSES).map((c) => describeClass(c, distinct(c)).en),
              evidenceZh: failing.slice(0, EVIDENCE_CLASSES).map((c) => describeClass(c, distinct(c)).zh),
              zh: `${whereZh}：按准标识符（${qiListZh}）划分的 ${failing.length} 个等价类（合计 ${rows} 行）中，“${column}”的不同取值少于 ${l} 个，知道某人所属的等价类即可得知其“${column}”（或将范围缩小到少于 ${l} 个取值）。`,
            },
          ),
        );
      });
      return { findings: sortFindings(findings), notes: notes.en, notesZh: notes.zh };
    },
  };
}
