/**
 * What the statistical disclosure-control evaluators (RULES.md "Statistical disclosure", DOMAIN.md
 * §5(2)) share: the thresholds of a policy with the RULES.md defaults, strict readers of count,
 * amount, suppressed and total-label cells, and a bounded list of the first rows of a finding.
 * Everything here is pure and keeps no table in memory.
 */
import { MAX_LISTED_ROWS, type Finding } from '../../formats/findings';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../formats/policy';

/** The part of a manifest's `table` block (FORMATS.md §1) the SDC rules read. */
export type SdcTable = {
  kind: 'microdata' | 'aggregate';
  sheet?: string | undefined;
  quasiIdentifiers: readonly string[];
  sensitive: readonly string[];
  countColumn: string | null;
  magnitude: { totalColumn: string; largestColumns: readonly string[] } | null;
};

/** Where a table's findings point: its file and, for a workbook, its sheet. */
export type SdcTarget = { file: string; sheet?: string | undefined };

/** One cell as a table reader hands it over; `null`/`undefined` is an absent cell. */
export type Cell = string | null | undefined;

/**
 * The result of one table: the findings, and notes on what could not be checked (a declared
 * column missing from the header, no quasi-identifiers declared) so the caller can tell the
 * reviewer instead of passing silently — in English (`notes`) and the same notes in Chinese
 * (`notesZh`), line for line.
 */
export type SdcResult = { findings: Finding[]; notes: string[]; notesZh: string[] };

/** The notes of an evaluator, kept in English and Chinese side by side. */
export class SdcNotes {
  readonly en: string[] = [];
  readonly zh: string[] = [];

  add(en: string, zh: string): void {
    this.en.push(en);
    this.zh.push(zh);
  }
}

/**
 * A streaming evaluator: feed every data row once with its 1-based row number, then call
 * `finish` once. Memory is bounded by the table's structure (classes, groups), not its rows.
 */
export type SdcAccumulator = {
  add(row: number, cells: readonly Cell[]): void;
  finish(): SdcResult;
};

/** A policy's `thresholds`, possibly partial (as written) or absent. */
export type ThresholdsInput = Partial<Omit<Thresholds, 'dominance'>> & { dominance?: Partial<Thresholds['dominance']> };

/** The policy's SDC thresholds (FORMATS.md §2), each one absent falling back to RULES.md's default. */
export function sdcThresholds(policy: { thresholds?: ThresholdsInput | undefined } | null | undefined): Thresholds {
  const t = policy?.thresholds ?? {};
  return {
    minCellCount: t.minCellCount ?? DEFAULT_THRESHOLDS.minCellCount,
    zerosDisclosive: t.zerosDisclosive ?? DEFAULT_THRESHOLDS.zerosDisclosive,
    dominance: { n: t.dominance?.n ?? DEFAULT_THRESHOLDS.dominance.n, k: t.dominance?.k ?? DEFAULT_THRESHOLDS.dominance.k },
    pRatio: t.pRatio ?? DEFAULT_THRESHOLDS.pRatio,
    kAnonymity: t.kAnonymity ?? DEFAULT_THRESHOLDS.kAnonymity,
    lDiversity: t.lDiversity ?? DEFAULT_THRESHOLDS.lDiversity,
  };
}

/** NFKC (full-width digits, commas and letters to ASCII) and trimmed; an absent cell is `''`. */
export function normaliseCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return cell.normalize('NFKC').trim();
}

// A count: a non-negative integer, plain or with correctly grouped thousands separators. No
// leading zeros (`007` is an id), no sign, no decimals, no exponent, no percent, no unit.
const COUNT = /^(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)$/;
// An amount: a decimal number, optionally signed, with optional grouped thousands separators.
const AMOUNT = /^-?(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * The count a cell holds, or null when it is not strictly a count: amounts with decimals,
 * percentages, dates, ids with leading zeros, text and empty cells are not counts.
 */
export function parseCount(cell: Cell): number | null {
  const s = normaliseCell(cell);
  if (!COUNT.test(s)) return null;
  const n = Number(s.replaceAll(',', ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** The amount a magnitude cell holds (e.g. revenue `1,234.50`), or null when it is not a plain number. */
export function parseAmount(cell: Cell): number | null {
  const s = normaliseCell(cell);
  if (!AMOUNT.test(s)) return null;
  const n = Number(s.replaceAll(',', ''));
  return Number.isFinite(n) ? n : null;
}

// Markers statistical offices use for a suppressed cell: empty, `*`, `-` (and dashes), `x`,
// `..`, `...`/`…` (NFKC turns `…` into `...`), `c` / `[c]` (ONS "confidential"), `<10`.
const SUPPRESSED = /^(?:|\*+|[-‐‑–—−]+|x+|\.\.\.?|c|\[(?:c|x)\]|<\s*\d+)$/i;

/** True when a cell holds a suppression marker rather than a value. */
export function isSuppressed(cell: Cell): boolean {
  return SUPPRESSED.test(normaliseCell(cell));
}

// Labels of a margin. `小计`/`subtotal` close a block; the others are grand totals.
const SUBTOTAL_LABELS = new Set(['小计', 'subtotal', 'sub-total', 'sub total']);
const TOTAL_LABELS = new Set(['合计', '总计', '总数', '共计', '全部', '总体', 'total', 'grand total', 'all', 'sum']);

/**
 * Whether a label (a row's label cell, or a column header) names a margin: `'subtotal'` for
 * 小计/Subtotal, `'total'` for 合计/总计/Total/All…, else null. Case, full-width forms, a
 * trailing colon and a trailing unit in brackets (`合计（人）`, `Total (n)`) are ignored.
 */
export function totalLabel(cell: Cell): 'total' | 'subtotal' | null {
  const s = normaliseCell(cell)
    .toLowerCase()
    .replace(/\s*\([^()]*\)$/, '')
    .replace(/[:\s]+$/, '')
    .replace(/\s+/g, ' ');
  if (SUBTOTAL_LABELS.has(s)) return 'subtotal';
  if (TOTAL_LABELS.has(s)) return 'total';
  return null;
}

/**
 * The rows of a finding: the true count, and the smallest `MAX_LISTED_ROWS` row numbers seen
 * (rows may arrive out of order from parallel workers), returned sorted.
 */
export class RowList {
  private readonly rows: number[] = [];
  private max = 0;
  count = 0;

  add(row: number): void {
    this.count += 1;
    if (this.rows.length < MAX_LISTED_ROWS) {
      this.rows.push(row);
      if (row > this.max) this.max = row;
      return;
    }
    if (row >= this.max) return;
    this.rows[this.rows.indexOf(this.max)] = row;
    this.max = Math.max(...this.rows);
  }

  list(): number[] {
    return [...this.rows].sort((a, b) => a - b);
  }
}

/** `"data/x.csv"` or `"data/x.xlsx", sheet "表1"`. */
export function tableLabel(target: SdcTarget): string {
  return target.sheet === undefined ? `"${target.file}"` : `"${target.file}", sheet "${target.sheet}"`;
}

/** The finding location of a column of the target table. */
export function at(target: SdcTarget, column: string, rows: number[]): { file: string; sheet?: string; column: string; rows: number[] } {
  return { file: target.file, ...(target.sheet === undefined ? {} : { sheet: target.sheet }), column, rows };
}

/** `第 1 行`, `第 1、2、3 行`; with `more`, `第 1、2、3 行等`. */
export function rowsZh(rows: readonly number[], more = false): string {
  return `第 ${rows.join('、')} 行${more ? '等' : ''}`;
}

/** `1 row`, `3 rows`; `plural(2, 'class', 'classes')`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
