/**
 * The export policy (FORMATS.md §2) as a zod schema: what one authorization agreement allows to
 * leave the domain, and the disclosure-control thresholds, with the defaults of RULES.md.
 */
import { z } from 'zod';
import { Transform } from './candidate';
import { CreditCode, IsoDate, IsoDateTime, formatHeader } from './common';

/** The outcomes of a review decision (FORMATS.md §4). */
export const DECISION_OUTCOMES = ['approve', 'approve-with-conditions', 'return', 'reject'] as const;
/** The roles a reviewer credential can carry (FORMATS.md §4). */
export const CREDENTIAL_ROLES = ['reviewer', 'second-reviewer', 'expert', 'seal-approver', 'seal-custodian', 'auditor'] as const;

/** §4(4): an authorization runs at most three years; a policy may tighten this, never loosen it. */
export const MAX_AUTHORIZATION_YEARS = 3;

/** Statistical disclosure-control defaults of RULES.md (ACRO practice). */
export const DEFAULT_THRESHOLDS = {
  minCellCount: 10,
  zerosDisclosive: true,
  dominance: { n: 2, k: 0.9 },
  pRatio: 0.1,
  kAnonymity: 5,
  lDiversity: 2,
} as const;

const PolicyId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected an id of letters, digits, ".", "_" or "-" (at most 64)');

export const PolicyScenario = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  /** Credit codes of the recipients approved for this scenario. */
  recipients: z.array(CreditCode).min(1, 'a scenario names at least one approved recipient'),
});

export const AuthorizedField = z.object({
  dataset: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  maxGrade: z.number().int().min(1).max(4),
  /** Any one of these transforms satisfies the policy. */
  requiredTransform: z.array(Transform).min(1, 'list at least one accepted transform (use "none" when the field may leave as is)'),
});

export const Thresholds = z.object({
  minCellCount: z.number().int().min(1).default(DEFAULT_THRESHOLDS.minCellCount),
  zerosDisclosive: z.boolean().default(DEFAULT_THRESHOLDS.zerosDisclosive),
  dominance: z
    .object({
      n: z.number().int().min(1).default(DEFAULT_THRESHOLDS.dominance.n),
      k: z.number().gt(0).max(1).default(DEFAULT_THRESHOLDS.dominance.k),
    })
    .prefault({}),
  pRatio: z.number().min(0).max(1).default(DEFAULT_THRESHOLDS.pRatio),
  kAnonymity: z.number().int().min(1).default(DEFAULT_THRESHOLDS.kAnonymity),
  lDiversity: z.number().int().min(1).default(DEFAULT_THRESHOLDS.lDiversity),
});

export const Policy = formatHeader('export-policy', 1)
  .extend({
    id: PolicyId,
    version: z.number().int().min(1),
    agreementId: z.string().min(1).max(100),
    issuedBy: z.string().min(1).max(200),
    issuedAt: IsoDateTime,
    authorization: z.object({ validFrom: IsoDate, validTo: IsoDate }),
    maxAuthorizationYears: z
      .number()
      .int()
      .min(1)
      .max(MAX_AUTHORIZATION_YEARS, { error: `an authorization runs at most ${MAX_AUTHORIZATION_YEARS} years (§4(4))` })
      .default(MAX_AUTHORIZATION_YEARS),
    scenarios: z.array(PolicyScenario).min(1, 'a policy approves at least one scenario'),
    authorizedFields: z.array(AuthorizedField),
    /** The approvalRefs the authority accepted for province backflow and social sources; none by default. */
    approvedSources: z
      .object({ backflow: z.array(z.string().min(1).max(200)).default([]), social: z.array(z.string().min(1).max(200)).default([]) })
      .prefault({}),
    thresholds: Thresholds.prefault({}),
    review: z.object({
      /** A candidate with a field of this grade or higher needs an independent second reviewer. */
      secondReviewerFromGrade: z.number().int().min(1).max(4),
      sealRequiredFor: z.array(z.enum(DECISION_OUTCOMES)),
    }),
    reveal: z.object({
      roles: z.array(z.enum(CREDENTIAL_ROLES)),
      maxCellsPerReason: z.number().int().min(1),
    }),
  })
  .superRefine((p, ctx) => {
    if (p.authorization.validFrom > p.authorization.validTo) {
      ctx.addIssue({ code: 'custom', path: ['authorization', 'validTo'], message: 'the authorization ends before it starts' });
    }
    const scenarios = new Map<string, number>();
    p.scenarios.forEach((scenario, index) => {
      const first = scenarios.get(scenario.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['scenarios', index, 'id'], message: `duplicates scenarios[${first}].id` });
      else scenarios.set(scenario.id, index);
    });
    const fields = new Map<string, number>();
    p.authorizedFields.forEach((field, index) => {
      const key = `${field.dataset}\u0000${field.name}`;
      const first = fields.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['authorizedFields', index], message: `duplicates authorizedFields[${first}] (${field.dataset}.${field.name})` });
      } else {
        fields.set(key, index);
      }
    });
  });

export type Policy = z.output<typeof Policy>;
/** A policy as written in a file, before defaults are filled in. */
export type PolicyInput = z.input<typeof Policy>;
export type PolicyScenario = z.output<typeof PolicyScenario>;
export type AuthorizedField = z.output<typeof AuthorizedField>;
export type Thresholds = z.output<typeof Thresholds>;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export type CredentialRole = (typeof CREDENTIAL_ROLES)[number];
