// The state of a candidate's review follows from its signed records alone: pairs that agree
// settle it, pairs that differ are a disagreement only a new pair resolves, a revocation
// withdraws an approval, and second reviews that do not count are set aside with a reason.
import { describe, expect, it } from 'vitest';
import type { ReviewDecision, SignedRecord } from '../records/schemas';
import { SAMPLE_PEOPLE, sampleDecision, sampleRevocation, sampleSecondDecision } from '../records/testing/samples';
import { analyseDecisions, decisionState } from './decision-state';

const required = { secondReviewRequired: true };
const optional = { secondReviewRequired: false };
const reviewerC = { id: 'reviewer-c', name: '陈审核', keyId: 'ed25519:00000000000000c3' };
const reviewerD = { id: 'reviewer-d', name: '邓复核', keyId: 'ed25519:00000000000000d4' };

const approve = (over: Partial<ReviewDecision> = {}) => sampleDecision({ outcome: 'approve', ...over });
const reject = (over: Partial<ReviewDecision> = {}) => sampleDecision({ outcome: 'reject', comment: '不符合最小必要原则', ...over });
const ret = (over: Partial<ReviewDecision> = {}) => sampleDecision({ outcome: 'return', comment: '请补充脱敏说明', ...over });
const second = (first: ReviewDecision, outcome: ReviewDecision['outcome'], over: Partial<ReviewDecision> = {}) =>
  sampleSecondDecision(first, {
    outcome,
    comment: outcome === 'approve' ? '' : '复核意见',
    conditions: outcome === 'approve-with-conditions' ? ['仅限信用评估'] : [],
    ...over,
  });
const revoke = (target: ReviewDecision) => sampleRevocation({ target: target.id });

describe('decisionState', () => {
  it('is none without decisions, whatever else there is', () => {
    expect(decisionState([], required)).toBe('none');
    expect(decisionState([sampleRevocation()], required)).toBe('none');
  });

  it('waits for the second review when one is required, and settles on the first alone when not', () => {
    const first = approve();
    expect(decisionState([first], required)).toBe('first-signed-awaiting-second');
    expect(decisionState([first], optional)).toBe('final-approved');
    expect(decisionState([reject()], optional)).toBe('final-rejected');
    expect(decisionState([ret()], optional)).toBe('returned');
  });

  it('settles a pair that agrees', () => {
    const first = approve();
    expect(decisionState([first, second(first, 'approve')], required)).toBe('final-approved');
    expect(decisionState([first, second(first, 'approve-with-conditions')], required)).toBe('final-approved');
    const no = reject();
    expect(decisionState([no, second(no, 'reject')], required)).toBe('final-rejected');
    expect(decisionState([no, second(no, 'return')], required)).toBe('final-rejected');
    const back = ret();
    expect(decisionState([back, second(back, 'return')], required)).toBe('returned');
  });

  it('is a disagreement when the pair differs (approve vs not), in either direction', () => {
    const first = approve();
    expect(decisionState([first, second(first, 'reject')], required)).toBe('disagreement');
    const no = ret();
    expect(decisionState([no, second(no, 'approve')], required)).toBe('disagreement');
    // An optional second review that disagrees still counts.
    expect(decisionState([first, second(first, 'return')], optional)).toBe('disagreement');
  });

  it('resolves a disagreement only by a new pair, whatever order the records arrive in', () => {
    const first = approve();
    const differs = second(first, 'reject');
    const newFirst = approve({ reviewer: reviewerC });
    expect(decisionState([first, differs, newFirst], required)).toBe('first-signed-awaiting-second');
    const newSecond = second(newFirst, 'approve', { reviewer: reviewerD });
    for (const records of [
      [first, differs, newFirst, newSecond],
      [newSecond, newFirst, differs, first],
      [differs, newSecond, first, newFirst],
    ]) {
      expect(decisionState(records, required)).toBe('final-approved');
    }
    const analysis = analyseDecisions([first, differs, newFirst, newSecond], required);
    expect(analysis.settledBy?.first.id).toBe(newFirst.id);
    expect(analysis.rounds.map((r) => r.verdict)).toEqual(['disagreement', 'approve']);
    // A newer single decision does not overrule the pair that disagreed.
    expect(decisionState([first, differs, approve({ reviewer: reviewerC })], required)).not.toBe('final-approved');
  });

  it('withdraws an approval on revocation, of either decision of the pair', () => {
    const first = approve();
    const ok = second(first, 'approve');
    expect(decisionState([first, ok, revoke(first)], required)).toBe('revoked');
    expect(decisionState([first, ok, revoke(ok)], required)).toBe('revoked');
    expect(decisionState([first, revoke(first)], optional)).toBe('revoked');
    // Revoked stays revoked even if a new pair approves later (offline): that needs a new revision.
    const again = approve({ reviewer: reviewerC });
    expect(decisionState([first, ok, revoke(first), again, second(again, 'approve', { reviewer: reviewerD })], required)).toBe('revoked');
  });

  it('lets a first reviewer withdraw a decision before its second review', () => {
    const first = approve();
    expect(decisionState([first, revoke(first)], required)).toBe('none');
  });

  it('counts a second review only by another person on the same bytes, and says why not', () => {
    const first = approve();
    const self = second(first, 'approve', { reviewer: { ...SAMPLE_PEOPLE.reviewerA } });
    const otherBytes = second(first, 'approve', { candidate: { ...first.candidate, digest: `sm3:${'f'.repeat(64)}` } });
    const dangling = second(approve(), 'approve');
    const analysis = analyseDecisions([first, self, otherBytes, dangling], { ...required, candidate: first.candidate });
    expect(analysis.state).toBe('first-signed-awaiting-second');
    expect(analysis.ignored.map((i) => i.reason)).toEqual([
      'the second review is by reviewer-a, who signed the first decision',
      'the second review is of other candidate bytes than the first decision',
      expect.stringMatching(/^countersigns 01JD\w+, which is not a first decision on this candidate$/) as string,
    ]);
  });

  it('takes the stricter result when parallel pairs settle differently', () => {
    const a = approve();
    const b = reject({ reviewer: reviewerC });
    const records: SignedRecord[] = [a, second(a, 'approve'), b, second(b, 'reject', { reviewer: reviewerD })];
    expect(decisionState(records, required)).toBe('final-rejected');
    const c = ret({ reviewer: reviewerC });
    expect(decisionState([a, second(a, 'approve'), c, second(c, 'return', { reviewer: reviewerD })], required)).toBe('returned');
    // Two second reviews of one decision that differ make that round a disagreement.
    expect(decisionState([a, second(a, 'approve'), second(a, 'reject', { reviewer: reviewerD })], required)).toBe('disagreement');
  });

  it('considers one candidate revision: filters by options.candidate, refuses a mix without it', () => {
    const r1 = approve();
    const r2 = reject({ candidate: { ...r1.candidate, revision: 3 } });
    expect(() => decisionState([r1, r2], optional)).toThrow(/more than one candidate revision/);
    expect(decisionState([r1, r2], { ...optional, candidate: { id: r1.candidate.id, revision: 3 } })).toBe('final-rejected');
  });
});
