// Who may do what: roles from the credential, separation of duties from the records, and a
// refusal that says why in English and Chinese.
import { describe, expect, it } from 'vitest';
import type { CredentialRole } from '../formats/policy';
import {
  SAMPLE_PEOPLE,
  sampleDecision,
  sampleRevocation,
  sampleSeal,
  sampleSealApproval,
  sampleSealRequest,
  sampleSecondDecision,
} from '../records/testing/samples';
import { can } from './can';
import type { Actor, Permission } from './permission';

const actor = (person: { id: string; name: string }, ...roles: CredentialRole[]): Actor => ({ id: person.id, name: person.name, roles });
const A = actor(SAMPLE_PEOPLE.reviewerA, 'reviewer');
const B = actor(SAMPLE_PEOPLE.reviewerB, 'second-reviewer');
const expert = actor(SAMPLE_PEOPLE.expert, 'expert');
const approver = actor(SAMPLE_PEOPLE.approver, 'seal-approver');
const custodian = actor(SAMPLE_PEOPLE.custodian, 'seal-custodian');
const auditor = actor(SAMPLE_PEOPLE.auditor, 'auditor');

/** A refusal with both reasons filled in, matching `pattern` in English. */
const refused = (result: Permission, pattern: RegExp) => {
  expect(result.allowed).toBe(false);
  if (result.allowed) return;
  expect(result.reason).toMatch(pattern);
  expect(result.reasonZh).toMatch(/[\u4e00-\u9fff]/);
};

const none = { candidate: {}, records: [], secondReviewRequired: true };

describe('decide', () => {
  it('needs the reviewer role; an expert cannot decide', () => {
    expect(can('decide', A, none)).toEqual({ allowed: true });
    refused(can('decide', expert, none), /An expert gives opinions but cannot decide/);
    refused(can('decide', B, none), /need the reviewer role/);
    refused(can('decide', custodian, none), /need the reviewer role/);
  });

  it('refuses the candidate’s author and the operator’s contact', () => {
    refused(can('decide', A, { ...none, candidate: { authorId: 'reviewer-a' } }), /You prepared this candidate/);
    refused(can('decide', A, { ...none, candidate: { operatorContact: '王审核 13800000000' } }), /operator’s contact/);
    refused(can('decide', A, { ...none, candidate: { operatorContact: 'Reviewer-A（数据部）' } }), /operator’s contact/);
    expect(can('decide', A, { ...none, candidate: { authorId: 'someone', operatorContact: '王审核员 13800000000' } }).allowed).toBe(true);
  });

  it('follows the decision state: allowed before any decision and after a disagreement, not while one waits or once settled', () => {
    const first = sampleDecision();
    expect(can('decide', A, { ...none, records: [first] })).toMatchObject({ allowed: false, reason: /a first decision awaits its second review/ });
    const differs = sampleSecondDecision(first, { outcome: 'reject', comment: '不同意' });
    expect(can('decide', A, { ...none, records: [first, differs] }).allowed).toBe(true);
    expect(can('decide', A, { ...none, records: [first, sampleSecondDecision(first)] })).toMatchObject({ allowed: false, reason: /finally approved/ });
    expect(can('decide', A, { ...none, records: [first], secondReviewRequired: false })).toMatchObject({ allowed: false, reason: /finally approved/ });
  });
});

describe('second-review', () => {
  const first = sampleDecision();
  const ctx = { candidate: {}, first, records: [first] };

  it('needs the second-reviewer role and a different person from the first reviewer', () => {
    expect(can('second-review', B, ctx)).toEqual({ allowed: true });
    refused(can('second-review', A, ctx), /need the second-reviewer role/);
    refused(can('second-review', actor(SAMPLE_PEOPLE.reviewerA, 'reviewer', 'second-reviewer'), ctx), /You signed the first decision; the second review must be by a different person/);
    refused(can('second-review', B, { ...ctx, candidate: { authorId: 'reviewer-b' } }), /You prepared this candidate/);
  });

  it('only of a first decision that is not revoked and has no second review yet', () => {
    const done = sampleSecondDecision(first);
    refused(can('second-review', B, { ...ctx, records: [first, done] }), /already signed your second review/);
    refused(can('second-review', actor({ id: 'reviewer-d', name: '邓复核' }, 'second-reviewer'), { ...ctx, records: [first, done] }), /already has its second review/);
    refused(can('second-review', B, { ...ctx, records: [first, sampleRevocation({ target: first.id })] }), /was revoked/);
    refused(can('second-review', B, { ...ctx, first: done }), /Only a first decision/);
  });
});

describe('the seal', () => {
  const first = sampleDecision();
  const countersign = sampleSecondDecision(first);
  const final = { records: [first, countersign], secondReviewRequired: true };

  it('is requested by the decision’s owner or a reviewer, for the decision that made a final approval', () => {
    expect(can('seal-request', A, { decision: first, ...final })).toEqual({ allowed: true });
    expect(can('seal-request', B, { decision: countersign, ...final })).toEqual({ allowed: true });
    expect(can('seal-request', actor({ id: 'reviewer-c', name: '陈审核' }, 'reviewer'), { decision: first, ...final })).toEqual({ allowed: true });
    refused(can('seal-request', custodian, { decision: first, ...final }), /Only the decision’s owner or a reviewer/);
    refused(can('seal-request', A, { decision: first, records: [first], secondReviewRequired: true }), /only to a final approval; a first decision awaits/);
    const rejected = sampleDecision({ outcome: 'reject', comment: '驳回' });
    refused(can('seal-request', A, { decision: rejected, records: [rejected], secondReviewRequired: false }), /finally rejected/);
    const other = sampleDecision({ reviewer: { id: 'reviewer-c', name: '陈审核', keyId: 'ed25519:00000000000000c3' } });
    refused(can('seal-request', A, { decision: other, records: [first, countersign, other], secondReviewRequired: true }), /not the one that made the approval final/);
  });

  it('is approved by a seal approver other than the requester', () => {
    const request = sampleSealRequest();
    expect(can('seal-approve', approver, { request })).toEqual({ allowed: true });
    refused(can('seal-approve', A, { request }), /need the seal-approver role/);
    refused(can('seal-approve', actor(SAMPLE_PEOPLE.reviewerA, 'reviewer', 'seal-approver'), { request }), /You requested this use of the seal; another person must approve it/);
  });

  it('is applied by a custodian of that seal who neither requested nor approved it, within the seal’s validity', () => {
    const request = sampleSealRequest();
    const approval = sampleSealApproval({ request: request.id });
    const seal = sampleSeal();
    const ctx = { request, approval, seal, at: '2026-11-27' };
    expect(can('seal-apply', custodian, ctx)).toEqual({ allowed: true });
    refused(can('seal-apply', A, ctx), /need the seal-custodian role/);
    refused(can('seal-apply', actor({ id: 'custodian-x', name: '外单位' }, 'seal-custodian'), ctx), /not a custodian of the seal/);
    refused(can('seal-apply', custodian, { ...ctx, approval: sampleSealApproval({ request: sampleSealRequest().id }) }), /approval is for another seal request/);
    refused(can('seal-apply', custodian, { ...ctx, approval: { ...approval, outcome: 'deny', comment: '材料不全' } }), /was denied/);
    refused(can('seal-apply', custodian, { ...ctx, seal: sampleSeal({ esID: 'OTHER-SEAL' }) }), /request is for seal ZJ-CONTRACT-SEAL-DEMO, not OTHER-SEAL/);
    refused(can('seal-apply', custodian, { ...ctx, approval: { ...approval, signer: request.signer } }), /approved by its own requester/);
    const custodianRequested = { ...ctx, request: { ...request, signer: { ...SAMPLE_PEOPLE.custodian } } };
    refused(can('seal-apply', custodian, custodianRequested), /You requested this use of the seal; another custodian/);
    refused(can('seal-apply', custodian, { ...ctx, approval: { ...approval, signer: { ...SAMPLE_PEOPLE.custodian } } }), /You approved this use of the seal/);
    refused(can('seal-apply', custodian, { ...ctx, at: '2029-01-01' }), /valid from 2026-01-01 to 2028-12-31, not on 2029-01-01/);
  });
});

describe('reveal, annotate, audit', () => {
  it('reveal follows the policy’s roles', () => {
    const policyRoles: CredentialRole[] = ['reviewer', 'second-reviewer'];
    expect(can('reveal', A, { policyRoles })).toEqual({ allowed: true });
    expect(can('reveal', B, { policyRoles })).toEqual({ allowed: true });
    refused(can('reveal', expert, { policyRoles }), /allows reviewer or second-reviewer to reveal/);
    const noOne = can('reveal', A, { policyRoles: [] });
    expect(noOne).toMatchObject({ allowed: false, reason: /allows no role/ });
  });

  it('annotate needs an expert or a reviewer; audit an auditor', () => {
    expect(can('annotate', expert, {})).toEqual({ allowed: true });
    expect(can('annotate', A, {})).toEqual({ allowed: true });
    refused(can('annotate', custodian, {}), /experts and reviewers/);
    expect(can('audit', auditor, {})).toEqual({ allowed: true });
    refused(can('audit', A, {}), /need the auditor role/);
  });

  it('gives the Chinese reason beside the English one', () => {
    expect(can('decide', expert, none)).toEqual({
      allowed: false,
      reason: 'An expert gives opinions but cannot decide; a decision needs the reviewer role.',
      reasonZh: '专家只提出意见，不能作出审核决定；作出决定需要审核员角色。',
    });
    expect(can('audit', A, {})).toMatchObject({ reasonZh: '查看审计记录需要审计员角色，您的凭证未授予该角色。' });
  });
});

