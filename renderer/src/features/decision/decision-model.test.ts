// The decision form's rules: approvals unavailable while a blocking finding stands or before
// the checks ran; when the comment and conditions are required; the role and the permission
// behind the Sign button; the request sent (trimmed, conditions only with conditions, the
// findings digest the reviewer saw); revocation reasons.
import { describe, expect, it } from 'vitest';
import type { DecisionItem, DecisionView, Permission } from '../../../../shared/ipc/schemas/decisions';
import { checkDecision, checkRevokeReason, commentRule, initialDraft, outcomeAvailability, reasonText, revocableApprovals, signingRole, signPermission, signRefusals, stateTone, type DecisionDraft } from './decision-model';

const ALLOWED: Permission = { allowed: true, reason: null, reasonZh: null };
const refused = (reason: string, reasonZh: string): Permission => ({ allowed: false, reason, reasonZh });
const DIGEST = `sm3:${'a'.repeat(64)}`;

function view(patch: Partial<DecisionView> = {}): DecisionView {
  return {
    candidate: { id: 'EC-1', revision: 1, digest: `sm3:${'c'.repeat(64)}` },
    policy: { id: 'POL-1', version: 3, digest: `sm3:${'p'.repeat(64)}` },
    scenario: { id: 'SC-01', name: '普惠金融' },
    recipient: { name: '某银行股份有限公司', creditCode: '91330000MA2CXXXX1Y' },
    findings: { digest: DIGEST, block: 0, warn: 1, acknowledged: [] },
    maxGrade: 3,
    secondReviewFromGrade: 3,
    secondReviewRequired: true,
    sealRequiredFor: ['approve', 'approve-with-conditions'],
    state: 'none',
    decisions: [],
    can: { decide: ALLOWED, secondReview: refused('no first decision', '没有初审决定'), revoke: refused('no approval', '没有批准') },
    ...patch,
  };
}

function draft(v: DecisionView, patch: Partial<DecisionDraft>): DecisionDraft {
  return { ...initialDraft(v), ...patch };
}

function item(patch: Partial<DecisionItem>): DecisionItem {
  return {
    id: '01A',
    role: 'reviewer',
    reviewer: { id: 'u1', name: '甲', keyId: 'k1' },
    outcome: 'approve',
    comment: '',
    conditions: [],
    acknowledged: [],
    countersigns: null,
    createdAt: '2026-11-27T10:00:00Z',
    blinded: false,
    revokedBy: null,
    ...patch,
  };
}

describe('outcomeAvailability', () => {
  it('offers every outcome when nothing blocks', () => {
    expect(outcomeAvailability(view())).toEqual({ approve: null, 'approve-with-conditions': null, return: null, reject: null });
  });

  it('takes both approvals away while a blocking finding stands, never return or reject', () => {
    const v = view({ findings: { digest: DIGEST, block: 2, warn: 0, acknowledged: [] } });
    expect(outcomeAvailability(v)).toEqual({ approve: 'blocking', 'approve-with-conditions': 'blocking', return: null, reject: null });
  });

  it('takes the approvals away before the checks have run', () => {
    expect(outcomeAvailability(view({ findings: null })).approve).toBe('not-checked');
  });
});

describe('commentRule', () => {
  it('requires a comment for return and reject', () => {
    expect(commentRule('return', view())).toBe('return');
    expect(commentRule('reject', view())).toBe('reject');
  });

  it('requires one for an approval only when findings were acknowledged', () => {
    expect(commentRule('approve', view())).toBe('optional');
    const acknowledged = view({ findings: { digest: DIGEST, block: 0, warn: 1, acknowledged: [{ rule: 'pii.free-text-names', justification: '经核实为企业名称' }] } });
    expect(commentRule('approve', acknowledged)).toBe('acknowledged');
    expect(commentRule('approve-with-conditions', acknowledged)).toBe('acknowledged');
    expect(commentRule(null, acknowledged)).toBe('optional');
  });
});

describe('checkDecision', () => {
  it('builds the request from the prefilled draft: trimmed, the reviewer role, the findings digest seen', () => {
    const v = view();
    const result = checkDecision(draft(v, { outcome: 'approve', comment: '  同意。 ' }), v);
    expect(result).toEqual({
      ok: true,
      request: { role: 'reviewer', outcome: 'approve', scenarioId: 'SC-01', recipient: { name: '某银行股份有限公司', creditCode: '91330000MA2CXXXX1Y' }, conditions: [], comment: '同意。', findingsDigest: DIGEST },
    });
  });

  it('asks for an outcome', () => {
    const v = view();
    expect(checkDecision(draft(v, {}), v)).toEqual({ ok: false, problems: [{ field: 'outcome', problem: 'required' }] });
  });

  it('refuses an approval while a block stands, even if the draft chose one earlier', () => {
    const v = view({ findings: { digest: DIGEST, block: 1, warn: 0, acknowledged: [] } });
    const result = checkDecision(draft(v, { outcome: 'approve' }), v);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toContainEqual({ field: 'outcome', problem: 'blocking' });
    expect(checkDecision(draft(v, { outcome: 'return', comment: '请补充脱敏' }), v).ok).toBe(true);
  });

  it('cannot sign anything before the checks ran: there is no findings digest to pin', () => {
    const v = view({ findings: null });
    const result = checkDecision(draft(v, { outcome: 'reject', comment: '原始数据包' }), v);
    expect(result).toEqual({ ok: false, problems: [{ field: 'findings', problem: 'not-checked' }] });
  });

  it('requires the comment for return, reject and an approval with acknowledged findings — blanks do not count', () => {
    const v = view();
    expect(checkDecision(draft(v, { outcome: 'return', comment: '   ' }), v)).toEqual({ ok: false, problems: [{ field: 'comment', problem: 'return' }] });
    expect(checkDecision(draft(v, { outcome: 'reject' }), v)).toEqual({ ok: false, problems: [{ field: 'comment', problem: 'reject' }] });
    const acknowledged = view({ findings: { digest: DIGEST, block: 0, warn: 1, acknowledged: [{ rule: 'intake.hidden-content', justification: '作者属性' }] } });
    expect(checkDecision(draft(acknowledged, { outcome: 'approve' }), acknowledged)).toEqual({ ok: false, problems: [{ field: 'comment', problem: 'acknowledged' }] });
    expect(checkDecision(draft(v, { outcome: 'approve', comment: 'x'.repeat(4001) }), v)).toEqual({ ok: false, problems: [{ field: 'comment', problem: 'too-long' }] });
  });

  it('requires at least one condition for an approval with conditions, and names an empty one', () => {
    const v = view();
    expect(checkDecision(draft(v, { outcome: 'approve-with-conditions', conditions: [''] }), v)).toEqual({ ok: false, problems: [{ field: 'conditions', problem: 'required' }] });
    expect(checkDecision(draft(v, { outcome: 'approve-with-conditions', conditions: ['仅用于普惠金融场景', ' '] }), v)).toEqual({ ok: false, problems: [{ field: 'condition', index: 1, problem: 'empty' }] });
    const ok = checkDecision(draft(v, { outcome: 'approve-with-conditions', conditions: [' 仅用于普惠金融场景 ', '不得向第三方提供'] }), v);
    expect(ok.ok && ok.request.conditions).toEqual(['仅用于普惠金融场景', '不得向第三方提供']);
  });

  it('limits the conditions to 50 of at most 1000 characters', () => {
    const v = view();
    const many = checkDecision(draft(v, { outcome: 'approve-with-conditions', conditions: Array.from({ length: 51 }, (_, i) => `条件${i}`) }), v);
    expect(!many.ok && many.problems).toEqual([{ field: 'conditions', problem: 'too-many' }]);
    const long = checkDecision(draft(v, { outcome: 'approve-with-conditions', conditions: ['x'.repeat(1001)] }), v);
    expect(!long.ok && long.problems).toEqual([{ field: 'condition', index: 0, problem: 'too-long' }]);
  });

  it('sends conditions only with an approval with conditions', () => {
    const v = view();
    const result = checkDecision(draft(v, { outcome: 'approve', conditions: ['left from before'] }), v);
    expect(result.ok && result.request.conditions).toEqual([]);
  });

  it('checks scenario and recipient are filled and the credit code is one', () => {
    const v = view();
    const result = checkDecision(draft(v, { outcome: 'approve', scenarioId: ' ', recipientName: '', recipientCreditCode: '9133-bad' }), v);
    expect(!result.ok && result.problems).toEqual([
      { field: 'scenarioId', problem: 'required' },
      { field: 'recipientName', problem: 'required' },
      { field: 'recipientCreditCode', problem: 'invalid' },
    ]);
    // Lower case is accepted and sent as the code is written (upper case).
    const lower = checkDecision(draft(v, { outcome: 'approve', recipientCreditCode: '91330000ma2cxxxx1y' }), v);
    expect(lower.ok && lower.request.recipient.creditCode).toBe('91330000MA2CXXXX1Y');
  });

  it('signs as second reviewer when main allows this user the second review', () => {
    const v = view({ state: 'first-signed-awaiting-second', can: { decide: refused('awaiting', '等待复核'), secondReview: ALLOWED, revoke: refused('x', 'x') } });
    const result = checkDecision(draft(v, { outcome: 'approve' }), v);
    expect(result.ok && result.request.role).toBe('second-reviewer');
  });
});

describe('signingRole and signPermission', () => {
  it('uses the decide permission for a first decision', () => {
    const v = view();
    expect(signingRole(v)).toBe('reviewer');
    expect(signPermission(v)).toBe(v.can.decide);
  });

  it('uses the second-review permission while a first decision awaits its second review, with its reason', () => {
    const sameReviewer = refused('You signed the first decision; the second review must be by a different person.', '您签署了初审决定，复核必须由另一人进行。');
    const v = view({ state: 'first-signed-awaiting-second', can: { decide: refused('a first decision awaits', '初审决定正在等待复核'), secondReview: sameReviewer, revoke: refused('x', 'x') } });
    expect(signingRole(v)).toBe('reviewer');
    expect(signPermission(v)).toBe(sameReviewer);
    expect(reasonText(signPermission(v), 'zh-CN')).toBe('您签署了初审决定，复核必须由另一人进行。');
    expect(reasonText(signPermission(v), 'en')).toMatch(/^You signed the first decision/);
  });

  it('gives both reasons while a first decision awaits its second review, once each', () => {
    const awaiting = refused('A new decision cannot be signed now: a first decision awaits its second review.', '现在不能签署新的审核决定：初审决定正在等待复核。');
    const role = refused('You need the second-reviewer role to sign a second review.', '签署复核意见需要复核人角色。');
    const v = view({ state: 'first-signed-awaiting-second', can: { decide: awaiting, secondReview: role, revoke: refused('x', 'x') } });
    expect(signRefusals(v, 'zh-CN')).toEqual(['现在不能签署新的审核决定：初审决定正在等待复核。', '签署复核意见需要复核人角色。']);
    const same = view({ state: 'first-signed-awaiting-second', can: { decide: role, secondReview: role, revoke: refused('x', 'x') } });
    expect(signRefusals(same, 'en')).toEqual(['You need the second-reviewer role to sign a second review.']);
    expect(signRefusals(view({ state: 'final-approved', can: { decide: awaiting, secondReview: role, revoke: ALLOWED } }), 'zh-CN')).toEqual(['现在不能签署新的审核决定：初审决定正在等待复核。']);
    expect(signRefusals(view(), 'zh-CN')).toEqual([]);
  });

  it('says nothing for an allowed permission, and falls back to the other language', () => {
    expect(reasonText(ALLOWED, 'zh-CN')).toBeNull();
    expect(reasonText({ allowed: false, reason: 'only English', reasonZh: null }, 'zh-CN')).toBe('only English');
  });
});

describe('revocation', () => {
  it('needs a reason of at least 10 characters', () => {
    expect(checkRevokeReason('  违规使用 ')).toEqual({ ok: false, problem: 'too-short', length: 4 });
    expect(checkRevokeReason(' 接收方将数据用于未批准的场景 ')).toEqual({ ok: true, reason: '接收方将数据用于未批准的场景' });
    expect(checkRevokeReason('x'.repeat(2001)).ok).toBe(false);
  });

  it('offers the visible approvals not yet revoked, newest first', () => {
    const decisions = [
      item({ id: '1', outcome: 'approve' }),
      item({ id: '2', outcome: 'reject' }),
      item({ id: '3', outcome: null, blinded: true }),
      item({ id: '4', outcome: 'approve-with-conditions', role: 'second-reviewer', countersigns: '1' }),
      item({ id: '5', outcome: 'approve', revokedBy: { id: 'r', reason: 'breach', by: '乙', createdAt: '2026-11-27T11:00:00Z' } }),
    ];
    expect(revocableApprovals(decisions).map((d) => d.id)).toEqual(['4', '1']);
  });
});

describe('stateTone', () => {
  it('gives each state a tone', () => {
    expect(stateTone('final-approved')).toBe('success');
    expect(stateTone('first-signed-awaiting-second')).toBe('pending');
    expect(stateTone('disagreement')).toBe('warning');
    expect(stateTone('returned')).toBe('warning');
    expect(stateTone('revoked')).toBe('danger');
  });
});
