// The table diff: the key is the first column unique and non-empty in both revisions (else the
// row number), rows are matched by it and compared raw by hash, listed rows carry masked cells,
// columns only one revision has do not make every row changed, and large tables key by hash.
import { describe, expect, it } from 'vitest';
import { detectCell } from '../detect';
import type { Field } from '../formats/candidate';
import { Policy } from '../formats/policy';
import { createCellMasker } from './mask-cells';
import { HashIndex, STRING_KEY_ROWS, columnsToIgnore, createTableSide, describeRowChanges, matchTableRows, rowsToRead, type TableSideSummary } from './table-diff';

type Table = { columns: string[]; rows: string[][] };

/** Absorbs a table in batches of `batch` rows. */
function side(table: Table, ignore: ReadonlySet<string> = new Set(), batch = 3): TableSideSummary {
  const s = createTableSide({ ignore });
  for (let i = 0; i < table.rows.length; i += batch) s.absorb(table.rows.slice(i, i + batch), i + 1, table.columns);
  return s.finish(table.columns);
}

function diff(before: Table, after: Table, mask = (_c: string, v: string) => v, maxListed?: number) {
  const ignore = columnsToIgnore(before.columns, after.columns);
  const match = matchTableRows(side(before, ignore.before), side(after, ignore.after), maxListed === undefined ? {} : { maxListed });
  const wanted = rowsToRead(match.listed);
  const rowsOf = (t: Table, numbers: number[]) => new Map(numbers.map((n) => [n, t.rows[n - 1]!]));
  const rows = describeRowChanges(
    match.listed,
    match.keyColumns,
    { columns: before.columns, rows: rowsOf(before, wanted.before), mask },
    { columns: after.columns, rows: rowsOf(after, wanted.after), mask },
  );
  return { ...match, rows };
}

const BEFORE: Table = {
  columns: ['district', 'credit_code', 'band', 'phone'],
  rows: [
    ['西湖区', 'C1', 'A', '13812341234'],
    ['西湖区', 'C2', 'B', '13912345678'],
    ['上城区', 'C3', 'C', '13712345678'],
    ['上城区', 'C4', 'A', '13612345678'],
  ],
};

describe('matching rows', () => {
  it('keys by the first column unique and non-empty in both revisions', () => {
    const after: Table = {
      columns: BEFORE.columns,
      rows: [
        ['上城区', 'C3', 'C', '13712345678'],
        ['西湖区', 'C1', 'B', '13812341234'],
        ['上城区', 'C5', 'D', '13512345678'],
        ['上城区', 'C4', 'A', '13612345678'],
      ],
    };
    const result = diff(BEFORE, after);
    expect(result.keyColumns).toEqual(['credit_code']);
    expect([result.added, result.removed, result.changed]).toEqual([1, 1, 1]);
    expect(result.rows.map((r) => [r.kind, r.key, r.before, r.after])).toEqual([
      ['changed', 'C1', 1, 2],
      ['removed', 'C2', 2, null],
      ['added', 'C5', null, 3],
    ]);
    expect(result.rows[0]!.cells).toEqual([{ column: 'band', before: 'A', after: 'B' }]);
    expect(result.rows[1]!.cells.map((c) => c.column)).toEqual(BEFORE.columns);
    expect(result.rows[2]!.cells.find((c) => c.column === 'band')).toEqual({ column: 'band', before: '', after: 'D' });
  });

  it('skips a column that repeats or is empty in either revision', () => {
    const before: Table = { columns: ['id', 'code', 'v'], rows: [['1', 'a', 'x'], ['2', 'b', 'x'], ['3', 'c', 'z']] };
    const after: Table = { columns: ['id', 'code', 'v'], rows: [['1', 'a', 'x'], ['1', 'b', 'x'], ['3', '', 'z'], ['4', 'd', 'z']] };
    // id repeats in N and code is empty in N: no key; rows match by number.
    const result = diff(before, after);
    expect(result.keyColumns).toEqual([]);
    expect(result.rows.map((r) => [r.kind, r.key])).toEqual([
      ['changed', '2'],
      ['changed', '3'],
      ['added', '4'],
    ]);
  });

  it('leaves a column only one revision has out of the comparison, and names it', () => {
    const after: Table = { columns: ['district', 'credit_code', 'band', 'phone', 'note'], rows: BEFORE.rows.map((r, i) => [...r, `备注${i}`]) };
    const result = diff(BEFORE, after);
    expect(result.columnsAdded).toEqual(['note']);
    expect(result.columnsRemoved).toEqual([]);
    expect([result.added, result.removed, result.changed]).toEqual([0, 0, 0]);
  });

  it('compares raw values: a change that masks alike is still a change, shown masked', () => {
    const policy = Policy.parse({
      format: 'export-policy',
      formatVersion: 1,
      id: 'POL-T',
      version: 1,
      agreementId: 'ZJ-SQYY-2025-007',
      issuedBy: '测试',
      issuedAt: '2025-01-02T10:00:00+08:00',
      authorization: { validFrom: '2025-01-01', validTo: '2027-12-31' },
      scenarios: [{ id: 'SC', name: 'S', recipients: ['91330000704201234X'] }],
      authorizedFields: [{ dataset: 'D', name: 'phone', maxGrade: 3, requiredTransform: ['mask:3,4'] }],
      approvedSources: { backflow: [], social: [] },
      review: { secondReviewerFromGrade: 3, sealRequiredFor: ['approve'] },
      reveal: { roles: ['reviewer'], maxCellsPerReason: 50 },
    });
    const fields: Field[] = [
      { name: 'credit_code', dataset: 'D', type: 'string', class: 'public', grade: 1, transform: 'none' },
      { name: 'phone', dataset: 'D', type: 'string', class: 'personal', grade: 3, transform: 'mask:3,4' },
    ];
    const mask = createCellMasker({ fields, policy, detect: (v) => detectCell(v, { asOf: '2026-11-27' }) });
    const after: Table = { columns: BEFORE.columns, rows: BEFORE.rows.map((r, i) => (i === 0 ? [r[0]!, r[1]!, r[2]!, '13819341234'] : r)) };
    const result = diff(BEFORE, after, mask);
    expect(result.changed).toBe(1);
    expect(result.rows[0]!.cells).toEqual([{ column: 'phone', before: '138****1234', after: '138****1234' }]);
    expect(JSON.stringify(result.rows)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('lists at most maxListed changes in table order and counts them all', () => {
    const before: Table = { columns: ['k', 'v'], rows: Array.from({ length: 50 }, (_, i) => [`K${i}`, 'a']) };
    const after: Table = { columns: ['k', 'v'], rows: before.rows.map(([k], i) => [k!, i % 2 === 0 ? 'b' : 'a']).filter((_, i) => i !== 3) };
    after.rows.push(['NEW', 'z']);
    const result = diff(before, after, undefined, 10);
    expect([result.added, result.removed, result.changed]).toEqual([1, 1, 25]);
    expect(result.rows).toHaveLength(10);
    expect(result.rows.map((r) => r.key).slice(0, 4)).toEqual(['K0', 'K2', 'K3', 'K4']);
  });

  it('keys a large table by hashes, also against a small one', () => {
    const n = STRING_KEY_ROWS + 500;
    const big: Table = { columns: ['id', 'v'], rows: Array.from({ length: n }, (_, i) => [`R${i}`, String(i % 7)]) };
    const changed: Table = { columns: ['id', 'v'], rows: big.rows.map((r, i) => (i === 77_777 ? [r[0]!, 'x'] : r)).concat([['R-extra', '1']]) };
    const a = side(big, new Set(), 4096);
    const b = side(changed, new Set(), 4096);
    expect(a.keys.get('id')?.kind).toBe('hash');
    const result = matchTableRows(a, b);
    expect(result.keyColumns).toEqual(['id']);
    expect([result.added, result.removed, result.changed]).toEqual([1, 0, 1]);
    expect(result.listed[0]).toEqual({ kind: 'changed', before: 77_778, after: 77_778 });
    const small: Table = { columns: ['id', 'v'], rows: big.rows.slice(0, 10) };
    const mixed = matchTableRows(side(small), b);
    expect(mixed.keyColumns).toEqual(['id']);
    expect([mixed.added, mixed.removed, mixed.changed]).toEqual([n + 1 - 10, 0, 0]);
  });

  it('refuses rows out of order', () => {
    const s = createTableSide();
    s.absorb([['a']], 1, ['x']);
    expect(() => s.absorb([['b']], 3, ['x'])).toThrow(RangeError);
  });
});

describe('HashIndex', () => {
  it('keeps one row per hash through growth, colliding slots included', () => {
    const index = new HashIndex(4);
    // Keys equal in their low 32 bits land on the same slot.
    const keys = Array.from({ length: 5000 }, (_, i) => (i % 50) * 4294967296 + Math.floor(i / 50) * 7919);
    keys.forEach((key, i) => expect(index.add(key, i + 1)).toBe(true));
    expect(index.size).toBe(5000);
    keys.forEach((key, i) => expect(index.get(key)).toBe(i + 1));
    expect(index.add(keys[123]!, 99_999)).toBe(false);
    expect(index.get(keys[123]!)).toBe(124);
    expect(index.get(123.5)).toBe(0);
  });
});
