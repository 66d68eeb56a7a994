// A second reviewer sees who signed the first decision and on what, but not its outcome,
// conditions, comment or justifications, until their own second review is signed.
import { describe, expect, it } from 'vitest';
import type { ReviewDecision } from '../records/schemas';
import { SAMPLE_PEOPLE, sampleAnnotation, sampleDecision, sampleSecondDecision } from '../records/testing/samples';
import { blindView, isRedacted } from './blind-view';

const first = sampleDecision({
  outcome: 'approve-with-conditions',
  conditions: ['仅限信用评估'],
  comment: '风险可控',
  findings: { digest: `sm3:${'c'.repeat(64)}`, block: 0, warn: 1, acknowledged: [{ rule: 'sdc.small-cell', justification: '已合并' }] },
});
const B = { id: SAMPLE_PEOPLE.reviewerB.id, roles: ['second-reviewer'] as const };

describe('blindView', () => {
  it('removes the outcome, conditions, comment and justifications of an open first decision for a second reviewer', () => {
    const note = sampleAnnotation();
    const [viewed, other] = blindView([first, note], B);
    expect(other).toBe(note);
    expect(isRedacted(viewed!)).toBe(true);
    expect(viewed).not.toHaveProperty('outcome');
    expect(viewed).not.toHaveProperty('conditions');
    expect(viewed).not.toHaveProperty('comment');
    expect(viewed).not.toHaveProperty('findings.acknowledged');
    expect(viewed).toMatchObject({ id: first.id, reviewer: first.reviewer, candidate: first.candidate, findings: { block: 0, warn: 1 }, redacted: true });
    expect(JSON.stringify(viewed)).not.toMatch(/仅限信用评估|风险可控|已合并|approve/);
  });

  it('shows everything once the viewer’s second review is signed, and the disagreement to both', () => {
    const mine = sampleSecondDecision(first, { outcome: 'reject', comment: '不同意' });
    const viewed = blindView([first, mine], B);
    expect(viewed).toEqual([first, mine]);
    expect(blindView([first, mine], { id: SAMPLE_PEOPLE.reviewerA.id, roles: ['reviewer'] })).toEqual([first, mine]);
  });

  it('hides nothing from the first reviewer or from people without the second-reviewer role', () => {
    expect(blindView([first], { id: SAMPLE_PEOPLE.reviewerA.id, roles: ['reviewer', 'second-reviewer'] })).toEqual([first]);
    expect(blindView([first], { id: 'expert-e', roles: ['expert'] })).toEqual([first]);
    expect(blindView([first], { id: 'reviewer-c', roles: ['reviewer'] })).toEqual([first]);
  });

  it('does not open the round for a second review that does not count', () => {
    const selfCountersigned: ReviewDecision = sampleSecondDecision(first, { reviewer: { ...SAMPLE_PEOPLE.reviewerA } });
    const viewed = blindView([first, selfCountersigned], B);
    expect(isRedacted(viewed[0]!)).toBe(true);
  });

  it('hides a new round’s first decision after an earlier disagreement, not the settled earlier round', () => {
    const differs = sampleSecondDecision(first, { outcome: 'reject', comment: '不同意' });
    const again = sampleDecision({ reviewer: { id: 'reviewer-c', name: '陈审核', keyId: 'ed25519:00000000000000c3' } });
    const viewed = blindView([first, differs, again], { id: 'reviewer-d', roles: ['second-reviewer'] });
    expect(viewed.map(isRedacted)).toEqual([false, false, true]);
  });
});
