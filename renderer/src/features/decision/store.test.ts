// The decision form's UI state: a draft belongs to one user on one candidate revision (the next
// user at this workstation never sees it), and a request to open the form is seen once.
import { beforeEach, describe, expect, it } from 'vitest';
import { initialDraft } from './decision-model';
import { draftKey, useDecisionStore } from './store';

const prefill = { scenario: { id: 'SC-01', name: '场景' }, recipient: { name: '接收方', creditCode: '91330000MA2CXXXX1Y' } };

beforeEach(() => useDecisionStore.setState({ drafts: {}, request: null, requestSeq: 0 }));

describe('drafts', () => {
  it('keeps each user’s draft apart', () => {
    const a = draftKey('EC-1@1', 'reviewer-a');
    const b = draftKey('EC-1@1', 'reviewer-b');
    useDecisionStore.getState().setDraft(a, { ...initialDraft(prefill), outcome: 'approve', comment: 'A 的意见' });
    expect(useDecisionStore.getState().drafts[a]?.comment).toBe('A 的意见');
    expect(useDecisionStore.getState().drafts[b]).toBeUndefined();
    expect(draftKey('EC-1@1', null)).not.toBe(a);
  });

  it('clears a signed draft and leaves the others', () => {
    const a = draftKey('EC-1@1', 'a');
    const other = draftKey('EC-2@1', 'a');
    const { setDraft, clearDraft } = useDecisionStore.getState();
    setDraft(a, initialDraft(prefill, 'reject'));
    setDraft(other, initialDraft(prefill, 'return'));
    clearDraft(a);
    expect(Object.keys(useDecisionStore.getState().drafts)).toEqual([other]);
    clearDraft('missing');
    expect(Object.keys(useDecisionStore.getState().drafts)).toEqual([other]);
  });

  it('starts an approval with conditions with one empty condition to fill in', () => {
    expect(initialDraft(prefill, 'approve-with-conditions').conditions).toEqual(['']);
    expect(initialDraft(prefill, 'approve')).toEqual({ outcome: 'approve', scenarioId: 'SC-01', recipientName: '接收方', recipientCreditCode: '91330000MA2CXXXX1Y', conditions: [], comment: '' });
  });
});

describe('form requests', () => {
  it('numbers requests and clears only the one handled', () => {
    const { requestForm, clearRequest } = useDecisionStore.getState();
    requestForm('EC-1@1', 'approve');
    requestForm('EC-1@1', 'approve');
    expect(useDecisionStore.getState().request).toEqual({ candidate: 'EC-1@1', outcome: 'approve', seq: 2 });
    clearRequest(1);
    expect(useDecisionStore.getState().request?.seq).toBe(2);
    clearRequest(2);
    expect(useDecisionStore.getState().request).toBeNull();
  });
});
