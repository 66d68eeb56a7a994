/**
 * Tests of the raw-data and reversibility rules: raw packages, reversible methods and
 * transforms, unkeyed hashes of enumerable identifiers (by name, type, class and profile), and
 * digest-looking columns without a keyed transform.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../catalogue';
import { enumerableReason, evaluateReversibility, identifierKind } from './reversibility';
import { candidate, digestProfile, fieldsOf, policy, profile, type CandidateDraft } from './testing';

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('identifierKind', () => {
  it('recognises identifiers by name in snake, camel and Chinese spelling', () => {
    expect(identifierKind('legal_rep_phone')).toBe('phone number');
    expect(identifierKind('mobileHash')).toBe('phone number');
    expect(identifierKind('idCardNo')).toBe('resident ID number');
    expect(identifierKind('身份证号')).toBe('resident ID number');
    expect(identifierKind('bank_card_no')).toBe('bank card number');
    expect(identifierKind('credit_code')).toBe('credit code');
    expect(identifierKind('user_id')).toBe('identifier');
    expect(identifierKind('cn-mobile')).toBe('phone number');
  });

  it('does not take bands, amounts or dates for identifiers', () => {
    for (const name of ['score_band', 'amount', 'settle_date', 'district', 'industry', 'employees_band', 'video', 'identical']) {
      expect(identifierKind(name)).toBeNull();
    }
  });
});

describe('enumerableReason', () => {
  const plain = { name: 'f1', type: 'string', class: 'personal' as const };

  it('reads the profile’s detectors and digest shape when the name says nothing', () => {
    expect(enumerableReason(plain, undefined)).toBeNull();
    expect(enumerableReason(plain, profile('f1'))).toBeNull();
    const phones = profile('f1', (p) => {
      p.detected = [{ detector: 'cn-mobile', count: 3, share: 0.03, personal: true, rows: [1, 2, 3] }];
    });
    expect(enumerableReason(plain, phones)).toContain('cn-mobile');
    expect(enumerableReason(plain, digestProfile('f1'))).toContain('near-unique');
    // Near-unique digests of public or derived data are not taken for identifiers on their own.
    expect(enumerableReason({ ...plain, class: 'derived' }, digestProfile('f1'))).toBeNull();
  });
});

describe('evaluateReversibility', () => {
  it('fires nothing for masked and keyed fields and irreversible methods', () => {
    const c = candidate((x) => {
      x.processing = { methods: [{ field: 'phone', name: 'HMAC-SM3', keyed: true, reversible: false }, { field: 'district', name: '脱敏 desensitize', keyed: false, reversible: false }] };
      fieldsOf(x)[1]!.transform = 'hmac-sm3';
    });
    expect(evaluateReversibility(c, policy(), { profiles: [{ file: 'data/t.csv', profiles: [profile('credit_code'), digestProfile('phone')] }] })).toEqual([]);
    expect(evaluateReversibility(candidate(), policy())).toEqual([]);
  });

  describe('export.raw-package', () => {
    it('fires for product.rawPackage', () => {
      const findings = evaluateReversibility(
        candidate((x) => {
          (x.product as { rawPackage: boolean }).rawPackage = true;
        }),
        policy(),
      );
      expect(rules(findings)).toEqual(['export.raw-package']);
      expect(findings[0]).toMatchObject({ severity: RULES['export.raw-package'].severity, clause: RULES['export.raw-package'].clause, location: { field: 'product.rawPackage' } });
    });

    it('fires for a grade-3 personal field in clear at row level, naming what the policy accepts', () => {
      const findings = evaluateReversibility(
        candidate((x) => {
          fieldsOf(x)[1]!.transform = 'none';
        }),
        policy(),
      );
      expect(rules(findings)).toEqual(['export.raw-package']);
      expect(findings[0]!.location).toEqual({ file: 'data/t.csv', column: 'phone', field: 'files[0].table.fields[1].transform' });
      expect(findings[0]!.message).toContain('"mask:3,4" or "hmac-sm3"');
    });

    it('does not fire below grade 3, for public fields, or for aggregate tables', () => {
      const variants = [
        (x: CandidateDraft) => Object.assign(fieldsOf(x)[1]!, { transform: 'none', grade: 2 }),
        (x: CandidateDraft) => Object.assign(fieldsOf(x)[0]!, { grade: 4 }),
        (x: CandidateDraft) => {
          Object.assign(fieldsOf(x)[1]!, { transform: 'none' });
          (x.files[0]!.table as { kind: string }).kind = 'aggregate';
        },
      ];
      for (const edit of variants) expect(rules(evaluateReversibility(candidate(edit), policy()))).toEqual([]);
    });
  });

  describe('reversible.declared', () => {
    it('fires for encrypt-sm4 and tokenize transforms', () => {
      for (const transform of ['encrypt-sm4', 'tokenize']) {
        const findings = evaluateReversibility(
          candidate((x) => {
            fieldsOf(x)[1]!.transform = transform;
          }),
          policy(),
          { profiles: [{ file: 'data/t.csv', profiles: [digestProfile('phone')] }] },
        );
        // The digest-looking column is already a reversible finding: no extra warning.
        expect(rules(findings)).toEqual(['reversible.declared']);
        expect(findings[0]!.location.field).toBe('files[0].table.fields[1].transform');
        expect(findings[0]!.message).toContain(`"${transform}"`);
      }
    });

    it('fires for a method declared reversible, or named as encryption or tokenization', () => {
      const c = candidate((x) => {
        x.processing = {
          methods: [
            { field: 'phone', name: 'custom', keyed: true, reversible: true },
            { field: 'phone', name: 'SM4-CBC', keyed: true, reversible: false },
            { field: 'phone', name: 'Tokenization', keyed: true, reversible: false },
            { field: 'phone', name: '国密加密', keyed: true, reversible: false },
          ],
        };
      });
      const findings = evaluateReversibility(c, policy());
      expect(rules(findings)).toEqual(Array(4).fill('reversible.declared'));
      expect(findings.map((f) => f.location.field)).toEqual(['processing.methods[0].reversible', 'processing.methods[1].name', 'processing.methods[2].name', 'processing.methods[3].name']);
    });
  });

  describe('reversible.unkeyed-hash', () => {
    it('fires for an unkeyed hash of a field named as an identifier', () => {
      const findings = evaluateReversibility(
        candidate((x) => {
          fieldsOf(x)[1]!.transform = 'hash-md5';
        }),
        policy(),
        { profiles: [{ file: 'data/t.csv', profiles: [digestProfile('phone')] }] },
      );
      expect(rules(findings)).toEqual(['reversible.unkeyed-hash']);
      expect(findings[0]!.location).toEqual({ file: 'data/t.csv', column: 'phone', field: 'files[0].table.fields[1].transform' });
      expect(findings[0]!.message).toContain('phone number');
      expect(findings[0]!.message).toContain('hmac-sm3');
    });

    it('fires by profile when the name says nothing, and not for a hash of free text', () => {
      const c = candidate((x) => {
        fieldsOf(x).push({ name: 'f1', dataset: 'DS-1', type: 'string', class: 'personal', grade: 2, transform: 'hash-sha256' });
      });
      expect(rules(evaluateReversibility(c, policy(), { profiles: [{ file: 'data/t.csv', profiles: [digestProfile('f1')] }] }))).toEqual(['reversible.unkeyed-hash']);
      const note = candidate((x) => {
        fieldsOf(x).push({ name: 'note', dataset: 'DS-1', type: 'string', class: 'derived', grade: 1, transform: 'hash-sm3' });
      });
      // Not enumerable, but still a near-unique digest without a key: a warning, not a block.
      const findings = evaluateReversibility(note, policy(), { profiles: [{ file: 'data/t.csv', profiles: [digestProfile('note')] }] });
      expect(findings.map((f) => [f.rule, f.severity])).toEqual([['reversible.digest-undeclared', 'warn']]);
      expect(evaluateReversibility(note, policy())).toEqual([]);
    });

    it('fires for an unkeyed hash method over an identifier field, once', () => {
      const method = { field: 'phone', name: 'MD5', keyed: false, reversible: false };
      const viaMethod = evaluateReversibility(
        candidate((x) => {
          x.processing = { methods: [method] };
        }),
        policy(),
      );
      expect(viaMethod.map((f) => [f.rule, f.location.field])).toEqual([['reversible.unkeyed-hash', 'processing.methods[0].keyed']]);
      const both = evaluateReversibility(
        candidate((x) => {
          x.processing = { methods: [method] };
          fieldsOf(x)[1]!.transform = 'hash-md5';
        }),
        policy(),
      );
      expect(both.map((f) => f.location.field)).toEqual(['files[0].table.fields[1].transform']);
      const keyed = candidate((x) => {
        x.processing = { methods: [{ ...method, name: 'SM3', keyed: true }] };
      });
      expect(evaluateReversibility(keyed, policy())).toEqual([]);
    });
  });

  describe('reversible.digest-undeclared', () => {
    it('warns for an undeclared or non-hmac digest column, with the catalogue severity', () => {
      const findings = evaluateReversibility(candidate(), policy(), { profiles: [{ file: 'data/t.csv', profiles: [profile('credit_code'), digestProfile('phone'), digestProfile('extra')] }] });
      expect(findings.map((f) => [f.rule, f.severity, f.location.column, f.location.field])).toEqual([
        ['reversible.digest-undeclared', RULES['reversible.digest-undeclared'].severity, 'extra', undefined],
        ['reversible.digest-undeclared', 'warn', 'phone', 'files[0].table.fields[1].transform'],
      ]);
      expect(findings[1]!.message).toContain('declared "mask:3,4"');
      expect(findings[0]!.count).toBe(100);
    });

    it('does not warn for hmac columns, columns that are not mostly digests, or repeated digests', () => {
      const c = candidate((x) => {
        fieldsOf(x)[1]!.transform = 'hmac-sha256';
      });
      const few = profile('credit_code', (p) => {
        p.digest = { ...digestProfile('x').digest, count: 50, share: 0.5 };
      });
      const repeated = profile('credit_code', (p) => {
        p.digest = { ...digestProfile('x').digest, nearUnique: false };
      });
      expect(evaluateReversibility(c, policy(), { profiles: [{ file: 'data/t.csv', profiles: [digestProfile('phone'), few] }] })).toEqual([]);
      expect(evaluateReversibility(c, policy(), { profiles: [{ file: 'data/t.csv', profiles: [repeated] }] })).toEqual([]);
    });
  });
});
