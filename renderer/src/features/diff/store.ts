/**
 * UI state of the diff views, per candidate revision: which view is open and what it is
 * focused on (a file, sheet, column, row). The findings panel sets the focus when a finding is
 * clicked; the diff views read it. Names and row numbers only — never a value.
 */
import { create } from 'zustand';

export type DiffView = 'scope' | 'conformance' | 'declarations' | 'revision';

export type DiffFocus = {
  view: DiffView;
  file?: string;
  sheet?: string;
  column?: string;
  /** 1-based data row to bring into view. */
  row?: number;
};

type DiffState = {
  focus: Record<string, DiffFocus>;
  setFocus: (candidate: string, focus: DiffFocus) => void;
};

export const useDiffStore = create<DiffState>()((set) => ({
  focus: {},
  setFocus: (candidate, focus) => set((state) => ({ focus: { ...state.focus, [candidate]: focus } })),
}));
