/**
 * Tests of the aggregate-table rules: small cells and zeros on the count column, (n,k)
 * dominance and the p-ratio on the magnitude columns, and secondary disclosure through total
 * rows and columns — each with a table that fires it and one that must not, policy thresholds
 * overriding the defaults, capped row lists and a deterministic order.
 */
import { describe, expect, it } from 'vitest';
import { Finding } from '../../formats/findings';
import { evidenceZhProblems } from '../../formats/testing';
import type { SdcTable, ThresholdsInput } from './common';
import { evaluateSdcTable } from './index';

const LONG: SdcTable = { kind: 'aggregate', quasiIdentifiers: [], sensitive: [], countColumn: 'n', magnitude: null };
const MAGNITUDE: SdcTable = {
  kind: 'aggregate',
  quasiIdentifiers: [],
  sensitive: [],
  countColumn: null,
  magnitude: { totalColumn: 'revenue', largestColumns: ['top1', 'top2'] },
};
const CROSS: SdcTable = { kind: 'aggregate', quasiIdentifiers: [], sensitive: [], countColumn: null, magnitude: null };

function run(table: SdcTable, columns: string[], rows: string[][], thresholds?: ThresholdsInput) {
  const result = evaluateSdcTable({ target: { file: 'data/agg.csv' }, table, columns, rows, policy: thresholds ? { thresholds } : null });
  for (const f of result.findings) {
    Finding.parse(f);
    // Every evidence line has its Chinese, with the same numbers and nothing more.
    expect(evidenceZhProblems(f)).toEqual([]);
  }
  expect(result.notesZh).toHaveLength(result.notes.length);
  return result;
}
const rules = (r: { findings: { rule: string }[] }) => r.findings.map((f) => f.rule);

describe('sdc.small-cell', () => {
  const columns = ['district', 'industry', 'n'];

  it('fires on counts below 10 and on zeros, listing their rows', () => {
    const { findings } = run(LONG, columns, [
      ['西湖区', '制造业', '120'],
      ['西湖区', '服务业', '3'],
      ['滨江区', '制造业', '0'],
      ['滨江区', '服务业', '1,204'],
      ['上城区', '制造业', '９'],
    ]);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f).toMatchObject({ rule: 'sdc.small-cell', severity: 'block', clause: '§5(2)', count: 3, location: { file: 'data/agg.csv', column: 'n', rows: [2, 3, 5] } });
    expect(f.evidence).toEqual(['below 10: 2', 'zero: 1']);
    expect(f.evidenceZh).toEqual(['低于 10：2', '零值：1']);
    expect(f.messageZh).toBe('“data/agg.csv”：计数列“n”中有 3 个单元格存在泄露风险（2 个小于 10，1 个为零）；最小单元格计数为 10，零值单元格同样视为泄露。');
  });

  it('does not fire on a table without small cells, nor on amounts, percentages, dates, ids or suppressed cells', () => {
    const { findings } = run(LONG, columns, [
      ['西湖区', '制造业', '120'],
      ['西湖区', '服务业', '3.5'],
      ['滨江区', '制造业', '5%'],
      ['滨江区', '服务业', '2024-01-05'],
      ['上城区', '制造业', '007'],
      ['上城区', '服务业', '*'],
      ['拱墅区', '制造业', ''],
      ['拱墅区', '服务业', '12'],
    ]);
    expect(findings.filter((f) => f.rule === 'sdc.small-cell')).toEqual([]);
  });

  it('does not read small numbers in other columns as counts', () => {
    const { findings } = run(LONG, ['district', 'year', 'n'], [['西湖区', '3', '40']]);
    expect(findings).toEqual([]);
  });

  it('takes minCellCount and zerosDisclosive from the policy', () => {
    const rows = [
      ['a', 'x', '0'],
      ['b', 'x', '7'],
      ['c', 'x', '12'],
    ];
    expect(run(LONG, columns, rows, { minCellCount: 5, zerosDisclosive: false }).findings).toEqual([]);
    expect(run(LONG, columns, rows, { minCellCount: 15 }).findings[0]).toMatchObject({ count: 3, location: { rows: [1, 2, 3] } });
  });

  it('lists at most 100 rows and counts them all', () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`d${i}`, 'x', '2']);
    const f = run(LONG, columns, rows).findings[0]!;
    expect(f.count).toBe(150);
    expect(f.location.rows).toHaveLength(100);
    expect(f.location.rows?.[99]).toBe(100);
  });

  it('notes a count column the header lacks instead of passing silently', () => {
    const result = run(LONG, ['district', 'industry', 'count'], [['a', 'b', '1']]);
    expect(result.findings).toEqual([]);
    expect(result.notes.join(' ')).toContain('"n" is not a column');
    expect(result.notesZh).toEqual(['“data/agg.csv”：声明的计数列“n”不是该表的列，依赖该列的规则未予检查。']);
  });

  it('notes in English and Chinese what it could not check on the magnitude and total columns', () => {
    const magnitude: SdcTable = { ...MAGNITUDE, magnitude: { totalColumn: 'revenue', largestColumns: ['top1'] } };
    const one = run(magnitude, ['district', 'revenue', 'top1'], [['a', '100', '50']]);
    expect(one.notes).toEqual(['"data/agg.csv": only one largest-contributor column is declared; the p-ratio needs the two largest and was not checked.']);
    expect(one.notesZh).toEqual(['“data/agg.csv”：只声明了一个最大贡献者列，p 比例规则需要最大的两个贡献者，未予检查。']);
    const absent = run({ ...MAGNITUDE, magnitude: { totalColumn: 'turnover', largestColumns: ['top1', 'top2'] } }, ['district', 'revenue', 'top1', 'top2'], [['a', '100', '50', '10']]);
    expect(absent.notesZh).toEqual(['“data/agg.csv”：声明的数值合计列“turnover”不是该表的列，依赖该列的规则未予检查。']);
    const totals = run(CROSS, ['地区', '男', '合计', '总计'], [['西湖区', '1', '1', '1']]);
    expect(totals.notes).toEqual(['"data/agg.csv": 2 columns are named as totals; secondary disclosure along rows was not checked.']);
    expect(totals.notesZh).toEqual(['“data/agg.csv”：有 2 列的列名表示合计，无法确定各合计列对应哪些列，未检查沿行方向的二次泄露。']);
  });
});

describe('sdc.dominance and sdc.p-ratio', () => {
  const columns = ['district', 'revenue', 'top1', 'top2'];

  it('fires when the two largest reach 90% of the total, and the p-ratio when the rest is under 10% of the largest', () => {
    const { findings } = run(MAGNITUDE, columns, [
      ['西湖区', '1,000', '600', '350'], // 95%: dominance; (1000-950)/600 = 0.083 < 0.1: p-ratio
      ['滨江区', '1000', '500', '300'], // 80%, (200)/500 = 0.4: neither
      ['上城区', '500', '500', ''], // one contributor: both
    ]);
    expect(rules({ findings })).toEqual(['sdc.dominance', 'sdc.p-ratio']);
    expect(findings[0]).toMatchObject({ severity: 'block', clause: '§5(2)', count: 2, location: { column: 'revenue', rows: [1, 3] } });
    expect(findings[1]).toMatchObject({ count: 2, location: { column: 'revenue', rows: [1, 3] } });
    expect([findings[0]!.evidenceZh, findings[1]!.evidenceZh]).toEqual([['(n, k) = (2, 0.9)'], ['p = 0.1']]);
  });

  it('fires the p-ratio alone when dominance does not reach k', () => {
    // top2 = 88% < 90%; (1000 - 880) / 800 = 0.15 ≥ 0.1 — neither; with p = 0.2 the p-ratio fires.
    const rows = [['a', '1000', '80', '800']];
    expect(run(MAGNITUDE, columns, rows).findings).toEqual([]);
    expect(rules(run(MAGNITUDE, columns, rows, { pRatio: 0.2 }))).toEqual(['sdc.p-ratio']);
  });

  it('takes (n, k) from the policy', () => {
    const rows = [['a', '1000', '500', '300']];
    expect(rules(run(MAGNITUDE, columns, rows, { dominance: { k: 0.8 } }))).toEqual(['sdc.dominance']);
    expect(run(MAGNITUDE, columns, rows, { dominance: { n: 1, k: 0.6 } }).findings).toEqual([]);
  });

  it('does not judge cells it cannot read: suppressed, non-numeric, zero totals, contributors above the total', () => {
    const { findings } = run(MAGNITUDE, columns, [
      ['a', '*', '600', '350'],
      ['b', '1000', 'x', '350'],
      ['c', '0', '0', '0'],
      ['d', '100', '90', '80'],
      ['e', '95%', '90%', '1%'],
    ]);
    expect(findings).toEqual([]);
  });
});

describe('sdc.secondary', () => {
  it('finds a suppressed cell recoverable from a trailing total row', () => {
    const { findings } = run(CROSS, ['行业', '西湖区', '滨江区'], [
      ['制造业', '120', '*'],
      ['服务业', '80', '60'],
      ['合计', '200', '75'],
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'sdc.secondary', severity: 'warn', count: 1, location: { column: '滨江区', rows: [1] } });
    expect(findings[0]!.evidence).toEqual(['row 1: recoverable from the total row 3']);
    expect(findings[0]!.evidenceZh).toEqual(['第 1 行：可由第 3 行（合计行）反推']);
  });

  it('finds one recoverable from a leading total row and one from a total column', () => {
    const { findings } = run(CROSS, ['地区', '男', '女', '合计'], [
      ['总计', '300', '200', '500'],
      ['西湖区', '100', '-', '150'],
      ['滨江区', '200', '150', '350'],
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ location: { column: '女', rows: [2] }, count: 1 });
    // Found twice (the row and the column margin), reported once.
    expect(findings[0]!.evidence).toHaveLength(1);
    expect(findings[0]!.evidenceZh).toEqual(['第 2 行：可由合计列“合计”反推']);
  });

  it('finds a suppressed total that its cells add up to', () => {
    const { findings } = run(CROSS, ['行业', '西湖区'], [
      ['制造业', '120'],
      ['服务业', '80'],
      ['合计', 'x'],
    ]);
    expect(findings[0]).toMatchObject({ location: { column: '西湖区', rows: [3] } });
    expect(findings[0]!.evidence).toEqual(['row 3: the suppressed total is the sum of 2 cells above or below it']);
    expect(findings[0]!.evidenceZh).toEqual(['第 3 行：被抑制的合计等于其上方或下方 2 个单元格之和']);
  });

  it('finds cells recoverable along a row from its total column, and a suppressed row total', () => {
    const { findings } = run(CROSS, ['地区', '男', '女', '合计'], [
      ['西湖区', '100', '*', '150'],
      ['滨江区', '200', '150', 'x'],
    ]);
    expect(findings.map((f) => [f.location.column, f.evidence, f.evidenceZh])).toEqual([
      ['合计', ["row 2: the suppressed total is the sum of the row's 2 cells"], ['第 2 行：被抑制的合计等于该行 2 个单元格之和']],
      ['女', ['row 1: recoverable from the total column "合计"'], ['第 1 行：可由合计列“合计”反推']],
    ]);
  });

  it('uses subtotals per block and the grand total over the subtotals, in a long table too', () => {
    const table: SdcTable = { ...LONG };
    const { findings } = run(table, ['district', 'industry', 'n'], [
      ['西湖区', '制造业', '40'],
      ['西湖区', '服务业', '50'],
      ['西湖区', '合计', '90'],
      ['滨江区', '制造业', '30'],
      ['滨江区', '服务业', '20'],
      ['滨江区', '合计', '*'],
      ['合计', '合计', '140'],
    ]);
    // Row 6 is recoverable both as the sum of its block and from the grand total.
    expect(findings.filter((f) => f.rule === 'sdc.secondary')).toEqual([expect.objectContaining({ location: expect.objectContaining({ column: 'n', rows: [6] }) as unknown })]);
  });

  it('handles 小计 blocks in a cross-tab', () => {
    const { findings } = run(CROSS, ['类别', '人数'], [
      ['A1', '40'],
      ['A2', '..'],
      ['小计', '90'],
      ['B1', '30'],
      ['B2', '20'],
      ['小计', '50'],
      ['合计', '140'],
    ]);
    expect(findings.map((f) => f.location.rows)).toEqual([[2]]);
    expect(findings[0]!.evidenceZh).toEqual(['第 2 行：可由第 3 行（小计行）反推']);
  });

  it('does not fire when two cells are suppressed, no total exists, or the margin is a percentage', () => {
    const twoSuppressed = run(CROSS, ['行业', '西湖区'], [
      ['制造业', '*'],
      ['服务业', '*'],
      ['其他', '30'],
      ['合计', '200'],
    ]);
    const noTotal = run(CROSS, ['行业', '西湖区'], [
      ['制造业', '*'],
      ['服务业', '80'],
    ]);
    const percent = run(CROSS, ['行业', '占比'], [
      ['制造业', '*'],
      ['服务业', '40%'],
      ['合计', '100%'],
    ]);
    const inconsistent = run(CROSS, ['行业', '西湖区'], [
      ['制造业', '*'],
      ['服务业', '80'],
      ['合计', '50'],
    ]);
    for (const r of [twoSuppressed, noTotal, percent, inconsistent]) expect(r.findings).toEqual([]);
  });

  it('gives no finding for a fully published table with totals', () => {
    const { findings } = run(CROSS, ['行业', '西湖区', '滨江区', '合计'], [
      ['制造业', '120', '15', '135'],
      ['服务业', '80', '60', '140'],
      ['合计', '200', '75', '275'],
    ]);
    expect(findings).toEqual([]);
  });
});

describe('aggregate output', () => {
  it('is deterministic and sorted: block rules before warnings, same bytes on a second run', () => {
    const table: SdcTable = { ...LONG, magnitude: { totalColumn: 'revenue', largestColumns: ['top1', 'top2'] } };
    const columns = ['district', 'industry', 'n', 'revenue', 'top1', 'top2'];
    const rows = [
      ['西湖区', '制造业', '3', '1000', '990', '5'],
      ['西湖区', '服务业', '*', '500', '100', '100'],
      ['西湖区', '合计', '20', '1500', '990', '100'],
    ];
    const a = run(table, columns, rows);
    const b = run(table, columns, rows);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(rules(a)).toEqual(['sdc.dominance', 'sdc.p-ratio', 'sdc.small-cell', 'sdc.secondary']);
  });

  it('carries the sheet of a workbook table', () => {
    const { findings } = evaluateSdcTable({ target: { file: 'data/a.xlsx', sheet: '表1' }, table: LONG, columns: ['d', 'i', 'n'], rows: [['a', 'b', '2']], policy: null });
    expect(findings[0]!.location).toEqual({ file: 'data/a.xlsx', sheet: '表1', column: 'n', rows: [1] });
  });
});
