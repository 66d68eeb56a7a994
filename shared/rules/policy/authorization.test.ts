/**
 * Tests of the authorization rules: agreement, evaluation date inside both periods (inclusive,
 * real calendar dates), the three-year cap, scenario and recipient, and approved sources.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../catalogue';
import { evaluateAuthorization } from './authorization';
import { isWithin, lastDayOfPeriod } from './period';
import { OTHER_RECIPIENT, candidate, policy } from './testing';

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);
const at = (asOf: string) => ({ asOf });

describe('lastDayOfPeriod', () => {
  it('ends a period of N years the day before the same date N years on', () => {
    expect(lastDayOfPeriod('2025-01-01', 3)).toBe('2027-12-31');
    expect(lastDayOfPeriod('2025-03-15', 1)).toBe('2026-03-14');
    expect(lastDayOfPeriod('2025-03-01', 3)).toBe('2028-02-29'); // 2028 is a leap year
    expect(lastDayOfPeriod('2023-03-01', 3)).toBe('2026-02-28');
  });

  it('ends a period from 29 February on 28 February of a common year (its anniversary is 1 March)', () => {
    expect(lastDayOfPeriod('2024-02-29', 3)).toBe('2027-02-28');
    expect(lastDayOfPeriod('2024-02-29', 4)).toBe('2028-02-28');
  });

  it('rejects dates that do not exist', () => {
    expect(() => lastDayOfPeriod('2025-02-29', 3)).toThrow(RangeError);
  });

  it('counts both ends of a period as inside', () => {
    expect(isWithin('2025-01-01', '2025-01-01', '2027-12-31')).toBe(true);
    expect(isWithin('2027-12-31', '2025-01-01', '2027-12-31')).toBe(true);
    expect(isWithin('2024-12-31', '2025-01-01', '2027-12-31')).toBe(false);
    expect(isWithin('2028-01-01', '2025-01-01', '2027-12-31')).toBe(false);
  });
});

describe('evaluateAuthorization', () => {
  it('fires nothing for a candidate of the policy’s agreement, scenario and recipient within the period', () => {
    expect(evaluateAuthorization(candidate(), policy(), at('2026-06-01'))).toEqual([]);
  });

  it('refuses an evaluation date that is not a real date', () => {
    expect(() => evaluateAuthorization(candidate(), policy(), at('2026-02-29'))).toThrow(/not a real calendar date/);
    expect(() => evaluateAuthorization(candidate(), policy(), at('26-06-01'))).toThrow(RangeError);
  });

  it('authz.agreement-mismatch names both agreements, with the catalogue severity and clause', () => {
    const findings = evaluateAuthorization(
      candidate((c) => {
        (c.authorization as { agreementId: string }).agreementId = 'AG-2';
      }),
      policy(),
      at('2026-06-01'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'authz.agreement-mismatch',
      severity: RULES['authz.agreement-mismatch'].severity,
      clause: RULES['authz.agreement-mismatch'].clause,
      location: { field: 'authorization.agreementId' },
    });
    expect(findings[0]!.message).toContain('"AG-2"');
    expect(findings[0]!.message).toContain('"AG-1"');
  });

  describe('authz.expired', () => {
    it('is inside on the first and on the last day of the period', () => {
      expect(evaluateAuthorization(candidate(), policy(), at('2025-01-01'))).toEqual([]);
      expect(evaluateAuthorization(candidate(), policy(), at('2027-12-31'))).toEqual([]);
    });

    it('fires the day after validTo, for the candidate’s and the policy’s period', () => {
      const findings = evaluateAuthorization(candidate(), policy(), at('2028-01-01'));
      expect(rules(findings)).toEqual(['authz.expired', 'authz.expired']);
      expect(findings.map((f) => f.location.field).sort()).toEqual(['authorization.validTo', 'policy.authorization.validTo']);
      expect(findings[0]!.message).toContain('ended on 2027-12-31');
      expect(findings.map((f) => f.messageZh)).toContain('候选包的授权有效期为 2025-01-01 至 2027-12-31，已于 2027-12-31 到期；2028-01-01 不得依据该授权出域任何数据。');
    });

    it('fires the day before validFrom', () => {
      const findings = evaluateAuthorization(candidate(), policy(), at('2024-12-31'));
      expect(rules(findings)).toEqual(['authz.expired', 'authz.expired']);
      expect(findings[0]!.location.field).toMatch(/validFrom$/);
    });

    it('fires only for the period that does not cover the date', () => {
      const shorter = policy((p) => {
        p.authorization.validTo = '2026-02-28';
      });
      expect(evaluateAuthorization(candidate(), shorter, at('2026-02-28'))).toEqual([]);
      const findings = evaluateAuthorization(candidate(), shorter, at('2026-03-01'));
      expect(findings).toHaveLength(1);
      expect(findings[0]!.location.field).toBe('policy.authorization.validTo');
    });

    it('takes 29 February of a leap year as a real last day', () => {
      const leap = (c: Record<string, unknown>) => {
        Object.assign(c.authorization as object, { validFrom: '2025-03-01', validTo: '2028-02-29' });
      };
      const p = policy((x) => {
        x.authorization = { validFrom: '2025-03-01', validTo: '2028-02-29' };
      });
      expect(evaluateAuthorization(candidate(leap), p, at('2028-02-29'))).toEqual([]);
      expect(rules(evaluateAuthorization(candidate(leap), p, at('2028-03-01')))).toEqual(['authz.expired', 'authz.expired']);
    });
  });

  describe('authz.period-too-long', () => {
    const period = (validFrom: string, validTo: string) =>
      candidate((c) => {
        Object.assign(c.authorization as object, { validFrom, validTo });
      });

    it('accepts exactly three calendar years, both ends counted', () => {
      expect(evaluateAuthorization(period('2025-01-01', '2027-12-31'), policy(), at('2026-01-01'))).toEqual([]);
      expect(evaluateAuthorization(period('2024-02-29', '2027-02-28'), policy(), at('2026-01-01'))).toEqual([]);
    });

    it('fires one day beyond three years', () => {
      const findings = evaluateAuthorization(period('2025-01-01', '2028-01-01'), policy(), at('2026-01-01'));
      expect(rules(findings)).toEqual(['authz.period-too-long']);
      expect(findings[0]).toMatchObject({ severity: 'block', clause: '§4(4)', location: { field: 'authorization.validTo' } });
      expect(findings[0]!.message).toContain('to 2027-12-31');
      expect(rules(evaluateAuthorization(period('2024-02-29', '2027-03-01'), policy(), at('2026-01-01')))).toEqual(['authz.period-too-long']);
    });

    it('uses a tighter maxAuthorizationYears of the policy', () => {
      const twoYears = policy((p) => {
        p.maxAuthorizationYears = 2;
        p.authorization = { validFrom: '2025-01-01', validTo: '2026-12-31' };
      });
      const findings = evaluateAuthorization(candidate(), twoYears, at('2026-01-01'));
      expect(rules(findings)).toEqual(['authz.period-too-long']);
      expect(findings[0]!.location.field).toBe('authorization.validTo');
      expect(findings[0]!.message).toContain('at most 2');
    });

    it('checks the policy’s own period as well', () => {
      const long = policy((p) => {
        p.authorization = { validFrom: '2025-01-01', validTo: '2030-12-31' };
      });
      const findings = evaluateAuthorization(candidate(), long, at('2026-01-01'));
      expect(findings.map((f) => [f.rule, f.location.field])).toEqual([['authz.period-too-long', 'policy.authorization.validTo']]);
    });
  });

  it('scenario.not-approved lists the approved scenarios and skips the recipient check', () => {
    const findings = evaluateAuthorization(
      candidate((c) => {
        c.scenario = { id: 'SC-9', name: '未批准场景' };
        (c.recipient as { creditCode: string }).creditCode = OTHER_RECIPIENT;
      }),
      policy(),
      at('2026-06-01'),
    );
    expect(rules(findings)).toEqual(['scenario.not-approved']);
    expect(findings[0]!.location.field).toBe('scenario.id');
    expect(findings[0]!.message).toContain('"SC-1"');
  });

  it('scenario.recipient-not-approved fires for a recipient of another scenario only', () => {
    const p = policy((x) => {
      x.scenarios.push({ id: 'SC-2', name: '场景二', recipients: [OTHER_RECIPIENT] });
    });
    const other = candidate((c) => {
      (c.recipient as { creditCode: string }).creditCode = OTHER_RECIPIENT;
    });
    const findings = evaluateAuthorization(other, p, at('2026-06-01'));
    expect(rules(findings)).toEqual(['scenario.recipient-not-approved']);
    expect(findings[0]!.location.field).toBe('recipient.creditCode');
    expect(findings[0]!.message).toContain(OTHER_RECIPIENT);
    const sc2 = candidate((c) => {
      c.scenario = { id: 'SC-2', name: '场景二' };
      (c.recipient as { creditCode: string }).creditCode = OTHER_RECIPIENT;
    });
    expect(evaluateAuthorization(sc2, p, at('2026-06-01'))).toEqual([]);
  });

  describe('sources', () => {
    const source = (patch: Record<string, unknown>) =>
      candidate((c) => {
        Object.assign((c.sources as object[])[0]!, patch);
      });

    it('fires for backflow and social sources without an approvalRef', () => {
      const findings = evaluateAuthorization(source({ backflow: true, social: true }), policy(), at('2026-06-01'));
      expect(rules(findings)).toEqual(['source.backflow-unapproved', 'source.social-unapproved']);
      expect(findings.map((f) => f.clause)).toEqual([RULES['source.backflow-unapproved'].clause, RULES['source.social-unapproved'].clause]);
      expect(findings[0]!.location.field).toBe('sources[0].approvalRef');
      expect(findings[0]!.message).toContain('has no approvalRef');
    });

    it('fires for an approvalRef the policy does not accept, or accepts only for the other kind', () => {
      const p = policy((x) => {
        x.approvedSources = { backflow: ['HZ-2025-001'], social: [] };
      });
      expect(rules(evaluateAuthorization(source({ backflow: true, approvalRef: 'HZ-2025-999' }), p, at('2026-06-01')))).toEqual(['source.backflow-unapproved']);
      expect(rules(evaluateAuthorization(source({ social: true, approvalRef: 'HZ-2025-001' }), p, at('2026-06-01')))).toEqual(['source.social-unapproved']);
    });

    it('accepts an approvalRef the policy lists, and ordinary sources without one', () => {
      const p = policy((x) => {
        x.approvedSources = { backflow: ['HZ-2025-001'], social: ['SOC-7'] };
      });
      expect(evaluateAuthorization(source({ backflow: true, approvalRef: 'HZ-2025-001' }), p, at('2026-06-01'))).toEqual([]);
      expect(evaluateAuthorization(source({ social: true, approvalRef: 'SOC-7' }), p, at('2026-06-01'))).toEqual([]);
      expect(evaluateAuthorization(source({ approvalRef: 'anything' }), policy(), at('2026-06-01'))).toEqual([]);
    });
  });
});
