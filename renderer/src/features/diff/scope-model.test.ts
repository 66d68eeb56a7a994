// The scope diff model: counts per status, the problems-only filter (unused authorized fields
// are not problems), grouping by dataset in main's order, and grade/transform comparisons.
import { describe, expect, it } from 'vitest';
import type { ScopeRow } from '../../../../shared/ipc/schemas/review';
import { filterScopeRows, gradeComparison, groupScopeRows, hasProblem, problemsOf, scopeCounts, scopeMarker, scopeTarget, transformComparison } from './scope-model';

const declared = (grade: number, transform: string) => ({ class: 'personal', grade, transform, reversible: false });

const rows: ScopeRow[] = [
  { dataset: 'D1', name: 'credit_code', files: ['a.csv'], declared: declared(1, 'none'), authorized: { maxGrade: 2, requiredTransform: ['none'] }, status: 'ok', problems: [] },
  { dataset: 'D1', name: 'reg_address', files: ['a.csv'], declared: declared(2, 'none'), authorized: null, status: 'unauthorized', problems: ['unauthorized'] },
  { dataset: 'D2', name: 'phone', files: ['a.csv'], declared: declared(4, 'none'), authorized: { maxGrade: 3, requiredTransform: ['mask:3,4', 'hmac-sm3'] }, status: 'grade-exceeded', problems: ['grade-exceeded', 'transform-missing'] },
  { dataset: 'D1', name: 'industry', files: [], declared: null, authorized: { maxGrade: 1, requiredTransform: ['none'] }, status: 'unused', problems: [] },
  { dataset: 'D2', name: 'id_hash', files: ['b.csv'], declared: declared(3, 'hash-md5'), authorized: { maxGrade: 3, requiredTransform: ['hmac-sm3'] }, status: 'transform-missing', problems: [] },
];

describe('scope model', () => {
  it('counts each status and the problems', () => {
    expect(scopeCounts(rows)).toEqual({ unauthorized: 1, 'grade-exceeded': 1, 'transform-missing': 1, unused: 1, ok: 1, problems: 3, total: 5 });
  });

  it('filters to problems only, leaving unused authorized fields out', () => {
    expect(filterScopeRows(rows, true).map((r) => r.name)).toEqual(['reg_address', 'phone', 'id_hash']);
    expect(filterScopeRows(rows, false)).toHaveLength(5);
    expect(hasProblem(rows[3]!)).toBe(false);
  });

  it('groups by dataset in the order main listed them', () => {
    const groups = groupScopeRows(rows);
    expect(groups.map((g) => [g.dataset, g.rows.map((r) => r.name), g.problems])).toEqual([
      ['D1', ['credit_code', 'reg_address', 'industry'], 1],
      ['D2', ['phone', 'id_hash'], 2],
    ]);
  });

  it('compares grade and transform for the highlights', () => {
    expect(rows.map(gradeComparison)).toEqual(['within', 'unknown', 'exceeded', 'unknown', 'within']);
    expect(rows.map(transformComparison)).toEqual(['accepted', 'unknown', 'missing', 'unknown', 'missing']);
  });

  it('lists every problem (the status when main listed none) and marks rows like a schema diff', () => {
    expect(problemsOf(rows[2]!)).toEqual(['grade-exceeded', 'transform-missing']);
    expect(problemsOf(rows[4]!)).toEqual(['transform-missing']);
    expect(problemsOf(rows[0]!)).toEqual([]);
    expect(rows.map(scopeMarker)).toEqual([' ', '+', '!', '−', '!']);
  });

  it('finds the row a focus points at, by field and, among namesakes, by file', () => {
    const twin = { ...rows[0]!, dataset: 'D9', files: ['b.csv'] };
    expect(scopeTarget([...rows, twin], { column: 'credit_code', file: 'b.csv' })).toBe(twin);
    expect(scopeTarget([...rows, twin], { column: 'credit_code' })).toBe(rows[0]);
    expect(scopeTarget(rows, { column: 'gone' })).toBeNull();
    expect(scopeTarget(rows, { file: 'a.csv' })).toBeNull();
    expect(scopeTarget(rows, undefined)).toBeNull();
  });
});
