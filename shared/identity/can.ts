/**
 * The role rules of issue 5 as one pure function: whether a person may decide, second-review,
 * request, approve or apply the contract seal, reveal, annotate or audit, given the records
 * that matter. Roles come from the person's credential; separation of duties (author ≠
 * reviewer, first ≠ second reviewer, requester ≠ approver ≠ custodian) from the records.
 */
import type { CredentialRole } from '../formats/policy';
import type { ReviewDecision, SealApproval, SealDefinition, SealRequest, SignedRecord } from '../records/schemas';
import { analyseDecisions, secondReviewProblem, type DecisionState } from './decision-state';
import { ALLOWED, ROLE_ZH, refuse, type Actor, type Permission } from './permission';

export const ACTIONS = ['decide', 'second-review', 'seal-request', 'seal-approve', 'seal-apply', 'reveal', 'annotate', 'audit'] as const;
export type Action = (typeof ACTIONS)[number];

/** The people behind a candidate, who must not review it. */
export type CandidateParties = {
  /** The user id of whoever prepared the candidate, when it is a workstation user. */
  authorId?: string | null;
  /** The operator's contact line from candidate.json (`operator.contact`). */
  operatorContact?: string | null;
};

export type ActionContext = {
  decide: { candidate: CandidateParties; records: readonly SignedRecord[]; secondReviewRequired: boolean };
  'second-review': { candidate: CandidateParties; first: ReviewDecision; records: readonly SignedRecord[] };
  'seal-request': { decision: ReviewDecision; records: readonly SignedRecord[]; secondReviewRequired: boolean };
  'seal-approve': { request: SealRequest };
  'seal-apply': { request: SealRequest; approval: SealApproval; seal: SealDefinition; /** YYYY-MM-DD */ at: string };
  /** The roles the policy allows to reveal (`reveal.roles`). */
  reveal: { policyRoles: readonly CredentialRole[] };
  annotate: Record<string, never>;
  audit: Record<string, never>;
};

/** Whether `who` may do `action` in `context`; a refusal says why in English and Chinese. */
export function can<A extends Action>(action: A, who: Actor, context: ActionContext[A]): Permission {
  const rule = RULES[action] as (who: Actor, context: ActionContext[A]) => Permission;
  return rule(who, context);
}

const RULES: { [A in Action]: (who: Actor, context: ActionContext[A]) => Permission } = {
  decide(who, { candidate, records, secondReviewRequired }) {
    if (!who.roles.includes('reviewer')) {
      if (who.roles.includes('expert')) {
        return refuse('An expert gives opinions but cannot decide; a decision needs the reviewer role.', '专家只提出意见，不能作出审核决定；作出决定需要审核员角色。');
      }
      return missingRole('reviewer', 'sign a review decision', '签署审核决定');
    }
    const conflict = partyConflict(who, candidate);
    if (conflict) return conflict;
    const { state } = analyseDecisions(records, { secondReviewRequired });
    if (state === 'none' || state === 'disagreement') return ALLOWED;
    return refuse(`A new decision cannot be signed now: ${STATE_EN[state]}.`, `现在不能签署新的审核决定：${STATE_ZH[state]}。`);
  },

  'second-review'(who, { candidate, first, records }) {
    if (!who.roles.includes('second-reviewer')) return missingRole('second-reviewer', 'sign a second review', '签署复核意见');
    if (first.role !== 'reviewer') return refuse('Only a first decision can be second-reviewed.', '只能对初审决定进行复核。');
    if (first.reviewer.id === who.id) {
      return refuse('You signed the first decision; the second review must be by a different person.', '您签署了初审决定，复核必须由另一人进行。');
    }
    const conflict = partyConflict(who, candidate);
    if (conflict) return conflict;
    if (records.some((r) => r.format === 'revocation' && r.target === first.id)) {
      return refuse('The first decision was revoked; there is nothing to second-review.', '初审决定已被撤销，无需复核。');
    }
    const existing = records.find((r): r is ReviewDecision => r.format === 'review-decision' && secondReviewProblem(first, r) === null);
    if (existing) {
      return existing.reviewer.id === who.id
        ? refuse('You have already signed your second review of this decision.', '您已签署对该决定的复核意见。')
        : refuse(`This decision already has its second review (by ${existing.reviewer.name}); a disagreement is resolved by a new pair of decisions.`, `该决定已由 ${existing.reviewer.name} 复核；如有分歧，应由新的一对决定解决。`);
    }
    return ALLOWED;
  },

  'seal-request'(who, { decision, records, secondReviewRequired }) {
    if (decision.reviewer.id !== who.id && !who.roles.includes('reviewer')) {
      return refuse('Only the decision’s owner or a reviewer can request the seal.', '只有该决定的签署人或审核员可以申请用印。');
    }
    const analysis = analyseDecisions(records, { secondReviewRequired, candidate: decision.candidate });
    if (analysis.state !== 'final-approved') {
      return refuse(`The seal is applied only to a final approval; ${STATE_EN[analysis.state]}.`, `只有最终批准的决定才能用印；${STATE_ZH[analysis.state]}。`);
    }
    const settled = analysis.settledBy;
    if (!settled || ![settled.first, ...settled.seconds].some((d) => d.id === decision.id)) {
      return refuse('This decision is not the one that made the approval final; request the seal for that decision.', '该决定不是形成最终批准的决定，请针对形成批准的决定申请用印。');
    }
    return ALLOWED;
  },

  'seal-approve'(who, { request }) {
    if (!who.roles.includes('seal-approver')) return missingRole('seal-approver', 'approve the use of the seal', '审批用印');
    if (request.signer.id === who.id) return refuse('You requested this use of the seal; another person must approve it.', '您是本次用印的申请人，须由他人审批。');
    return ALLOWED;
  },

  'seal-apply'(who, { request, approval, seal, at }) {
    if (!who.roles.includes('seal-custodian')) return missingRole('seal-custodian', 'apply the seal', '加盖印章');
    if (!seal.custodians.includes(who.id)) return refuse(`You are not a custodian of the seal “${seal.name}”.`, `您不是“${seal.name}”的印章管理员。`);
    if (approval.request !== request.id) return refuse('The approval is for another seal request.', '该审批对应的是另一项用印申请。');
    if (approval.outcome !== 'approve') return refuse('The seal request was denied; the seal cannot be applied.', '用印申请未获批准，不能用印。');
    if (request.sealId !== seal.esID) return refuse(`The request is for seal ${request.sealId}, not ${seal.esID}.`, `申请使用的印章是 ${request.sealId}，而不是 ${seal.esID}。`);
    if (approval.signer.id === request.signer.id) return refuse('The request was approved by its own requester; it needs an independent approval.', '该用印申请由申请人本人审批，须另行审批。');
    if (who.id === request.signer.id) return refuse('You requested this use of the seal; another custodian must apply it.', '您是本次用印的申请人，须由其他印章管理员用印。');
    if (who.id === approval.signer.id) return refuse('You approved this use of the seal; another custodian must apply it.', '您审批了本次用印，须由其他印章管理员用印。');
    if (at < seal.validStart || at > seal.validEnd) {
      return refuse(`The seal is valid from ${seal.validStart} to ${seal.validEnd}, not on ${at}.`, `该印章有效期为 ${seal.validStart} 至 ${seal.validEnd}，${at} 不在有效期内。`);
    }
    return ALLOWED;
  },

  reveal(who, { policyRoles }) {
    if (who.roles.some((role) => policyRoles.includes(role))) return ALLOWED;
    const en = policyRoles.length > 0 ? policyRoles.join(' or ') : 'no role';
    const zh = policyRoles.length > 0 ? policyRoles.map((r) => ROLE_ZH[r]).join('或') : '任何角色都不';
    return refuse(`The policy allows ${en} to reveal original values; your credential has none of these roles.`, `按照政策，只有${zh}可以查看原始值；您的凭证不具备这些角色。`);
  },

  annotate(who) {
    if (who.roles.includes('expert') || who.roles.includes('reviewer')) return ALLOWED;
    return refuse('Annotations are written by experts and reviewers.', '只有专家和审核员可以添加批注。');
  },

  audit(who) {
    if (who.roles.includes('auditor')) return ALLOWED;
    return missingRole('auditor', 'read the audit trail', '查看审计记录');
  },
};

function missingRole(role: CredentialRole, what: string, whatZh: string): Permission {
  return refuse(`You need the ${role} role to ${what}; your credential does not grant it.`, `${whatZh}需要${ROLE_ZH[role]}角色，您的凭证未授予该角色。`);
}

/** Refuses the candidate's author, and the person named in the operator's contact line. */
function partyConflict(who: Actor, parties: CandidateParties): Permission | null {
  if (parties.authorId && parties.authorId === who.id) {
    return refuse('You prepared this candidate; nobody reviews their own candidate.', '该出域申请由您提交，任何人不得审核自己提交的申请。');
  }
  if (parties.operatorContact) {
    const tokens = new Set(
      parties.operatorContact
        .normalize('NFC')
        .split(/[\s,;:/|()<>，；：、（）《》]+/u)
        .filter((t) => t !== '')
        .map((t) => t.toLowerCase()),
    );
    if (tokens.has(who.id.toLowerCase()) || tokens.has(who.name.normalize('NFC').toLowerCase())) {
      return refuse('You are the operator’s contact for this candidate; you cannot review it.', '您是该申请运营单位的联系人，不能审核该申请。');
    }
  }
  return null;
}

const STATE_EN: Record<DecisionState, string> = {
  none: 'no decision is signed yet',
  'first-signed-awaiting-second': 'a first decision awaits its second review',
  'final-approved': 'the candidate is finally approved',
  'final-rejected': 'the candidate is finally rejected',
  disagreement: 'the reviewers disagree and a new pair of decisions is needed',
  returned: 'the candidate was returned for revision; the operator resubmits a new revision',
  revoked: 'the approval was revoked; the operator resubmits a new revision',
};

const STATE_ZH: Record<DecisionState, string> = {
  none: '尚未签署任何决定',
  'first-signed-awaiting-second': '初审决定正在等待复核',
  'final-approved': '该申请已最终批准',
  'final-rejected': '该申请已最终驳回',
  disagreement: '审核意见不一致，需要新的一对决定',
  returned: '该申请已退回修改，需由运营单位提交新修订版',
  revoked: '批准已被撤销，需由运营单位提交新修订版',
};
