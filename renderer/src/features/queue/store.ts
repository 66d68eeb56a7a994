/**
 * UI state of the review queue: filters, search text, sort order, the keyboard selection and
 * the last load error. The rows themselves live in Dexie.
 */
import { create } from 'zustand';
import { DEFAULT_SORT, NO_FILTERS, type QueueFilters, type QueueSort } from './queue-model';

type QueueState = {
  filters: QueueFilters;
  sort: QueueSort | null;
  selectedKey: string | null;
  /** The error of the last failed refresh from main, cleared by the next success. */
  loadError: unknown;
  importOpen: boolean;
  setFilter: <K extends keyof QueueFilters>(name: K, value: QueueFilters[K]) => void;
  clearFilters: () => void;
  setSort: (sort: QueueSort | null) => void;
  select: (key: string | null) => void;
  setLoadError: (error: unknown) => void;
  setImportOpen: (open: boolean) => void;
};

export const useQueueStore = create<QueueState>()((set) => ({
  filters: NO_FILTERS,
  sort: DEFAULT_SORT,
  selectedKey: null,
  loadError: null,
  importOpen: false,
  setFilter: (name, value) => set((state) => ({ filters: { ...state.filters, [name]: value } })),
  clearFilters: () => set({ filters: NO_FILTERS }),
  setSort: (sort) => set({ sort }),
  select: (selectedKey) => set({ selectedKey }),
  setLoadError: (loadError) => set({ loadError }),
  setImportOpen: (importOpen) => set({ importOpen }),
}));
