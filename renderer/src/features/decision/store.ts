/**
 * UI state of the decision form, not persisted: each user's unsigned draft per candidate
 * revision (keyed by both, so a draft never shows to the next user at this workstation — an
 * independent second reviewer must not see the first reviewer's unsigned outcome either), and
 * the last request to open the form with an outcome chosen (the risk summary's Approve).
 */
import { create } from 'zustand';
import type { DecisionOutcome } from '../../../../shared/formats/policy';
import type { DecisionDraft } from './decision-model';

/** The key of a user's draft for a candidate revision. */
export function draftKey(candidate: string, userId: string | null): string {
  return `${candidate}\u0000${userId ?? ''}`;
}

/** Open the form of `candidate` with `outcome` preselected; numbered so a repeat request is seen. */
export type FormRequest = { candidate: string; outcome: DecisionOutcome; seq: number };

type DecisionUiState = {
  drafts: Record<string, DecisionDraft>;
  setDraft: (key: string, draft: DecisionDraft) => void;
  clearDraft: (key: string) => void;
  request: FormRequest | null;
  requestSeq: number;
  requestForm: (candidate: string, outcome: DecisionOutcome) => void;
  /** Done with request `seq`. */
  clearRequest: (seq: number) => void;
};

export const useDecisionStore = create<DecisionUiState>()((set) => ({
  drafts: {},
  setDraft: (key, draft) => set((state) => ({ drafts: { ...state.drafts, [key]: draft } })),
  clearDraft: (key) => set((state) => (key in state.drafts ? { drafts: Object.fromEntries(Object.entries(state.drafts).filter(([k]) => k !== key)) } : {})),
  request: null,
  requestSeq: 0,
  requestForm: (candidate, outcome) => set((state) => ({ request: { candidate, outcome, seq: state.requestSeq + 1 }, requestSeq: state.requestSeq + 1 })),
  clearRequest: (seq) => set((state) => (state.request?.seq === seq ? { request: null } : {})),
}));
