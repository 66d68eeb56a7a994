/**
 * Tests of the microdata rules: k-anonymity over the quasi-identifiers and distinct l-diversity
 * over the sensitive columns — a table that fires each and one that must not, policy thresholds,
 * findings that name columns, class sizes and rows but no values, capped row lists, merging
 * of parallel parts and a deterministic order.
 */
import { describe, expect, it } from 'vitest';
import { Finding } from '../../formats/findings';
import { evidenceZhProblems } from '../../formats/testing';
import { DEFAULT_THRESHOLDS } from '../../formats/policy';
import type { SdcTable, ThresholdsInput } from './common';
import { createMicrodataAccumulator, evaluateSdcTable } from './index';

const TABLE: SdcTable = { kind: 'microdata', quasiIdentifiers: ['district', 'age_band'], sensitive: ['diagnosis'], countColumn: null, magnitude: null };
const COLUMNS = ['id', 'district', 'age_band', 'diagnosis'];

function run(rows: string[][], thresholds?: ThresholdsInput, table: SdcTable = TABLE) {
  const result = evaluateSdcTable({ target: { file: 'data/micro.csv' }, table, columns: COLUMNS, rows, policy: thresholds ? { thresholds } : null });
  for (const f of result.findings) {
    Finding.parse(f);
    // Every evidence line has its Chinese, with the same numbers and nothing more.
    expect(evidenceZhProblems(f)).toEqual([]);
  }
  expect(result.notesZh).toHaveLength(result.notes.length);
  return result;
}

/** `n` rows of one class with the given diagnoses, cycling. */
const cls = (district: string, age: string, n: number, diagnoses: string[]) =>
  Array.from({ length: n }, (_, i) => [`P${district}${age}${i}`, district, age, diagnoses[i % diagnoses.length]!]);

describe('sdc.k-anonymity', () => {
  it('reports the smallest classes, their sizes and rows, without their values', () => {
    const rows = [...cls('西湖区', '30-34', 5, ['A', 'B']), ...cls('滨江区', '35-39', 2, ['A', 'B']), ...cls('上城区', '90+', 1, ['C'])];
    const { findings } = run(rows);
    const k = findings.find((f) => f.rule === 'sdc.k-anonymity')!;
    expect(k).toMatchObject({ severity: 'block', clause: '§5(2)', count: 3, location: { file: 'data/micro.csv', rows: [6, 7, 8] } });
    expect(k.message).toContain('has 1 row, below k = 5');
    expect(k.message).toContain('"district", "age_band"');
    expect(k.evidence).toEqual(['class of 1 row: row 8', 'class of 2 rows: rows 6, 7']);
    expect(k.evidenceZh).toEqual(['1 行的等价类：第 8 行', '2 行的等价类：第 6、7 行']);
    const text = JSON.stringify(findings);
    for (const value of ['西湖区', '滨江区', '上城区', '90+', '35-39', 'P上城区']) expect(text).not.toContain(value);
  });

  it('does not fire when every class has at least k rows', () => {
    const rows = [...cls('西湖区', '30-34', 5, ['A', 'B']), ...cls('滨江区', '35-39', 6, ['A', 'C'])];
    expect(run(rows).findings).toEqual([]);
  });

  it('treats full-width and padded values as the same class', () => {
    const rows = [...cls('西湖区', '30-34', 4, ['A', 'B']), ['x', ' 西湖区 ', '３０-３４', 'C']];
    expect(run(rows).findings).toEqual([]);
  });

  it('takes k from the policy', () => {
    const rows = [...cls('西湖区', '30-34', 3, ['A', 'B']), ...cls('滨江区', '35-39', 3, ['A', 'B'])];
    expect(rules(run(rows))).toEqual(['sdc.k-anonymity']);
    expect(run(rows, { kAnonymity: 3 }).findings).toEqual([]);
  });

  it('lists at most 100 rows, smallest classes first, with the true count', () => {
    // 150 unique rows, then a class of 2 at the end: all 151 rows are in classes below 5.
    const rows = [...Array.from({ length: 150 }, (_, i) => [`${i}`, `d${i}`, '20-24', 'A']), ...cls('z', '20-24', 2, ['A', 'B'])];
    const k = run(rows).findings.find((f) => f.rule === 'sdc.k-anonymity')!;
    expect(k.count).toBe(152);
    expect(k.location.rows).toHaveLength(100);
    expect(k.location.rows?.[0]).toBe(1);
    expect(k.evidence).toHaveLength(10);
    expect(k.evidenceZh).toHaveLength(10);
  });

  it('lists at most 10 rows of a class, saying that there are more', () => {
    const rows = [...cls('西湖区', '30-34', 12, ['A', 'B'])];
    const k = run(rows, { kAnonymity: 20 }).findings.find((f) => f.rule === 'sdc.k-anonymity')!;
    expect(k.evidence).toEqual(['class of 12 rows: rows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …']);
    expect(k.evidenceZh).toEqual(['12 行的等价类：第 1、2、3、4、5、6、7、8、9、10 行等']);
  });

  it('notes missing or undeclared quasi-identifiers instead of passing silently', () => {
    const missing = run([['1', 'a', 'b', 'c']], undefined, { ...TABLE, quasiIdentifiers: ['district', 'sex'] });
    expect(missing.findings).toEqual([]);
    expect(missing.notes.join(' ')).toContain('"sex" is not a column');
    expect(missing.notesZh).toEqual(['“data/micro.csv”：声明的准标识符“sex”不是该表的列。', '“data/micro.csv”：无法划分等价类，未检查 k-匿名和 l-多样性。']);
    const none = run([['1', 'a', 'b', 'c']], undefined, { ...TABLE, quasiIdentifiers: [] });
    expect(none.notes.join(' ')).toContain('no quasi-identifiers are declared');
    expect(none.notesZh).toEqual(['“data/micro.csv”：未声明准标识符，未检查 k-匿名和 l-多样性。']);
    const sensitive = evaluateSdcTable({ target: { file: 'data/m.xlsx', sheet: '表1' }, table: { ...TABLE, sensitive: ['diagnosis', 'income'] }, columns: ['district', 'age_band'], rows: [], policy: null });
    expect(sensitive.notes).toEqual(['"data/m.xlsx", sheet "表1": the sensitive column "diagnosis", "income" are not a column of the table.']);
    expect(sensitive.notesZh).toEqual(['“data/m.xlsx”的工作表“表1”：声明的敏感列“diagnosis”、“income”不是该表的列。']);
  });
});

const rules = (r: { findings: { rule: string }[] }) => r.findings.map((f) => f.rule);

describe('sdc.l-diversity', () => {
  it('warns on a class whose sensitive column has one distinct value', () => {
    const rows = [...cls('西湖区', '30-34', 5, ['A', 'B']), ...cls('滨江区', '35-39', 6, ['HIV'])];
    const { findings } = run(rows);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'sdc.l-diversity', severity: 'warn', clause: '§5(2)', count: 6, location: { column: 'diagnosis', rows: [6, 7, 8, 9, 10, 11] } });
    expect(findings[0]!.evidence).toEqual(['class of 6 rows with 1 distinct value: rows 6, 7, 8, 9, 10, 11']);
    expect(findings[0]!.evidenceZh).toEqual(['6 行的等价类（仅 1 个不同取值）：第 6、7、8、9、10、11 行']);
    expect(JSON.stringify(findings)).not.toContain('HIV');
  });

  it('does not warn when every class has l distinct values, nor on a class with no value at all', () => {
    const rows = [...cls('西湖区', '30-34', 5, ['A', 'B']), ...cls('滨江区', '35-39', 5, [''])];
    expect(run(rows).findings).toEqual([]);
  });

  it('takes l from the policy', () => {
    const rows = [...cls('西湖区', '30-34', 6, ['A', 'B'])];
    expect(run(rows).findings).toEqual([]);
    expect(rules(run(rows, { lDiversity: 3 }))).toEqual(['sdc.l-diversity']);
  });
});

describe('microdata output', () => {
  it('is deterministic, k-anonymity (block) before l-diversity (warn)', () => {
    const rows = [...cls('上城区', '90+', 1, ['C']), ...cls('西湖区', '30-34', 5, ['A', 'B'])];
    const a = run(rows);
    expect(rules(a)).toEqual(['sdc.k-anonymity', 'sdc.l-diversity']);
    expect(JSON.stringify(run(rows))).toBe(JSON.stringify(a));
  });

  it('gives the same findings when parts fed to separate accumulators are merged', () => {
    const rows = [...cls('西湖区', '30-34', 5, ['A']), ...cls('滨江区', '35-39', 2, ['A', 'B']), ...cls('上城区', '90+', 6, ['A', 'B'])];
    const options = { target: { file: 'data/micro.csv' }, table: TABLE, columns: COLUMNS, thresholds: DEFAULT_THRESHOLDS };
    const first = createMicrodataAccumulator(options);
    const second = createMicrodataAccumulator(options);
    rows.forEach((cells, i) => (i % 2 === 0 ? second : first).add(i + 1, cells));
    first.merge(second);
    expect(first.finish()).toEqual(run(rows));
  });

  it('gives the same findings when parts counted in other threads are absorbed as plain state', () => {
    const rows = [...cls('西湖区', '30-34', 5, ['A']), ...cls('滨江区', '35-39', 2, ['A', 'B']), ...cls('上城区', '90+', 6, ['A', 'B']), ...cls('西湖区', '30-34', 1, ['B'])];
    const options = { target: { file: 'data/micro.csv' }, table: TABLE, columns: COLUMNS, thresholds: DEFAULT_THRESHOLDS };
    // Three parts, each numbering its rows from 1, their states cloned as a worker's message would be.
    const cuts = [0, 4, 9, rows.length];
    const whole = createMicrodataAccumulator(options);
    for (let p = 0; p < 3; p++) {
      const part = createMicrodataAccumulator(options);
      rows.slice(cuts[p], cuts[p + 1]).forEach((cells, i) => part.add(i + 1, cells));
      whole.absorb(structuredClone(part.state()), cuts[p]!);
    }
    expect(whole.finish()).toEqual(run(rows));
  });
});
