/**
 * The policy evaluators of RULES.md over the manifest, the policy and the scan summaries: scope,
 * authorization and reversibility, combined in one deterministic, sorted list of findings.
 */
import type { Candidate } from '../../formats/candidate';
import { sortFindings, type Finding } from '../../formats/findings';
import type { Policy } from '../../formats/policy';
import { evaluateAuthorization } from './authorization';
import { checkAsOf, type PolicyEvaluationOptions } from './options';
import { evaluateReversibility } from './reversibility';
import { evaluateScope } from './scope';

export { apiResponseProperties, exposedPropertyNames, type ApiProperty, type ApiResponseProperties } from './api-properties';
export { evaluateAuthorization } from './authorization';
export type { PolicyEvaluationOptions, TableProfiles } from './options';
export { isWithin, lastDayOfPeriod } from './period';
export { DIGEST_SHARE, RAW_GRADE, enumerableReason, evaluateReversibility, fieldReversible, identifierKind } from './reversibility';
export { scopeDiff, type ScopeProblem, type ScopeRow } from './scope-diff';
export { authorizedEntry, evaluateScope, normaliseTransform, transformAccepted } from './scope';

/** Every scope, authorization, raw-data and reversibility finding for a candidate, sorted. */
export function evaluatePolicyRules(manifest: Candidate, policy: Policy, options: PolicyEvaluationOptions): Finding[] {
  checkAsOf(options.asOf);
  return sortFindings([...evaluateScope(manifest, policy, options), ...evaluateAuthorization(manifest, policy, options), ...evaluateReversibility(manifest, policy, options)]);
}
