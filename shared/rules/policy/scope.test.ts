/**
 * Tests of the scope rules: authorized fields by dataset and name, maximum grade, required
 * transforms compared as parsed transforms, undeclared scanned columns, and API properties.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../catalogue';
import { evaluateScope, normaliseTransform, transformAccepted } from './scope';
import { candidate, fieldsOf, policy, profile } from './testing';

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('transform comparison', () => {
  it('compares parsed transforms, ignoring whitespace, case and leading zeros', () => {
    expect(normaliseTransform('mask:3,4')).toBe('mask:3,4');
    expect(normaliseTransform(' MASK: 03, 4 ')).toBe('mask:3,4');
    expect(normaliseTransform('HMAC-SM3')).toBe('hmac-sm3');
    expect(normaliseTransform('mask:3;4')).toBeNull();
    expect(transformAccepted('mask:3,4', ['mask:3,4', 'hmac-sm3'])).toBe(true);
    expect(transformAccepted('mask:03,4', ['mask:3,4'])).toBe(true);
    expect(transformAccepted('mask:4,3', ['mask:3,4'])).toBe(false);
    expect(transformAccepted('mask:6,4', ['mask:3,4'])).toBe(false);
    expect(transformAccepted('generalize:age-5y', ['generalize:age-10y'])).toBe(false);
    expect(transformAccepted('not-a-transform', ['not-a-transform'])).toBe(false);
  });
});

describe('evaluateScope', () => {
  it('fires nothing when every field is authorized, within grade and transformed as required', () => {
    expect(evaluateScope(candidate(), policy())).toEqual([]);
  });

  it('accepts any one of the required transforms', () => {
    const hmac = candidate((c) => {
      fieldsOf(c)[1]!.transform = 'hmac-sm3';
    });
    expect(evaluateScope(hmac, policy())).toEqual([]);
  });

  describe('scope.unauthorized-field', () => {
    it('fires for a field the policy does not list, with its manifest path and the fields it does', () => {
      const c = candidate((x) => {
        fieldsOf(x).push({ name: 'revenue', dataset: 'DS-1', type: 'number', class: 'confidential-business', grade: 2, transform: 'none' });
      });
      const findings = evaluateScope(c, policy());
      expect(rules(findings)).toEqual(['scope.unauthorized-field']);
      expect(findings[0]).toMatchObject({
        severity: RULES['scope.unauthorized-field'].severity,
        clause: RULES['scope.unauthorized-field'].clause,
        location: { file: 'data/t.csv', column: 'revenue', field: 'files[0].table.fields[2]' },
      });
      expect(findings[0]!.message).toContain('"revenue"');
      expect(findings[0]!.message).toContain('credit_code, phone');
    });

    it('matches by dataset and name: the same name from another dataset is not authorized', () => {
      const c = candidate((x) => {
        fieldsOf(x)[1]!.dataset = 'DS-2';
      });
      const findings = evaluateScope(c, policy());
      expect(rules(findings)).toEqual(['scope.unauthorized-field']);
      expect(findings[0]!.message).toContain('only from dataset DS-1');
    });

    it('fires for a scanned column no field declares, and not for declared ones', () => {
      const profiles = [{ file: 'data/t.csv', profiles: [profile('credit_code'), profile('phone'), profile('remark')] }];
      const findings = evaluateScope(candidate(), policy(), { profiles });
      expect(findings.map((f) => [f.rule, f.location.column])).toEqual([['scope.unauthorized-field', 'remark']]);
      expect(findings[0]!.location.field).toBeUndefined();
    });

    it('treats every column of a workbook sheet other than table.sheet as undeclared', () => {
      const c = candidate((x) => {
        Object.assign(x.files[0]!, { path: 'data/t.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
        (x.files[0]!.table as { sheet?: string }).sheet = '名单';
      });
      const profiles = [
        { file: 'data/t.xlsx', sheet: '名单', profiles: [profile('credit_code')] },
        { file: 'data/t.xlsx', sheet: '隐藏', profiles: [profile('credit_code')] },
      ];
      const findings = evaluateScope(c, policy(), { profiles });
      expect(findings.map((f) => [f.rule, f.location.sheet, f.location.column])).toEqual([['scope.unauthorized-field', '隐藏', 'credit_code']]);
    });
  });

  it('scope.grade-exceeded names the declared grade and the maximum', () => {
    const c = candidate((x) => {
      fieldsOf(x)[0]!.grade = 3;
    });
    const findings = evaluateScope(c, policy());
    expect(rules(findings)).toEqual(['scope.grade-exceeded']);
    expect(findings[0]!.location.field).toBe('files[0].table.fields[0].grade');
    expect(findings[0]!.message).toMatch(/grade 3.*up to grade 2/);
    expect(findings[0]!.messageZh).toBe('“data/t.csv”的字段“credit_code”（数据集 DS-1）声明为 3 级，策略对该字段的授权最高为 2 级。');
    // Equal to the maximum is fine (phone is grade 3 of max 3 in every other test).
  });

  it('scope.transform-missing names the declared and the required transforms', () => {
    const c = candidate((x) => {
      fieldsOf(x)[1]!.transform = 'mask:6,4';
    });
    const findings = evaluateScope(c, policy());
    expect(rules(findings)).toEqual(['scope.transform-missing']);
    expect(findings[0]!.location).toEqual({ file: 'data/t.csv', column: 'phone', field: 'files[0].table.fields[1].transform' });
    expect(findings[0]!.message).toContain('"mask:6,4"');
    expect(findings[0]!.message).toContain('one of "mask:3,4", "hmac-sm3"');
  });

  it('compares the policy’s transforms as parsed, so a zero-padded mask in the policy still matches', () => {
    const p = policy((x) => {
      x.authorizedFields[1]!.requiredTransform = ['mask:03,04'];
    });
    expect(evaluateScope(candidate(), p)).toEqual([]);
  });

  describe('scope.api-field', () => {
    const withSpec = () =>
      candidate((x) => {
        x.files.push({ path: 'api/openapi.json', role: 'api-spec', mediaType: 'application/json', bytes: 10, sha256: `sha256:${'c'.repeat(64)}`, sm3: `sm3:${'d'.repeat(64)}` });
      });

    it('fires once per property outside the authorized names', () => {
      const findings = evaluateScope(withSpec(), policy(), { apiProperties: { 'api/openapi.json': ['phone', 'id_number', 'credit_code', 'id_number'] } });
      expect(findings.map((f) => [f.rule, f.location.file, f.location.column])).toEqual([['scope.api-field', 'api/openapi.json', 'id_number']]);
      expect(findings[0]!.message).toContain('credit_code, phone');
    });

    it('says when a property differs from an authorized name only in spelling', () => {
      const findings = evaluateScope(withSpec(), policy(), { apiProperties: { 'api/openapi.json': ['creditCode'] } });
      expect(findings[0]!.message).toContain('only in spelling from the authorized "credit_code"');
    });

    it('fires nothing for authorized properties or files without extracted properties', () => {
      expect(evaluateScope(withSpec(), policy(), { apiProperties: { 'api/openapi.json': ['phone', 'credit_code'] } })).toEqual([]);
      expect(evaluateScope(withSpec(), policy(), { apiProperties: { 'api/other.json': ['secret'] } })).toEqual([]);
    });
  });
});
