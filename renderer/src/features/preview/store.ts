/**
 * UI state of the candidate page's preview, per candidate revision: which tab is shown
 * (overview, preview, diff or decision), which file is open and, per workbook, which sheet. It holds names
 * only — never a cell value, masked or revealed — and is not persisted.
 */
import { create } from 'zustand';

export type CandidateTab = 'overview' | 'preview' | 'diff' | 'decision';

/**
 * A place to bring into view (a finding's location): a table's row and column, or a text's line.
 * Numbered, so asking for the same place twice goes there twice.
 */
export type PreviewSpot = {
  candidate: string;
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  line?: number;
  seq: number;
};

type PreviewState = {
  tabs: Record<string, CandidateTab>;
  files: Record<string, string>;
  /** The sheet open in each workbook, by `sheetKey`. */
  sheets: Record<string, string>;
  setTab: (candidate: string, tab: CandidateTab) => void;
  setFile: (candidate: string, file: string) => void;
  setSheet: (candidate: string, file: string, sheet: string) => void;
  /** The last place asked for; the table or text preview showing that file scrolls to it. */
  spot: PreviewSpot | null;
  /** The last request's number; it keeps counting after a request is cleared. */
  spotSeq: number;
  showSpot: (spot: Omit<PreviewSpot, 'seq'>) => void;
  /** Done with request `seq`: a preview opened later does not go there again. */
  clearSpot: (seq: number) => void;
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
  spot: null,
  spotSeq: 0,
  showSpot: (spot) => set((state) => ({ spot: { ...spot, seq: state.spotSeq + 1 }, spotSeq: state.spotSeq + 1 })),
  clearSpot: (seq) => set((state) => (state.spot?.seq === seq ? { spot: null } : {})),
}));
