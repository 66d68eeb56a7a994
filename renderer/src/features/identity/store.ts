/**
 * Who signs on this workstation, as main last said (`identity:status`, `identity:changed`, or
 * the answer to a switch, lock or first run), or why that could not be read; whether the
 * first-run dialog is open, and whether it was put off ("Later") for this session.
 */
import { create } from 'zustand';
import type { IdentityStatus } from '../../../../shared/ipc/schemas/identity';

type IdentityState = {
  status: IdentityStatus | null;
  /** The last failure to read the status (e.g. `signing.unavailable`), cleared by a good answer. */
  error: unknown;
  firstRunOpen: boolean;
  /** The user chose "Later" in the first-run dialog: it does not open by itself again this session. */
  firstRunDeferred: boolean;
  setStatus: (status: IdentityStatus) => void;
  setError: (error: unknown) => void;
  openFirstRun: () => void;
  /** Closes the dialog; `later` when the user put it off. */
  closeFirstRun: (later: boolean) => void;
};

export const useIdentityStore = create<IdentityState>()((set) => ({
  status: null,
  error: null,
  firstRunOpen: false,
  firstRunDeferred: false,
  setStatus: (status) => set({ status, error: null }),
  setError: (error) => set({ error }),
  openFirstRun: () => set({ firstRunOpen: true }),
  closeFirstRun: (later) => set((state) => ({ firstRunOpen: false, firstRunDeferred: state.firstRunDeferred || later })),
}));

/** The id of the user signing now, or null. */
export function currentUserId(status: IdentityStatus | null): string | null {
  return status?.current?.user.id ?? null;
}
