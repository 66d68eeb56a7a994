/**
 * UI state of the findings panel: the selected finding per candidate revision, whether the
 * panel is open, and the last request to bring a finding's location into view in the preview
 * (numbered, so asking for the same place twice goes there twice). Keys, names and row
 * numbers only — never a value. Not persisted.
 */
import { create } from 'zustand';

type FindingsState = {
  selected: Record<string, string>;
  paneOpen: boolean;
  select: (candidate: string, key: string) => void;
  setPaneOpen: (open: boolean) => void;
};

export const useFindingsStore = create<FindingsState>()((set) => ({
  selected: {},
  paneOpen: true,
  select: (candidate, key) => set((state) => ({ selected: { ...state.selected, [candidate]: key } })),
  setPaneOpen: (open) => set({ paneOpen: open }),
}));
