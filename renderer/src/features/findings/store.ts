/**
 * UI state of the findings panel: the selected finding per candidate revision and whether the
 * panel is open (a finding's place in the preview is asked for through the preview store).
 * Keys only — never a value. Not persisted.
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
