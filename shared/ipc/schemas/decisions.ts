/**
 * Schemas of the decision channels: what the decision form is prefilled with and what it pins
 * (candidate, policy and findings digests), the decisions signed so far — blinded for a second
 * reviewer who has not signed theirs — the state of the review, and what the current user may do.
 */
import { z } from 'zod';
import { DECISION_OUTCOMES } from '../../formats/policy';
import { CandidateRef } from './preview';

export const Outcome = z.enum(DECISION_OUTCOMES);

/** Whether the current user may do something, and if not, why (in English and Chinese). */
export const Permission = z.strictObject({ allowed: z.boolean(), reason: z.string().nullable(), reasonZh: z.string().nullable() });
export type Permission = z.output<typeof Permission>;

export const DECISION_STATES = ['none', 'first-signed-awaiting-second', 'final-approved', 'final-rejected', 'returned', 'disagreement', 'revoked'] as const;
export const DecisionState = z.enum(DECISION_STATES);
export type DecisionState = z.output<typeof DecisionState>;

/** One signed decision as the current user may see it: outcome, comment and conditions are null while blinded. */
export const DecisionItem = z.strictObject({
  id: z.string(),
  role: z.enum(['reviewer', 'second-reviewer']),
  reviewer: z.strictObject({ id: z.string(), name: z.string(), keyId: z.string() }),
  outcome: Outcome.nullable(),
  comment: z.string().nullable(),
  conditions: z.array(z.string()).nullable(),
  acknowledged: z.array(z.strictObject({ rule: z.string(), justification: z.string() })).nullable(),
  /** The first decision this one countersigns. */
  countersigns: z.string().nullable(),
  createdAt: z.string(),
  /** Hidden from this user until they sign their own independent review. */
  blinded: z.boolean(),
  /** The revocation that withdrew this decision, if any. */
  revokedBy: z.strictObject({ id: z.string(), reason: z.string(), by: z.string(), createdAt: z.string() }).nullable(),
});
export type DecisionItem = z.output<typeof DecisionItem>;

export const DecisionView = z.strictObject({
  candidate: z.strictObject({ id: z.string(), revision: z.number().int(), digest: z.string() }),
  policy: z.strictObject({ id: z.string(), version: z.number().int(), digest: z.string() }).nullable(),
  /** The form's prefill from the candidate: its scenario and recipient. */
  scenario: z.strictObject({ id: z.string(), name: z.string() }),
  recipient: z.strictObject({ name: z.string(), creditCode: z.string() }),
  /** What a decision signed now pins: the findings digest and counts, and the acknowledgements made. */
  findings: z
    .strictObject({
      digest: z.string(),
      block: z.number().int(),
      warn: z.number().int(),
      acknowledged: z.array(z.strictObject({ rule: z.string(), justification: z.string() })),
    })
    .nullable(),
  /** The highest grade among the candidate's fields, and the policy's threshold for a second review. */
  maxGrade: z.number().int(),
  secondReviewFromGrade: z.number().int().nullable(),
  secondReviewRequired: z.boolean(),
  /** Outcomes the policy says must be sealed (用印). */
  sealRequiredFor: z.array(Outcome),
  state: DecisionState,
  decisions: z.array(DecisionItem),
  can: z.strictObject({ decide: Permission, secondReview: Permission, revoke: Permission }),
});
export type DecisionView = z.output<typeof DecisionView>;

export const SignDecisionRequest = CandidateRef.extend({
  role: z.enum(['reviewer', 'second-reviewer']),
  outcome: Outcome,
  scenarioId: z.string().trim().min(1).max(100),
  recipient: z.strictObject({ name: z.string().trim().min(1).max(200), creditCode: z.string().trim().min(1).max(18) }),
  conditions: z.array(z.string().trim().min(1).max(1000)).max(50),
  comment: z.string().max(4000),
  /**
   * The findings digest the form showed (`DecisionView.findings.digest`): main refuses to sign
   * when the findings changed meanwhile (a new scan, an acknowledgement), so a decision always
   * pins what its reviewer saw.
   */
  findingsDigest: z.string().regex(/^sm3:[0-9a-f]{64}$/),
});

export const RevokeRequest = CandidateRef.extend({
  target: z.string().min(1).max(26),
  reason: z.string().trim().min(10).max(2000),
});
