/**
 * The statistical disclosure rules of an aggregate table (RULES.md, DOMAIN.md §5(2)) as a
 * streaming accumulator: `sdc.small-cell` on the count column, `sdc.dominance` and
 * `sdc.p-ratio` on the magnitude columns, and `sdc.secondary` — a suppressed cell that a
 * margin (a total row or a total column) gives back. Findings carry rows and counts, never a
 * cell's value.
 *
 * The secondary-disclosure heuristic, in full:
 * - Value columns are the declared `countColumn` and `magnitude.totalColumn`; label columns are
 *   all others but `magnitude.largestColumns` (a long table: `district, industry, n`). With
 *   neither declared the table is a cross-tab: label columns are the first column and the
 *   declared quasi-identifiers, value columns all the others.
 * - A row is a margin along label column j when its label there is a total label (合计, 总计,
 *   小计, Total, Subtotal, All… — see `totalLabel`). It is then the total of the rows that
 *   agree with it on every other label column, taken in row order: the rows since the previous
 *   margin of that group (a trailing total), or, when none came before, the rows up to the
 *   next one or the end (a leading total). A grand total that follows subtotals and no plain
 *   rows totals those subtotals. A row that is a margin along one label column is an ordinary
 *   member along the others, so `(合计, 合计)` totals the per-district `(西湖区, 合计)` rows.
 * - A column whose header is a total label is a total column: for each row it is the total of
 *   the row's other value columns. With more than one total column the row direction is not
 *   checked (which column totals which is not known).
 * - In each such group, per value column: when exactly one member is suppressed, every other
 *   member and the total are numbers and the difference is not negative, the suppressed cell
 *   is recoverable; when the total is suppressed and every member is a number, the total is.
 *   A cell that is neither a number nor a suppression marker (`12%`, `n/a`) makes the group
 *   unknown and it is not reported. Only single margins are used: two suppressed cells that a
 *   row and a column margin together give back are not found (no linear-programming audit).
 */
import { makeFinding, sortFindings, type Finding } from '../../formats/findings';
import type { Thresholds } from '../../formats/policy';
import { tableLabelZh } from '../messages-zh';
import {
  at,
  isSuppressed,
  normaliseCell,
  parseAmount,
  parseCount,
  plural,
  RowList,
  SdcNotes,
  tableLabel,
  totalLabel,
  type Cell,
  type SdcAccumulator,
  type SdcResult,
  type SdcTable,
  type SdcTarget,
} from './common';

export type AggregateOptions = {
  target: SdcTarget;
  table: SdcTable;
  /** The header of the table, in cell order. */
  columns: readonly string[];
  thresholds: Thresholds;
};

/** How many recoverable cells a secondary finding describes in its evidence. */
const EVIDENCE_LIMIT = 10;
/** Relative tolerance of the dominance comparison and of a margin that does not quite add up. */
const EPSILON = 1e-9;

/** The declared columns a note can name, in Chinese. */
const ROLE_ZH = {
  'count column': '计数列',
  'magnitude total column': '数值合计列',
  'largest-contributor column': '最大贡献者列',
} as const;

/** How a suppressed cell is recovered, for the evidence. */
type How = { en: string; zh: string };

/** What a group of member cells in one value column adds up to so far. */
type Sums = { members: number; suppressed: number; suppressedRow: number; sum: number; unknown: boolean };
/** A margin row, kept with its value cells only. */
type Margin = { row: number; kind: 'total' | 'subtotal'; values: Cell[] };
/** The state of one group (a label column and the values of the other label columns). */
type Group = { data: Sums[]; sub: Sums[]; pending: Margin | null };

const emptySums = (): Sums => ({ members: 0, suppressed: 0, suppressedRow: 0, sum: 0, unknown: false });

function addTo(sums: Sums, row: number, cell: Cell): void {
  sums.members += 1;
  if (isSuppressed(cell)) {
    sums.suppressed += 1;
    sums.suppressedRow = row;
    return;
  }
  const value = parseAmount(cell);
  if (value === null) sums.unknown = true;
  else sums.sum += value;
}

/**
 * The cell a margin gives back, if any: the one suppressed member (its row), the suppressed
 * total (`'total'`), or null.
 */
function recoverable(sums: Sums, total: Cell): number | 'total' | null {
  if (sums.unknown || sums.members === 0) return null;
  if (sums.suppressed === 1) {
    const t = parseAmount(total);
    if (t === null) return null;
    return t - sums.sum >= -EPSILON * Math.max(1, Math.abs(t)) ? sums.suppressedRow : null;
  }
  if (sums.suppressed === 0 && isSuppressed(total)) return 'total';
  return null;
}

/** Header positions by NFKC-trimmed name (the first of duplicates). */
function indexColumns(columns: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    const key = normaliseCell(name);
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}

/** Creates the streaming evaluator of an aggregate table's SDC rules. */
export function createAggregateAccumulator(options: AggregateOptions): SdcAccumulator {
  const { target, table, columns, thresholds } = options;
  const where = tableLabel(target);
  const whereZh = tableLabelZh(target.file, target.sheet);
  const notes = new SdcNotes();
  const index = indexColumns(columns);
  const find = (name: string, role: keyof typeof ROLE_ZH): number | null => {
    const i = index.get(normaliseCell(name));
    if (i === undefined) {
      notes.add(
        `${where}: the ${role} "${name}" is not a column of the table; the rules that read it were not checked.`,
        `${whereZh}：声明的${ROLE_ZH[role]}“${name}”不是该表的列，依赖该列的规则未予检查。`,
      );
      return null;
    }
    return i;
  };

  const countIdx = table.countColumn === null ? null : find(table.countColumn, 'count column');
  const totalIdx = table.magnitude === null ? null : find(table.magnitude.totalColumn, 'magnitude total column');
  const largestIdx = (table.magnitude?.largestColumns ?? []).map((c) => find(c, 'largest-contributor column'));
  const magnitudeOk = totalIdx !== null && largestIdx.length > 0 && largestIdx.every((i) => i !== null);
  const largest = largestIdx.filter((i): i is number => i !== null);
  if (magnitudeOk && largest.length < 2) {
    notes.add(
      `${where}: only one largest-contributor column is declared; the p-ratio needs the two largest and was not checked.`,
      `${whereZh}：只声明了一个最大贡献者列，p 比例规则需要最大的两个贡献者，未予检查。`,
    );
  }

  // Value and label columns for secondary disclosure (see the module comment).
  const largestSet = new Set(largest);
  const declaredValues = [countIdx, totalIdx].filter((i): i is number => i !== null);
  let valueIdx: number[];
  let labelIdx: number[];
  if (table.countColumn !== null || table.magnitude !== null) {
    valueIdx = [...new Set(declaredValues)];
    labelIdx = columns.map((_, i) => i).filter((i) => !valueIdx.includes(i) && !largestSet.has(i));
  } else {
    const qis = new Set(table.quasiIdentifiers.map((q) => index.get(normaliseCell(q))).filter((i): i is number => i !== undefined));
    labelIdx = columns.length > 0 ? [0, ...[...qis].filter((i) => i !== 0).sort((a, b) => a - b)] : [];
    valueIdx = columns.map((_, i) => i).filter((i) => !labelIdx.includes(i) && !largestSet.has(i));
  }
  const totalColumns = valueIdx.filter((i) => totalLabel(columns[i]) !== null);
  const rowTotal = totalColumns.length === 1 ? totalColumns[0]! : null;
  const rowMembers = valueIdx.filter((i) => !totalColumns.includes(i));
  if (totalColumns.length > 1) {
    notes.add(
      `${where}: ${totalColumns.length} columns are named as totals; secondary disclosure along rows was not checked.`,
      `${whereZh}：有 ${totalColumns.length} 列的列名表示合计，无法确定各合计列对应哪些列，未检查沿行方向的二次泄露。`,
    );
  }

  const small = new RowList();
  let zeros = 0;
  const dominance = new RowList();
  const pRatio = new RowList();
  const groups = new Map<string, Group>();
  /** Recoverable cells: value column → row → how, in English and Chinese. */
  const recovered = new Map<number, Map<number, How>>();

  const markRecovered = (column: number, row: number, how: How) => {
    let rows = recovered.get(column);
    if (!rows) recovered.set(column, (rows = new Map<number, How>()));
    if (!rows.has(row)) rows.set(row, how);
  };

  /** Checks one group's members against its margin, column by column. */
  const settle = (sums: Sums[], margin: Margin) => {
    valueIdx.forEach((column, v) => {
      const hit = recoverable(sums[v]!, margin.values[v]);
      if (hit === 'total') {
        markRecovered(column, margin.row, {
          en: `row ${margin.row}: the suppressed total is the sum of ${plural(sums[v]!.members, 'cell')} above or below it`,
          zh: `第 ${margin.row} 行：被抑制的合计等于其上方或下方 ${sums[v]!.members} 个单元格之和`,
        });
      } else if (hit !== null) {
        markRecovered(column, hit, {
          en: `row ${hit}: recoverable from the ${margin.kind} row ${margin.row}`,
          zh: `第 ${hit} 行：可由第 ${margin.row} 行（${margin.kind === 'total' ? '合计' : '小计'}行）反推`,
        });
      }
    });
  };

  const groupOf = (key: string): Group => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { data: valueIdx.map(emptySums), sub: valueIdx.map(emptySums), pending: null }));
    return g;
  };

  const onMargin = (g: Group, margin: Margin) => {
    if (g.pending) {
      // The previous margin led its block: the rows since are its members.
      if (g.data[0] && g.data[0].members > 0) settle(g.data, g.pending);
      g.data = valueIdx.map(emptySums);
      g.pending = null;
    }
    const hasData = (g.data[0]?.members ?? 0) > 0;
    const hasSub = (g.sub[0]?.members ?? 0) > 0;
    if (hasData) {
      settle(g.data, margin);
      g.data = valueIdx.map(emptySums);
      if (margin.kind === 'subtotal') g.sub.forEach((s, v) => addTo(s, margin.row, margin.values[v]));
    } else if (margin.kind === 'total' && hasSub) {
      settle(g.sub, margin);
    } else {
      g.pending = margin;
    }
    if (margin.kind === 'total') g.sub = valueIdx.map(emptySums);
  };

  const secondary = (row: number, cells: readonly Cell[]) => {
    if (valueIdx.length === 0) return;
    const values = valueIdx.map((i) => cells[i]);
    const labels = labelIdx.map((i) => normaliseCell(cells[i]));
    const kinds = labelIdx.map((i) => totalLabel(cells[i]));
    labelIdx.forEach((_, j) => {
      const key = JSON.stringify([j, ...labels.filter((_, o) => o !== j)]);
      const g = groupOf(key);
      const kind = kinds[j];
      if (kind) onMargin(g, { row, kind, values });
      else g.data.forEach((s, v) => addTo(s, row, values[v]));
    });
    if (rowTotal !== null && rowMembers.length > 0) {
      const sums = emptySums();
      for (const i of rowMembers) addTo(sums, row, cells[i]);
      const hit = recoverable(sums, cells[rowTotal]);
      const header = columns[rowTotal] ?? '';
      if (hit === 'total') {
        markRecovered(rowTotal, row, {
          en: `row ${row}: the suppressed total is the sum of the row's ${plural(rowMembers.length, 'cell')}`,
          zh: `第 ${row} 行：被抑制的合计等于该行 ${rowMembers.length} 个单元格之和`,
        });
      } else if (hit !== null) {
        const column = rowMembers.find((i) => isSuppressed(cells[i]))!;
        markRecovered(column, row, { en: `row ${row}: recoverable from the total column "${header}"`, zh: `第 ${row} 行：可由合计列“${header}”反推` });
      }
    }
  };

  const magnitudeRules = (row: number, cells: readonly Cell[]) => {
    if (!magnitudeOk) return;
    const total = parseAmount(cells[totalIdx]);
    if (total === null || total <= 0) return;
    const xs: number[] = [];
    for (const i of largest) {
      // An empty largest-contributor cell is a contributor that does not exist (a cell with one
      // contributor has no second); any other non-number makes the cell unknown.
      const raw = normaliseCell(cells[i]);
      const x = raw === '' ? 0 : parseAmount(raw);
      if (x === null || x < 0) return;
      xs.push(x);
    }
    xs.sort((a, b) => b - a);
    const all = xs.reduce((a, b) => a + b, 0);
    if (all > total * (1 + EPSILON)) return; // the contributors exceed the total: inconsistent, not judged
    const top = xs.slice(0, thresholds.dominance.n).reduce((a, b) => a + b, 0);
    if (top >= thresholds.dominance.k * total * (1 - EPSILON)) dominance.add(row);
    const x1 = xs[0]!;
    if (xs.length >= 2 && x1 > 0 && (total - x1 - xs[1]!) / x1 < thresholds.pRatio) pRatio.add(row);
  };

  return {
    add(row, cells) {
      if (countIdx !== null) {
        const n = parseCount(cells[countIdx]);
        if (n !== null && ((n === 0 && thresholds.zerosDisclosive) || (n > 0 && n < thresholds.minCellCount))) {
          small.add(row);
          if (n === 0) zeros += 1;
        }
      }
      magnitudeRules(row, cells);
      secondary(row, cells);
    },

    finish(): SdcResult {
      for (const g of groups.values()) {
        if (g.pending && (g.data[0]?.members ?? 0) > 0) settle(g.data, g.pending);
      }
      groups.clear();
      const findings: Finding[] = [];
      if (countIdx !== null && small.count > 0) {
        const column = columns[countIdx]!;
        const below = small.count - zeros;
        const parts = [below > 0 ? `${below} below ${thresholds.minCellCount}` : '', zeros > 0 ? `${zeros} zero` : ''].filter(Boolean).join(', ');
        findings.push(
          makeFinding(
            'sdc.small-cell',
            `${where}: ${plural(small.count, 'cell')} of the count column "${column}" ${small.count === 1 ? 'is' : 'are'} disclosive (${parts}); the minimum cell count is ${thresholds.minCellCount}${thresholds.zerosDisclosive ? ' and zeros are disclosive' : ''}.`,
            at(target, column, small.list()),
            {
              count: small.count,
              evidence: [`below ${thresholds.minCellCount}: ${below}`, `zero: ${zeros}`],
              evidenceZh: [`低于 ${thresholds.minCellCount}：${below}`, `零值：${zeros}`],
              zh: `${whereZh}：计数列“${column}”中有 ${small.count} 个单元格存在泄露风险（${[below > 0 ? `${below} 个小于 ${thresholds.minCellCount}` : '', zeros > 0 ? `${zeros} 个为零` : ''].filter(Boolean).join('，')}）；最小单元格计数为 ${thresholds.minCellCount}${thresholds.zerosDisclosive ? '，零值单元格同样视为泄露' : ''}。`,
            },
          ),
        );
      }
      if (totalIdx !== null && dominance.count > 0) {
        const { n, k } = thresholds.dominance;
        findings.push(
          makeFinding(
            'sdc.dominance',
            `${where}: in ${plural(dominance.count, 'cell')} of "${columns[totalIdx]!}" the largest ${n} contributor${n === 1 ? '' : 's'} hold at least ${Math.round(k * 1000) / 10}% of the total ((n, k) = (${n}, ${k})).`,
            at(target, columns[totalIdx]!, dominance.list()),
            {
              count: dominance.count,
              evidence: [`(n, k) = (${n}, ${k})`],
              evidenceZh: [`(n, k) = (${n}, ${k})`],
              zh: `${whereZh}：列“${columns[totalIdx]!}”中有 ${dominance.count} 个单元格的最大 ${n} 个贡献者占合计的 ${Math.round(k * 1000) / 10}% 及以上（(n, k) = (${n}, ${k})），存在支配性泄露风险。`,
            },
          ),
        );
      }
      if (totalIdx !== null && pRatio.count > 0) {
        findings.push(
          makeFinding(
            'sdc.p-ratio',
            `${where}: in ${plural(pRatio.count, 'cell')} of "${columns[totalIdx]!}" the contributors other than the two largest hold less than ${thresholds.pRatio} of the largest ((total − x1 − x2) / x1 < p), so the second largest can estimate the largest closely.`,
            at(target, columns[totalIdx]!, pRatio.list()),
            {
              count: pRatio.count,
              evidence: [`p = ${thresholds.pRatio}`],
              evidenceZh: [`p = ${thresholds.pRatio}`],
              zh: `${whereZh}：列“${columns[totalIdx]!}”中有 ${pRatio.count} 个单元格除最大两个贡献者外，其余贡献者之和不足最大贡献者的 ${thresholds.pRatio}（(合计 − x1 − x2) / x1 < p），第二大贡献者可据此较准确地推算最大贡献者的数值。`,
            },
          ),
        );
      }
      for (const [column, rows] of [...recovered].sort((a, b) => a[0] - b[0])) {
        const list = new RowList();
        const ordered = [...rows].sort((a, b) => a[0] - b[0]);
        for (const [row] of ordered) list.add(row);
        findings.push(
          makeFinding(
            'sdc.secondary',
            `${where}: ${plural(list.count, 'suppressed cell')} of "${columns[column]!}" can be recovered from a total row or column; suppress a second cell in the same row and column, or the total.`,
            at(target, columns[column]!, list.list()),
            {
              count: list.count,
              evidence: ordered.slice(0, EVIDENCE_LIMIT).map(([, how]) => how.en),
              evidenceZh: ordered.slice(0, EVIDENCE_LIMIT).map(([, how]) => how.zh),
              zh: `${whereZh}：列“${columns[column]!}”中有 ${list.count} 个已抑制单元格可由合计行或合计列反推；应在同一行和同一列再抑制一个单元格，或抑制合计。`,
            },
          ),
        );
      }
      return { findings: sortFindings(findings), notes: notes.en, notesZh: notes.zh };
    },
  };
}
