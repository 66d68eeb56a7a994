/**
 * Review decisions in main (issue 5, DESIGN.md flow step 5): the decision form's prefill and
 * what a decision pins (candidate, policy and findings digests), the decisions signed so far as
 * the current user may see them (blinded for a second reviewer), and signing — checked against
 * the role rules and the candidate, signed with the current user's unlocked key, appended to
 * the journal (fsync) and audited before the caller hears of it. Revocation withdraws an approval.
 */
import { canonicalSm3 } from '../../../shared/formats/canonical';
import { Candidate } from '../../../shared/formats/candidate';
import { can } from '../../../shared/identity/can';
import { blindView, isRedacted } from '../../../shared/identity/blind-view';
import { analyseDecisions } from '../../../shared/identity/decision-state';
import type { Actor, Permission as RulePermission } from '../../../shared/identity/permission';
import type { DecisionItem, DecisionView, Permission } from '../../../shared/ipc/schemas/decisions';
import { ServiceError } from '../../../shared/ipc/result';
import { isApproving, type ReviewDecision, type Revocation, type SignedRecord } from '../../../shared/records/schemas';
import type { AuditLog } from '../audit/audit-log';
import type { CandidateStore, StoredCandidate } from '../candidates/candidate-store';
import type { IdentityService, Signer } from '../identity/identity-service';
import type { Journal } from '../journal/journal';
import type { PolicyStore, StoredPolicy } from '../policies/policy-store';
import type { Platform } from '../ports';
import type { ReviewService } from '../review/review-service';
import { candidateRecords, decisionsOf } from './candidate-records';

export type SignDecisionInput = {
  role: 'reviewer' | 'second-reviewer';
  outcome: ReviewDecision['outcome'];
  scenarioId: string;
  recipient: { name: string; creditCode: string };
  conditions: string[];
  comment: string;
  findingsDigest: string;
};

export type DecisionService = {
  view(id: string, revision: number): Promise<DecisionView>;
  sign(id: string, revision: number, input: SignDecisionInput): Promise<DecisionView>;
  revoke(id: string, revision: number, target: string, reason: string): Promise<DecisionView>;
  /** What a view is built on, for the seal service. */
  context(id: string, revision: number): Promise<DecisionContext>;
};

export type DecisionDeps = {
  platform: Pick<Platform, 'emit' | 'log'>;
  store: CandidateStore;
  policies: PolicyStore;
  review: Pick<ReviewService, 'findings'>;
  identity: IdentityService;
  journal: Journal;
  audit: AuditLog;
};

/** Everything a decision view or a seal step is worked out from. */
export type DecisionContext = {
  stored: StoredCandidate;
  manifest: Candidate;
  policy: StoredPolicy | null;
  findings: DecisionView['findings'];
  maxGrade: number;
  secondReviewRequired: boolean;
  records: SignedRecord[];
  envelopes: Awaited<ReturnType<typeof candidateRecords>>['envelopes'];
  actor: Actor | null;
  /** Why nothing can be decided yet (not scanned, no policy, stale findings), or null. */
  blocker: RulePermission | null;
};

const ALLOWED: Permission = { allowed: true, reason: null, reasonZh: null };
const toPermission = (p: RulePermission): Permission => (p.allowed ? ALLOWED : { allowed: false, reason: p.reason, reasonZh: p.reasonZh });
const refused = (reason: string, reasonZh: string): Permission => ({ allowed: false, reason, reasonZh });

export function createDecisionService(deps: DecisionDeps): DecisionService {
  const { store, policies, review, identity, journal, audit, platform } = deps;

  const context = async (id: string, revision: number): Promise<DecisionContext> => {
    const stored = await store.read(id, revision);
    if (!stored) throw new ServiceError('candidates.not-found', `Candidate ${id} revision ${revision} is not in the store.`, { id, revision });
    const manifest = Candidate.parse(JSON.parse(stored.manifestText));
    const policy = await policies.forAgreement(manifest.authorization.agreementId);
    const view = await review.findings(id, revision);
    let findings: DecisionView['findings'] = null;
    if (view.state === 'ready' && view.document) {
      // One entry per rule (a decision acknowledges rules); several findings of a rule keep every justification.
      const byRule = new Map<string, string[]>();
      for (const item of view.items) {
        if (!item.acknowledgement) continue;
        const list = byRule.get(item.finding.rule) ?? [];
        if (!list.includes(item.acknowledgement.justification)) list.push(item.acknowledgement.justification);
        byRule.set(item.finding.rule, list);
      }
      findings = {
        digest: await canonicalSm3(view.document),
        block: view.document.summary.block,
        warn: view.document.summary.warn,
        acknowledged: [...byRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, list]) => ({ rule, justification: list.join('\n') })),
      };
    }
    const maxGrade = Math.max(0, ...manifest.files.flatMap((f) => (f.table ? f.table.fields.map((field) => field.grade) : [])));
    const threshold = policy?.policy.review.secondReviewerFromGrade ?? null;
    const secondReviewRequired = threshold !== null && maxGrade >= threshold;
    const credentials = await identity.credentials();
    const { records, envelopes } = await candidateRecords(journal, credentials, id, revision, platform.log);
    const actor = await identity.currentActor();
    let blocker: RulePermission | null = null;
    if (view.state !== 'ready' || !findings) blocker = { allowed: false, reason: 'The candidate has not been scanned: its findings are not known yet.', reasonZh: '该申请尚未扫描，检查结果未知。' };
    else if (!policy) blocker = { allowed: false, reason: `No policy is stored for the agreement ${manifest.authorization.agreementId}; import it first.`, reasonZh: `尚未导入授权协议 ${manifest.authorization.agreementId} 的出域政策，请先导入。` };
    else if (view.stale) blocker = { allowed: false, reason: 'The policy changed after the scan: scan again so the findings use the current policy.', reasonZh: '扫描之后政策已变更：请重新扫描，使检查结果依据现行政策。' };
    return { stored, manifest, policy, findings, maxGrade, secondReviewRequired, records, envelopes, actor, blocker };
  };

  /** The first decision awaiting a second review, if the state says one does. */
  const openFirst = (ctx: DecisionContext): ReviewDecision | null => {
    const analysis = analyseDecisions(ctx.records, { secondReviewRequired: ctx.secondReviewRequired, candidate: { id: ctx.manifest.id, revision: ctx.manifest.revision } });
    if (analysis.state !== 'first-signed-awaiting-second') return null;
    const pending = analysis.rounds.filter((r) => r.verdict === 'pending' && !r.withdrawn);
    return pending.at(-1)?.first ?? null;
  };

  const parties = (ctx: DecisionContext) => ({ operatorContact: ctx.manifest.operator.contact });

  const permissions = (ctx: DecisionContext): DecisionView['can'] => {
    const noUser = refused('Choose who you are (a user with a credential) first.', '请先选择您的身份（持有凭证的用户）。');
    if (!ctx.actor) return { decide: noUser, secondReview: noUser, revoke: noUser };
    const actor = ctx.actor;
    const blocked = ctx.blocker ? toPermission(ctx.blocker) : null;
    const decide = blocked ?? toPermission(can('decide', actor, { candidate: parties(ctx), records: ctx.records, secondReviewRequired: ctx.secondReviewRequired }));
    const first = openFirst(ctx);
    const secondReview =
      blocked ??
      (first
        ? toPermission(can('second-review', actor, { candidate: parties(ctx), first, records: ctx.records }))
        : refused('No first decision is waiting for a second review.', '没有等待复核的初审决定。'));
    const analysis = analyseDecisions(ctx.records, { secondReviewRequired: ctx.secondReviewRequired, candidate: { id: ctx.manifest.id, revision: ctx.manifest.revision } });
    const revoke =
      analysis.state !== 'final-approved'
        ? refused('Only a final approval can be revoked.', '只有最终批准的决定才能撤销。')
        : actor.roles.includes('reviewer') || actor.roles.includes('second-reviewer')
          ? ALLOWED
          : refused('Only a reviewer can revoke an approval.', '只有审核员可以撤销批准。');
    return { decide, secondReview, revoke };
  };

  const items = (ctx: DecisionContext): DecisionItem[] => {
    const viewed = ctx.actor ? blindView(ctx.records, ctx.actor) : ctx.records;
    const revocations = ctx.records.filter((r): r is Revocation => r.format === 'revocation');
    const out: DecisionItem[] = [];
    for (const record of viewed) {
      if (record.format !== 'review-decision') continue;
      const revocation = revocations.find((r) => r.target === record.id);
      const base = {
        id: record.id,
        role: record.role,
        reviewer: { id: record.reviewer.id, name: record.reviewer.name, keyId: record.reviewer.keyId },
        countersigns: record.countersigns ?? null,
        createdAt: record.createdAt,
        revokedBy: revocation ? { id: revocation.id, reason: revocation.reason, by: revocation.signer.name, createdAt: revocation.createdAt } : null,
      };
      if (isRedacted(record)) out.push({ ...base, outcome: null, comment: null, conditions: null, acknowledged: null, blinded: true });
      else out.push({ ...base, outcome: record.outcome, comment: record.comment, conditions: record.conditions, acknowledged: record.findings.acknowledged, blinded: false });
    }
    return out;
  };

  const viewOf = (ctx: DecisionContext): DecisionView => {
    const analysis = analyseDecisions(ctx.records, { secondReviewRequired: ctx.secondReviewRequired, candidate: { id: ctx.manifest.id, revision: ctx.manifest.revision } });
    return {
      candidate: { id: ctx.manifest.id, revision: ctx.manifest.revision, digest: ctx.stored.meta.digest },
      policy: ctx.policy ? { id: ctx.policy.policy.id, version: ctx.policy.policy.version, digest: ctx.policy.digest } : null,
      scenario: { id: ctx.manifest.scenario.id, name: ctx.manifest.scenario.name },
      recipient: { name: ctx.manifest.recipient.name, creditCode: ctx.manifest.recipient.creditCode },
      findings: ctx.findings,
      maxGrade: ctx.maxGrade,
      secondReviewFromGrade: ctx.policy?.policy.review.secondReviewerFromGrade ?? null,
      secondReviewRequired: ctx.secondReviewRequired,
      sealRequiredFor: ctx.policy ? [...ctx.policy.policy.review.sealRequiredFor] : [],
      state: analysis.state,
      decisions: items(ctx),
      can: permissions(ctx),
    };
  };

  const view = async (id: string, revision: number) => viewOf(await context(id, revision));

  const refuse = (permission: Permission, code: string): never => {
    throw new ServiceError(code, permission.reason ?? 'Not allowed.', { reasonZh: permission.reasonZh ?? '' });
  };

  const handleOf = (signer: Signer) => ({ alg: signer.user.alg, keyId: signer.keyId, sign: signer.sign });

  const sign = async (id: string, revision: number, input: SignDecisionInput): Promise<DecisionView> => {
    const signer = await identity.signer();
    const ctx = await context(id, revision);
    const allowed = permissions(ctx);
    if (input.role === 'reviewer' && !allowed.decide.allowed) refuse(allowed.decide, 'decision.not-allowed');
    if (input.role === 'second-reviewer' && !allowed.secondReview.allowed) refuse(allowed.secondReview, 'decision.not-allowed');
    const findings = ctx.findings!;
    const policy = ctx.policy!;
    if (input.findingsDigest !== findings.digest) {
      throw new ServiceError('decision.findings-changed', 'The findings changed since the form was opened (a new scan or an acknowledgement); look at them again and sign anew.', {});
    }
    if (input.scenarioId !== ctx.manifest.scenario.id) {
      throw new ServiceError('decision.mismatch', `The scenario "${input.scenarioId}" is not the candidate's scenario "${ctx.manifest.scenario.id}".`, { field: 'scenarioId' });
    }
    if (input.recipient.name !== ctx.manifest.recipient.name || input.recipient.creditCode !== ctx.manifest.recipient.creditCode) {
      throw new ServiceError('decision.mismatch', `The recipient does not match the candidate's recipient (${ctx.manifest.recipient.name}, ${ctx.manifest.recipient.creditCode}).`, { field: 'recipient' });
    }
    if (isApproving(input.outcome) && findings.block > 0) {
      throw new ServiceError('decision.blocking-findings', `Approval is impossible while ${findings.block} blocking finding(s) stand; return the candidate for revision or reject it.`, {});
    }
    const first = input.role === 'second-reviewer' ? openFirst(ctx) : null;
    const draft = {
      format: 'review-decision' as const,
      formatVersion: 1 as const,
      candidate: { id: ctx.manifest.id, revision: ctx.manifest.revision, digest: ctx.stored.meta.digest },
      policy: { id: policy.policy.id, version: policy.policy.version, digest: policy.digest },
      outcome: input.outcome,
      scenarioId: input.scenarioId,
      recipient: { name: input.recipient.name, creditCode: input.recipient.creditCode },
      conditions: input.outcome === 'approve-with-conditions' ? input.conditions : [],
      comment: input.comment,
      findings: { digest: findings.digest, block: findings.block, warn: findings.warn, acknowledged: findings.acknowledged },
      role: input.role,
      reviewer: { id: signer.user.id, name: signer.user.name, keyId: signer.keyId },
      ...(first ? { countersigns: first.id } : {}),
    };
    const envelope = await appendChecked(() => journal.appendNew<ReviewDecision>(draft, handleOf(signer)));
    await audit.append({
      actor: signer.user.id,
      action: 'decide',
      target: `${id}@${revision}`,
      detail: { record: envelope.record.id, role: input.role, outcome: input.outcome, findingsDigest: findings.digest, ...(first ? { countersigns: first.id } : {}) },
    });
    platform.emit('decision:changed', { id, revision });
    return view(id, revision);
  };

  const revoke = async (id: string, revision: number, target: string, reason: string): Promise<DecisionView> => {
    const signer = await identity.signer();
    const ctx = await context(id, revision);
    const allowed = permissions(ctx);
    if (!allowed.revoke.allowed) refuse(allowed.revoke, 'decision.not-allowed');
    const decision = decisionsOf(ctx.records).find((d) => d.id === target);
    if (!decision || !isApproving(decision.outcome)) throw new ServiceError('decision.not-found', `The record ${target} is not an approval of ${id} revision ${revision}.`, { target });
    const envelope = await appendChecked(() =>
      journal.appendNew<Revocation>({ format: 'revocation', formatVersion: 1, target, reason, signer: { id: signer.user.id, name: signer.user.name, keyId: signer.keyId } }, handleOf(signer)),
    );
    await audit.append({ actor: signer.user.id, action: 'decide', target: `${id}@${revision}`, detail: { record: envelope.record.id, revokes: target } });
    platform.emit('decision:changed', { id, revision });
    return view(id, revision);
  };

  return { view, sign, revoke, context };
}

/** Runs a journal append; a record its schema refuses becomes a ServiceError naming why. */
export async function appendChecked<T>(append: () => Promise<T>): Promise<T> {
  try {
    return await append();
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    if (error instanceof Error && (error.name === 'ZodError' || error instanceof TypeError)) {
      throw new ServiceError('records.invalid', `The record cannot be signed: ${error.message}`, {});
    }
    throw error;
  }
}
