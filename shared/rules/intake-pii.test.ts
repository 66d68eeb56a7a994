/**
 * Tests of the intake and personal-information rules over real column profiles (the detectors
 * and the profiler as the scan runs them): precision loss, which must not mistake an intact
 * identifier that happens to end in 000 for a float's leftovers; clear mobiles in a masked field.
 */
import { describe, expect, it } from 'vitest';
import { detectCell } from '../detect';
import { evidenceZhProblems } from '../formats/testing';
import { makeResidentId } from '../ids/resident-id';
import { createColumnProfiler } from '../profile/column-profiler';
import { evaluateIntakeAndPii } from './intake-pii';
import { candidate, fieldsOf, policy } from './policy/testing';

const AS_OF = '2026-11-27';
/** The scan keeps detections from this confidence on in a profile (scan-file.ts PROFILE_MIN_CONFIDENCE). */
const PROFILE_MIN_CONFIDENCE = 0.5;

/** `count` valid resident IDs of Hangzhou, born on successive days of 1985. */
function residentIds(count: number, sequence = 17): string[] {
  return Array.from({ length: count }, (_, i) => makeResidentId({ region: '330106', birthDate: `1985-01-${String((i % 28) + 1).padStart(2, '0')}`, sequence: (sequence + i) % 1000 }));
}

/** A valid resident ID whose last three characters are 000 (sequence x00, check digit 0). */
function idEndingInZeros(): string {
  for (let day = 1; day <= 28; day++) {
    for (let sequence = 0; sequence < 1000; sequence += 100) {
      const id = makeResidentId({ region: '330106', birthDate: `1990-03-${String(day).padStart(2, '0')}`, sequence });
      if (id.endsWith('000')) return id;
    }
  }
  throw new Error('no resident ID ending in 000 found');
}

/** The precision-loss findings of a one-column table `legal_rep_id` (declared hmac-sm3) holding `values`. */
function precisionFindings(values: readonly string[]) {
  const manifest = candidate((c) => {
    fieldsOf(c).splice(0, 2, { name: 'legal_rep_id', dataset: 'DS-1', type: 'string', class: 'sensitive-personal', grade: 3, transform: 'hmac-sm3' });
  });
  const profiler = createColumnProfiler(manifest.files[0]!.table!.fields[0], { name: 'legal_rep_id' });
  values.forEach((value, i) => {
    profiler.add(
      i + 1,
      value,
      detectCell(value, { asOf: AS_OF }).filter((d) => d.confidence >= PROFILE_MIN_CONFIDENCE),
    );
  });
  const findings = evaluateIntakeAndPii({
    manifest,
    policy: policy((p) => {
      p.authorizedFields = [{ dataset: 'DS-1', name: 'legal_rep_id', maxGrade: 3, requiredTransform: ['hmac-sm3'] }];
    }),
    tables: [{ file: 'data/t.csv', encodingGuessed: false, profiles: [profiler.finish()], largeNumbers: { count: 0, first: [] } }],
    texts: [],
  });
  return findings.filter((f) => f.rule === 'intake.precision-loss');
}

describe('intake.precision-loss', () => {
  it('does not fire on intact resident IDs, one of which happens to end in 000', () => {
    const id = idEndingInZeros();
    expect(detectCell(id, { asOf: AS_OF }).some((d) => d.detector === 'cn-resident-id' && d.confidence >= PROFILE_MIN_CONFIDENCE)).toBe(true);
    const values = residentIds(40);
    values.splice(12, 0, id);
    expect(precisionFindings(values)).toEqual([]);
  });

  it('fires on identifiers that went through a float: exponent form and zeroed last digits, with their rows', () => {
    // IDs ending in X stay text in a spreadsheet; the others became numbers.
    const ids = residentIds(48).filter((id) => !id.endsWith('X'));
    // Excel's display form (3.30106E+17), and the digits a double keeps (the last three zeroed).
    const values = ids.map((id, i) => (i % 2 === 0 ? Number(id).toExponential(5).replace('e', 'E') : `${id.slice(0, 15)}000`));
    const [finding] = precisionFindings(values);
    expect(finding).toMatchObject({ severity: 'warn', location: { file: 'data/t.csv', column: 'legal_rep_id' } });
    // A zeroed value whose check digit is right by chance reads as an intact ID; every other one is loss.
    const validByChance = values.filter((v) => detectCell(v, { asOf: AS_OF }).some((d) => d.confidence >= PROFILE_MIN_CONFIDENCE)).length;
    expect(validByChance).toBeLessThan(values.length / 4);
    expect(finding!.count).toBe(values.length - validByChance);
    expect(finding!.location.rows).toHaveLength(values.length - validByChance);
    expect(finding!.location.rows![0]).toBe(1);
  });

  it('still fires when a float-zeroed column holds an intact ID ending in 000 among the lost ones', () => {
    const values = residentIds(20).map((id) => `${id.slice(0, 15)}000`);
    values.push(idEndingInZeros());
    const [finding] = precisionFindings(values);
    expect(finding).toBeDefined();
    expect(finding!.location.rows).not.toContain(21);
  });
});

describe('pii.unmasked', () => {
  it('reports clear mobiles in a field the policy wants masked, in English and in Chinese', () => {
    const manifest = candidate();
    const profiler = createColumnProfiler(manifest.files[0]!.table!.fields[1], { name: 'phone' });
    const phones = ['13812345678', '13912345679', '15012345670'];
    phones.forEach((value, i) => profiler.add(i + 1, value, detectCell(value, { asOf: AS_OF }).filter((d) => d.confidence >= PROFILE_MIN_CONFIDENCE)));
    const findings = evaluateIntakeAndPii({
      manifest,
      policy: policy(),
      tables: [{ file: 'data/t.csv', encodingGuessed: false, profiles: [profiler.finish()], largeNumbers: { count: 0, first: [] } }],
      texts: [],
    });
    const finding = findings.find((f) => f.rule === 'pii.unmasked');
    expect(finding).toMatchObject({ count: 3, detector: 'cn-mobile', location: { file: 'data/t.csv', column: 'phone', rows: [1, 2, 3] } });
    expect(finding!.message).toBe('Column "phone" carries 3 clear cn-mobile value(s) although the policy requires mask:3,4 or hmac-sm3.');
    expect(finding!.messageZh).toBe('“data/t.csv”的列“phone”中有 3 个明文手机号，策略要求的处理方式为 mask:3,4 或 hmac-sm3，应按要求处理后方可出域。');
  });
});

describe('intake.hidden-content: people named in a workbook\'s document properties', () => {
  it('lists them masked as evidence, in English and line for line in Chinese with the same masked names', () => {
    const findings = evaluateIntakeAndPii({
      manifest: candidate(),
      policy: null,
      tables: [],
      texts: [],
      workbooks: [
        {
          file: 'data/名录.xlsx',
          sheets: [{ name: '名录', state: 'visible', kind: 'worksheet' }],
          people: [
            { field: 'creator', masked: '王**' },
            { field: 'lastModifiedBy', masked: 'Z********' },
            { field: 'company', masked: '杭*******' },
          ],
        },
      ],
    });
    const finding = findings.find((f) => f.rule === 'intake.hidden-content' && f.evidence.length > 0)!;
    expect(finding.evidence).toEqual(['author: 王**', 'last modified by: Z********', 'company: 杭*******']);
    expect(finding.evidenceZh).toEqual(['作者：王**', '最后修改者：Z********', '单位：杭*******']);
    expect(evidenceZhProblems(finding)).toEqual([]);
  });

  it('gives every finding with evidence its Chinese evidence', () => {
    const manifest = candidate();
    const profiler = createColumnProfiler(manifest.files[0]!.table!.fields[1], { name: 'phone' });
    ['13812345678', '13912345679'].forEach((value, i) => profiler.add(i + 1, value, detectCell(value, { asOf: AS_OF })));
    const findings = evaluateIntakeAndPii({
      manifest,
      policy: policy(),
      tables: [{ file: 'data/t.csv', encodingGuessed: true, profiles: [profiler.finish()], largeNumbers: { count: 0, first: [] } }],
      texts: [],
      workbooks: [{ file: 'data/t.xlsx', sheets: [], people: [{ field: 'manager', masked: '李*' }] }],
    });
    expect(findings.length).toBeGreaterThan(1);
    for (const f of findings) expect(evidenceZhProblems(f)).toEqual([]);
  });
});
