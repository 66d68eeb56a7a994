/**
 * The policy evaluators together on the shared example (../shared/examples): the clean
 * candidate, profiled as the scanner would, fires nothing on a date inside its authorization;
 * after the period it fires exactly the two expiry findings. Output is sorted and repeatable.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectCell } from '../../detect';
import { Candidate } from '../../formats/candidate';
import { sortFindings } from '../../formats/findings';
import { Policy } from '../../formats/policy';
import { parseStrictJson } from '../../formats/strict-json';
import { createColumnProfiler } from '../../profile';
import { evaluatePolicyRules, type TableProfiles } from './index';
import { candidate, fieldsOf, policy } from './testing';

const EXAMPLES = path.resolve(__dirname, '../../../../shared/examples');
const read = (file: string) => readFileSync(path.join(EXAMPLES, file), 'utf8');

function example() {
  const manifest = Candidate.parse(parseStrictJson(read('candidate-basic/candidate.json')));
  const policyDoc = Policy.parse(parseStrictJson(read('policy-basic.json')));
  const file = manifest.files[0]!;
  const { data } = Papa.parse<string[]>(read(`candidate-basic/${file.path}`).trim(), { skipEmptyLines: true });
  const [header, ...rows] = data;
  const profiles = header!.map((name, column) => {
    const profiler = createColumnProfiler(
      file.table!.fields.find((f) => f.name === name),
      { name, detect: (value) => detectCell(value) },
    );
    rows.forEach((row, i) => profiler.addValue(i + 1, row[column] ?? null));
    return profiler.finish();
  });
  const tables: TableProfiles[] = [{ file: file.path, profiles }];
  return { manifest, policy: policyDoc, tables, rows: rows.length };
}

describe('evaluatePolicyRules on the shared example', () => {
  it('fires nothing for the clean example candidate inside its authorization', () => {
    const { manifest, policy: p, tables, rows } = example();
    expect(rows).toBe(60);
    expect(tables[0]!.profiles.map((c) => c.name)).toEqual(manifest.files[0]!.table!.fields.map((f) => f.name));
    expect(evaluatePolicyRules(manifest, p, { asOf: '2026-11-27', profiles: tables })).toEqual([]);
    expect(evaluatePolicyRules(manifest, p, { asOf: '2027-12-31', profiles: tables })).toEqual([]);
  });

  it('fires only authz.expired, for both periods, the day after they end', () => {
    const { manifest, policy: p, tables } = example();
    const findings = evaluatePolicyRules(manifest, p, { asOf: '2028-01-01', profiles: tables });
    expect(findings.map((f) => [f.rule, f.location.field])).toEqual([
      ['authz.expired', 'authorization.validTo'],
      ['authz.expired', 'policy.authorization.validTo'],
    ]);
  });
});

describe('evaluatePolicyRules', () => {
  it('combines scope, authorization and reversibility findings in sorted, repeatable order', () => {
    const c = candidate((x) => {
      (x.product as { rawPackage: boolean }).rawPackage = true;
      (x.authorization as { agreementId: string }).agreementId = 'AG-2';
      fieldsOf(x)[1]!.transform = 'hash-md5';
      fieldsOf(x)[0]!.grade = 3;
    });
    const first = evaluatePolicyRules(c, policy(), { asOf: '2026-06-01' });
    expect(first.map((f) => f.rule)).toEqual(['authz.agreement-mismatch', 'export.raw-package', 'reversible.unkeyed-hash', 'scope.grade-exceeded', 'scope.transform-missing']);
    expect(sortFindings(first)).toEqual(first);
    expect(evaluatePolicyRules(c, policy(), { asOf: '2026-06-01' })).toEqual(first);
    expect(JSON.stringify(first)).not.toMatch(/undefined/);
  });

  it('refuses an evaluation date that does not exist', () => {
    expect(() => evaluatePolicyRules(candidate(), policy(), { asOf: '2027-02-29' })).toThrow(RangeError);
  });
});
