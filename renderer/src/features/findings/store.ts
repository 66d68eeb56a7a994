/**
 * UI state of the findings panel: the selected finding per candidate revision, whether the
 * panel is open, and the last request to bring a finding's location into view in the preview
 * (numbered, so asking for the same place twice goes there twice). Keys, names and row
 * numbers only — never a value. Not persisted.
 */
import { create } from 'zustand';

/** A place in the preview: a table's row and column, or a text's line. */
export type PreviewSpot = {
  candidate: string;
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  line?: number;
  seq: number;
};

type FindingsState = {
  selected: Record<string, string>;
  paneOpen: boolean;
  spot: PreviewSpot | null;
  select: (candidate: string, key: string) => void;
  setPaneOpen: (open: boolean) => void;
  showInPreview: (spot: Omit<PreviewSpot, 'seq'>) => void;
};

export const useFindingsStore = create<FindingsState>()((set) => ({
  selected: {},
  paneOpen: true,
  spot: null,
  select: (candidate, key) => set((state) => ({ selected: { ...state.selected, [candidate]: key } })),
  setPaneOpen: (open) => set({ paneOpen: open }),
  showInPreview: (spot) => set((state) => ({ spot: { ...spot, seq: (state.spot?.seq ?? 0) + 1 } })),
}));
