/**
 * The rule catalogue of RULES.md as data: every rule's stable ID, default severity and the
 * clause of the measures (DOMAIN.md) it cites. Findings take their severity and clause from
 * here, so a rule cannot drift from the catalogue.
 */

export type Severity = 'block' | 'warn' | 'info';

export type RuleInfo = { severity: Severity; clause: string | null };

export const RULES = {
  'intake.digest-mismatch': { severity: 'block', clause: '§6(1)' },
  'intake.missing-file': { severity: 'block', clause: '§6(1)' },
  'intake.undeclared-file': { severity: 'block', clause: '§6(1)' },
  'intake.unsafe-path': { severity: 'block', clause: null },
  'intake.encoding-guessed': { severity: 'warn', clause: null },
  'intake.precision-loss': { severity: 'warn', clause: null },
  'intake.hidden-content': { severity: 'warn', clause: null },
  'export.raw-package': { severity: 'block', clause: '§5(5)' },
  'reversible.declared': { severity: 'block', clause: '§5(5)' },
  'reversible.unkeyed-hash': { severity: 'block', clause: '§5(5)' },
  'reversible.recovered': { severity: 'block', clause: '§5(5)' },
  'reversible.digest-undeclared': { severity: 'warn', clause: '§5(5)' },
  'pii.unmasked': { severity: 'block', clause: '§5(3)' },
  'pii.mask-nonconforming': { severity: 'block', clause: '§5(3)' },
  'pii.undeclared': { severity: 'block', clause: '§5(3)' },
  'pii.in-text': { severity: 'block', clause: '§5(3)' },
  'pii.free-text-names': { severity: 'warn', clause: '§5(3)' },
  'scope.unauthorized-field': { severity: 'block', clause: '§3(3)' },
  'scope.grade-exceeded': { severity: 'block', clause: '§6(1)' },
  'scope.transform-missing': { severity: 'block', clause: '§5(3)' },
  'scope.api-field': { severity: 'block', clause: '§3(3)' },
  'authz.agreement-mismatch': { severity: 'block', clause: '§4(4)' },
  'authz.expired': { severity: 'block', clause: '§4(4)' },
  'authz.period-too-long': { severity: 'block', clause: '§4(4)' },
  'scenario.not-approved': { severity: 'block', clause: '§5(5)' },
  'scenario.recipient-not-approved': { severity: 'block', clause: '§5(5)' },
  'source.backflow-unapproved': { severity: 'block', clause: '§5(3)' },
  'source.social-unapproved': { severity: 'block', clause: '§5(4)' },
  'sdc.small-cell': { severity: 'block', clause: '§5(2)' },
  'sdc.dominance': { severity: 'block', clause: '§5(2)' },
  'sdc.p-ratio': { severity: 'block', clause: '§5(2)' },
  'sdc.k-anonymity': { severity: 'block', clause: '§5(2)' },
  'sdc.l-diversity': { severity: 'warn', clause: '§5(2)' },
  'sdc.secondary': { severity: 'warn', clause: '§5(2)' },
  'revision.chain-broken': { severity: 'block', clause: '§6(1)' },
  'revision.changed': { severity: 'info', clause: '§6(1)' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The catalogue entry of a rule. */
export function ruleInfo(rule: RuleId): RuleInfo {
  return RULES[rule];
}
