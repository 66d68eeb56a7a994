/**
 * UI state of the candidate page's preview, per candidate revision: which tab is shown
 * (overview or preview) and which file is open. It holds names only — never a cell value,
 * masked or revealed — and is not persisted.
 */
import { create } from 'zustand';

export type CandidateTab = 'overview' | 'preview';

type PreviewState = {
  tabs: Record<string, CandidateTab>;
  files: Record<string, string>;
  setTab: (candidate: string, tab: CandidateTab) => void;
  setFile: (candidate: string, file: string) => void;
};

/** The key of a candidate revision in this store. */
export function candidateKey(id: string, revision: number): string {
  return `${id}@${revision}`;
}

export const usePreviewStore = create<PreviewState>()((set) => ({
  tabs: {},
  files: {},
  setTab: (candidate, tab) => set((state) => ({ tabs: { ...state.tabs, [candidate]: tab } })),
  setFile: (candidate, file) => set((state) => ({ files: { ...state.files, [candidate]: file } })),
}));
