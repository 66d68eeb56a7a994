/**
 * Tests of the export policy schema: the shared example parses, defaults follow RULES.md, and
 * malformed policies fail with issues that name the field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIssues } from './issues';
import { DEFAULT_THRESHOLDS, Policy } from './policy';
import { parseStrictJson } from './strict-json';

const EXAMPLE = path.resolve(__dirname, '../../../shared/examples/policy-basic.json');

function example(): Record<string, unknown> {
  return parseStrictJson(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
}

function problems(value: unknown): Array<{ field: string; problem: string }> {
  const result = Policy.safeParse(value);
  return result.success ? [] : describeIssues(result.error);
}

describe('Policy', () => {
  it('parses the shared example policy', () => {
    const policy = Policy.parse(example());
    expect(policy.id).toBe('POL-ZJ-SQYY-2025-007');
    expect(policy.version).toBe(3);
    expect(policy.scenarios[0]?.recipients).toEqual(['91330000704201234X']);
    expect(policy.authorizedFields.find((f) => f.name === 'legal_rep_phone')?.requiredTransform).toEqual(['mask:3,4', 'hmac-sm3']);
    expect(policy.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(policy.review.sealRequiredFor).toEqual(['approve', 'approve-with-conditions']);
  });

  it('fills the thresholds, period cap and approved sources with the RULES.md defaults', () => {
    const value = example();
    delete value.thresholds;
    delete value.maxAuthorizationYears;
    delete value.approvedSources;
    const policy = Policy.parse(value);
    expect(policy.thresholds).toEqual({
      minCellCount: 10,
      zerosDisclosive: true,
      dominance: { n: 2, k: 0.9 },
      pRatio: 0.1,
      kAnonymity: 5,
      lDiversity: 2,
    });
    expect(policy.maxAuthorizationYears).toBe(3);
    expect(policy.approvedSources).toEqual({ backflow: [], social: [] });
  });

  it('fills individual thresholds that are missing and keeps the ones given', () => {
    const value = { ...example(), thresholds: { minCellCount: 20, dominance: { k: 0.8 } } };
    const policy = Policy.parse(value);
    expect(policy.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, minCellCount: 20, dominance: { n: 2, k: 0.8 } });
  });

  it('rejects another format and a newer major version', () => {
    expect(problems({ ...example(), format: 'export-candidate' })).toContainEqual({ field: 'format', problem: 'expected format "export-policy"' });
    expect(problems({ ...example(), formatVersion: 2 })[0]?.field).toBe('formatVersion');
  });

  it('rejects an authorization cap above three years (§4(4))', () => {
    expect(problems({ ...example(), maxAuthorizationYears: 4 })).toEqual([
      { field: 'maxAuthorizationYears', problem: 'an authorization runs at most 3 years (§4(4))' },
    ]);
    expect(Policy.parse({ ...example(), maxAuthorizationYears: 2 }).maxAuthorizationYears).toBe(2);
  });

  it('rejects an unknown transform and names the field path', () => {
    const value = example();
    const fields = value.authorizedFields as Array<Record<string, unknown>>;
    fields[1] = { ...fields[1], requiredTransform: ['rot13'] };
    expect(problems(value).map((p) => p.field)).toEqual(['authorizedFields[1].requiredTransform[0]']);
  });

  it('rejects an empty requiredTransform list, a grade out of range and a duplicate field', () => {
    const value = example();
    const fields = value.authorizedFields as Array<Record<string, unknown>>;
    fields[0] = { ...fields[0], requiredTransform: [] };
    fields[2] = { ...fields[2], maxGrade: 5 };
    fields.push({ ...fields[3] });
    const found = problems(value).map((p) => p.field);
    expect(found).toContain('authorizedFields[0].requiredTransform');
    expect(found).toContain('authorizedFields[2].maxGrade');
    const duplicate = { ...example() };
    (duplicate.authorizedFields as unknown[]).push((duplicate.authorizedFields as unknown[])[3]);
    expect(problems(duplicate)).toEqual([{ field: `authorizedFields[${(duplicate.authorizedFields as unknown[]).length - 1}]`, problem: 'duplicates authorizedFields[3] (ZJ-SCJG-0012.employees_band)' }]);
  });

  it('rejects a period that ends before it starts, bad dates and a missing offset', () => {
    expect(problems({ ...example(), authorization: { validFrom: '2027-01-01', validTo: '2026-12-31' } })).toEqual([
      { field: 'authorization.validTo', problem: 'the authorization ends before it starts' },
    ]);
    expect(problems({ ...example(), authorization: { validFrom: '2025-02-30', validTo: '2027-12-31' } })[0]?.field).toBe('authorization.validFrom');
    expect(problems({ ...example(), issuedAt: '2025-01-02T10:00:00' })[0]?.field).toBe('issuedAt');
  });

  it('rejects scenarios without recipients, malformed recipient codes and duplicate scenario ids', () => {
    const scenario = { id: 'SC-FIN-CREDIT', name: '普惠金融信用评估', recipients: ['91330000704201234K'] };
    expect(problems({ ...example(), scenarios: [] })[0]?.field).toBe('scenarios');
    expect(problems({ ...example(), scenarios: [{ ...scenario, recipients: [] }] })[0]?.field).toBe('scenarios[0].recipients');
    expect(problems({ ...example(), scenarios: [{ ...scenario, recipients: ['not-a-code'] }] })[0]?.field).toBe('scenarios[0].recipients[0]');
    expect(problems({ ...example(), scenarios: [scenario, scenario] })).toEqual([{ field: 'scenarios[1].id', problem: 'duplicates scenarios[0].id' }]);
  });

  it('rejects thresholds out of range, unknown outcomes and unknown roles', () => {
    const value = {
      ...example(),
      thresholds: { minCellCount: 0, dominance: { n: 2, k: 1.5 }, pRatio: -0.1 },
      review: { secondReviewerFromGrade: 3, sealRequiredFor: ['approve', 'stamp'] },
      reveal: { roles: ['reviewer', 'operator'], maxCellsPerReason: 50 },
    };
    const found = problems(value).map((p) => p.field);
    expect(found).toEqual(
      expect.arrayContaining(['thresholds.minCellCount', 'thresholds.dominance.k', 'thresholds.pRatio', 'review.sealRequiredFor[1]', 'reveal.roles[1]']),
    );
  });

  it('requires the review and reveal sections', () => {
    const value = example();
    delete value.review;
    delete value.reveal;
    expect(problems(value).map((p) => p.field)).toEqual(['review', 'reveal']);
  });
});
