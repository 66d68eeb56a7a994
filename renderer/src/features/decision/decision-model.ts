/**
 * The rules of the decision form, kept apart from React so they can be tested: which outcomes
 * may be chosen (no approval while a blocking finding stands or before the checks ran), when a
 * comment and conditions are required (the same rules main and the record schema enforce), which
 * role the form signs with (a second review when main says this user may give one), which
 * permission's reason explains a disabled Sign button, and the request the form sends.
 */
import { DECISION_OUTCOMES, type DecisionOutcome } from '../../../../shared/formats/policy';
import type { RequestOf } from '../../../../shared/ipc/contract';
import type { DecisionItem, DecisionState, DecisionView, Permission } from '../../../../shared/ipc/schemas/decisions';

export const OUTCOMES: readonly DecisionOutcome[] = DECISION_OUTCOMES;
export const MAX_COMMENT = 4000;
export const MAX_CONDITION = 1000;
export const MAX_CONDITIONS = 50;
export const MIN_REVOKE_REASON = 10;
export const MAX_REVOKE_REASON = 2000;
/** A unified social credit code (GB 32100): 18 characters, no I, O, S, V or Z. */
const CREDIT_CODE = /^[0-9A-HJ-NP-RT-UW-Y]{18}$/;

export function isApproval(outcome: DecisionOutcome | null): boolean {
  return outcome === 'approve' || outcome === 'approve-with-conditions';
}

/** What the reviewer has typed so far; the scenario and recipient start from the view's prefill. */
export type DecisionDraft = {
  outcome: DecisionOutcome | null;
  scenarioId: string;
  recipientName: string;
  recipientCreditCode: string;
  conditions: string[];
  comment: string;
};

export function initialDraft(view: Pick<DecisionView, 'scenario' | 'recipient'>, outcome: DecisionOutcome | null = null): DecisionDraft {
  return {
    outcome,
    scenarioId: view.scenario.id,
    recipientName: view.recipient.name,
    recipientCreditCode: view.recipient.creditCode,
    conditions: outcome === 'approve-with-conditions' ? [''] : [],
    comment: '',
  };
}

/** Why an outcome cannot be chosen: `blocking` findings stand, or the checks have `not-checked` the candidate. */
export type OutcomeBlock = 'blocking' | 'not-checked';

/** Each outcome with why it is unavailable (null when it can be chosen). Returning and rejecting are always possible. */
export function outcomeAvailability(view: Pick<DecisionView, 'findings'>): Record<DecisionOutcome, OutcomeBlock | null> {
  const approvalBlock: OutcomeBlock | null = view.findings === null ? 'not-checked' : view.findings.block > 0 ? 'blocking' : null;
  return { approve: approvalBlock, 'approve-with-conditions': approvalBlock, return: null, reject: null };
}

/** Why the comment is required for this outcome, or `optional`. */
export type CommentRule = 'optional' | 'return' | 'reject' | 'acknowledged';

export function commentRule(outcome: DecisionOutcome | null, view: Pick<DecisionView, 'findings'>): CommentRule {
  if (outcome === 'return' || outcome === 'reject') return outcome;
  if (isApproval(outcome) && (view.findings?.acknowledged.length ?? 0) > 0) return 'acknowledged';
  return 'optional';
}

/** The form signs as a second reviewer exactly when main says this user may give the second review. */
export function signingRole(view: Pick<DecisionView, 'can'>): 'reviewer' | 'second-reviewer' {
  return view.can.secondReview.allowed ? 'second-reviewer' : 'reviewer';
}

/**
 * The permission behind the Sign button: the second review's when the form signs one or a first
 * decision awaits its second review (its refusal says why this user cannot give it — e.g. they
 * signed the first), otherwise the permission to decide.
 */
export function signPermission(view: Pick<DecisionView, 'can' | 'state'>): Permission {
  if (view.can.secondReview.allowed || view.state === 'first-signed-awaiting-second') return view.can.secondReview;
  return view.can.decide;
}

/**
 * Why this user cannot sign now, in the UI language. While a first decision awaits its second
 * review both refusals matter — no new first decision now, and why this user cannot give the
 * second review (not their role, or they signed the first) — so both are given, once each.
 */
export function signRefusals(view: Pick<DecisionView, 'can' | 'state'>, language: string): string[] {
  const permission = signPermission(view);
  if (permission.allowed) return [];
  const permissions = view.state === 'first-signed-awaiting-second' ? [view.can.decide, view.can.secondReview] : [permission];
  const reasons = permissions.map((p) => reasonText(p, language)).filter((r): r is string => r !== null);
  return [...new Set(reasons)];
}

/** A refusal's reason in the UI language (Chinese unless the UI is English); null when there is none. */
export function reasonText(permission: Permission, language: string): string | null {
  if (permission.allowed) return null;
  const zh = language.startsWith('zh');
  return (zh ? permission.reasonZh : permission.reason) ?? permission.reason ?? permission.reasonZh;
}

export type DecisionProblem =
  | { field: 'outcome'; problem: 'required' | OutcomeBlock }
  | { field: 'scenarioId'; problem: 'required' | 'too-long' }
  | { field: 'recipientName'; problem: 'required' | 'too-long' }
  | { field: 'recipientCreditCode'; problem: 'required' | 'invalid' }
  | { field: 'conditions'; problem: 'required' | 'too-many' }
  | { field: 'condition'; index: number; problem: 'empty' | 'too-long' }
  | { field: 'comment'; problem: Exclude<CommentRule, 'optional'> | 'too-long' }
  /** No findings document to pin: the checks have not run on this revision. */
  | { field: 'findings'; problem: 'not-checked' };

export type DecisionCheck = { ok: true; request: Omit<RequestOf<'decision:sign'>, 'id' | 'revision'> } | { ok: false; problems: DecisionProblem[] };

/** Checks the draft as main will and builds the request: trimmed texts, conditions only for an approval with conditions. */
export function checkDecision(draft: DecisionDraft, view: Pick<DecisionView, 'findings' | 'can' | 'state'>): DecisionCheck {
  const problems: DecisionProblem[] = [];
  const { outcome } = draft;
  if (outcome === null) problems.push({ field: 'outcome', problem: 'required' });
  else {
    const block = outcomeAvailability(view)[outcome];
    if (block !== null) problems.push({ field: 'outcome', problem: block });
  }

  const scenarioId = draft.scenarioId.trim();
  if (scenarioId === '') problems.push({ field: 'scenarioId', problem: 'required' });
  else if (scenarioId.length > 100) problems.push({ field: 'scenarioId', problem: 'too-long' });
  const recipientName = draft.recipientName.trim();
  if (recipientName === '') problems.push({ field: 'recipientName', problem: 'required' });
  else if (recipientName.length > 200) problems.push({ field: 'recipientName', problem: 'too-long' });
  const creditCode = draft.recipientCreditCode.trim().toUpperCase();
  if (creditCode === '') problems.push({ field: 'recipientCreditCode', problem: 'required' });
  else if (!CREDIT_CODE.test(creditCode)) problems.push({ field: 'recipientCreditCode', problem: 'invalid' });

  const withConditions = outcome === 'approve-with-conditions';
  const conditions = withConditions ? draft.conditions.map((c) => c.trim()) : [];
  if (withConditions) {
    if (conditions.every((c) => c === '')) problems.push({ field: 'conditions', problem: 'required' });
    else {
      if (conditions.length > MAX_CONDITIONS) problems.push({ field: 'conditions', problem: 'too-many' });
      conditions.forEach((c, index) => {
        if (c === '') problems.push({ field: 'condition', index, problem: 'empty' });
        else if (c.length > MAX_CONDITION) problems.push({ field: 'condition', index, problem: 'too-long' });
      });
    }
  }

  const comment = draft.comment.trim();
  const rule = commentRule(outcome, view);
  if (comment.length > MAX_COMMENT) problems.push({ field: 'comment', problem: 'too-long' });
  else if (rule !== 'optional' && comment === '') problems.push({ field: 'comment', problem: rule });

  if (view.findings === null) problems.push({ field: 'findings', problem: 'not-checked' });

  if (problems.length > 0 || outcome === null || view.findings === null) return { ok: false, problems };
  return {
    ok: true,
    request: {
      role: signingRole(view),
      outcome,
      scenarioId,
      recipient: { name: recipientName, creditCode },
      conditions,
      comment,
      // What the reviewer saw: main refuses the signature if the findings changed since.
      findingsDigest: view.findings.digest,
    },
  };
}

export type RevokeCheck = { ok: true; reason: string } | { ok: false; problem: 'too-short' | 'too-long'; length: number };

/** A revocation says why in at least 10 characters (main checks it again). */
export function checkRevokeReason(text: string): RevokeCheck {
  // Counted as main counts (zod's min/max: UTF-16 units; one per Chinese character).
  const reason = text.trim();
  const length = reason.length;
  if (length < MIN_REVOKE_REASON) return { ok: false, problem: 'too-short', length };
  if (reason.length > MAX_REVOKE_REASON) return { ok: false, problem: 'too-long', length };
  return { ok: true, reason };
}

/** The approvals a revocation may withdraw: visible, approving, not yet revoked — newest first. */
export function revocableApprovals(decisions: readonly DecisionItem[]): DecisionItem[] {
  return decisions.filter((d) => !d.blinded && d.revokedBy === null && isApproval(d.outcome)).reverse();
}

/** How the state banner looks. */
export function stateTone(state: DecisionState): 'neutral' | 'pending' | 'success' | 'warning' | 'danger' {
  switch (state) {
    case 'none':
      return 'neutral';
    case 'first-signed-awaiting-second':
      return 'pending';
    case 'final-approved':
      return 'success';
    case 'returned':
    case 'disagreement':
      return 'warning';
    case 'final-rejected':
    case 'revoked':
      return 'danger';
  }
}
