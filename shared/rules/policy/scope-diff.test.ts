/** Tests of the scope diff: statuses agree with the scope rules; unused authorized fields are listed; duplicates merge. */
import { describe, expect, it } from 'vitest';
import { evaluateScope } from './scope';
import { scopeDiff } from './scope-diff';
import { candidate, fieldsOf, policy } from './testing';

describe('scopeDiff', () => {
  it('lists every declared field beside its authorization, ok when within grade and transform', () => {
    const rows = scopeDiff(candidate(), policy());
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['credit_code', 'ok'],
      ['phone', 'ok'],
    ]);
    expect(rows[1]).toMatchObject({
      dataset: 'DS-1',
      files: ['data/t.csv'],
      declared: { class: 'personal', grade: 3, transform: 'mask:3,4', reversible: false },
      authorized: { maxGrade: 3, requiredTransform: ['mask:3,4', 'hmac-sm3'] },
      problems: [],
    });
  });

  it('marks unauthorized, grade exceeded and transform missing, with every problem of a field, as the scope rules do', () => {
    const c = candidate((x) => {
      fieldsOf(x)[1]!.grade = 4;
      fieldsOf(x)[1]!.transform = 'mask:6,4';
      fieldsOf(x).push({ name: 'revenue', dataset: 'DS-1', type: 'number', class: 'confidential-business', grade: 2, transform: 'none' });
    });
    const rows = scopeDiff(c, policy());
    expect(rows.map((r) => [r.name, r.status, r.problems])).toEqual([
      ['credit_code', 'ok', []],
      ['phone', 'grade-exceeded', ['grade-exceeded', 'transform-missing']],
      ['revenue', 'unauthorized', ['unauthorized']],
    ]);
    expect(rows[2]!.authorized).toBeNull();
    const fired = evaluateScope(c, policy()).map((f) => `${f.location.column}:${f.rule}`);
    expect(fired.sort()).toEqual(['phone:scope.grade-exceeded', 'phone:scope.transform-missing', 'revenue:scope.unauthorized-field']);
  });

  it('lists authorized fields the candidate does not use, after the declared ones', () => {
    const p = policy((x) => {
      x.authorizedFields.push({ dataset: 'DS-1', name: 'legal_person', maxGrade: 3, requiredTransform: ['mask-name'] });
    });
    const rows = scopeDiff(candidate(), p);
    expect(rows.at(-1)).toEqual({
      dataset: 'DS-1',
      name: 'legal_person',
      files: [],
      declared: null,
      authorized: { maxGrade: 3, requiredTransform: ['mask-name'] },
      status: 'unused',
      problems: [],
    });
  });

  it('merges a field declared by two tables into one row listing both files', () => {
    const c = candidate((x) => {
      const second = structuredClone(x.files[0]!);
      second.path = 'data/u.csv';
      x.files.push(second);
    });
    const rows = scopeDiff(c, policy());
    expect(rows).toHaveLength(2);
    expect(rows[0]!.files).toEqual(['data/t.csv', 'data/u.csv']);
  });

  it('without a policy, every declared field is unauthorized', () => {
    expect(scopeDiff(candidate(), null).map((r) => r.status)).toEqual(['unauthorized', 'unauthorized']);
  });
});

describe('scopeDiff reversibility', () => {
  it('marks a field reversible by its transform or by a reversible processing method of the field', () => {
    const sm4 = candidate((x) => {
      fieldsOf(x)[1]!.transform = 'encrypt-sm4';
    });
    expect(scopeDiff(sm4, policy())[1]!.declared!.reversible).toBe(true);
    const method = candidate((x) => {
      x.processing = { methods: [{ field: 'phone', name: 'AES 加密', keyed: true, reversible: false }] };
    });
    expect(scopeDiff(method, policy())[1]!.declared!.reversible).toBe(true);
    expect(scopeDiff(method, policy())[0]!.declared!.reversible).toBe(false);
  });
});
