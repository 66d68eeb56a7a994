/**
 * UI state of the candidate page's preview, per candidate revision: which tab is shown
 * (overview, preview or diff), which file is open and, per workbook, which sheet. It holds names
 * only — never a cell value, masked or revealed — and is not persisted.
 */
import { create } from 'zustand';

export type CandidateTab = 'overview' | 'preview' | 'diff';

type PreviewState = {
  tabs: Record<string, CandidateTab>;
  files: Record<string, string>;
  /** The sheet open in each workbook, by `sheetKey`. */
  sheets: Record<string, string>;
  setTab: (candidate: string, tab: CandidateTab) => void;
  setFile: (candidate: string, file: string) => void;
  setSheet: (candidate: string, file: string, sheet: string) => void;
};

/** The key of a candidate revision in this store. */
export function candidateKey(id: string, revision: number): string {
  return `${id}@${revision}`;
}

/** The key of a workbook of a candidate revision in `sheets`. */
export function sheetKey(candidate: string, file: string): string {
  return `${candidate}\u0000${file}`;
}

export const usePreviewStore = create<PreviewState>()((set) => ({
  tabs: {},
  files: {},
  sheets: {},
  setTab: (candidate, tab) => set((state) => ({ tabs: { ...state.tabs, [candidate]: tab } })),
  setFile: (candidate, file) => set((state) => ({ files: { ...state.files, [candidate]: file } })),
  setSheet: (candidate, file, sheet) => set((state) => ({ sheets: { ...state.sheets, [sheetKey(candidate, file)]: sheet } })),
}));
