/**
 * Who signs on this workstation, as main last said (`identity:status`, `identity:changed`, or
 * the answer to a switch, lock or first run), or why that could not be read; and whether the
 * first-run dialog was put off for this session.
 */
import { create } from 'zustand';
import type { IdentityStatus } from '../../../../shared/ipc/schemas/identity';

type IdentityState = {
  status: IdentityStatus | null;
  /** The last failure to read the status (e.g. `signing.unavailable`), cleared by a good answer. */
  error: unknown;
  /** The user chose "Later" in the first-run dialog; the header offers it again. */
  firstRunDeferred: boolean;
  setStatus: (status: IdentityStatus) => void;
  setError: (error: unknown) => void;
  deferFirstRun: (deferred: boolean) => void;
};

export const useIdentityStore = create<IdentityState>()((set) => ({
  status: null,
  error: null,
  firstRunDeferred: false,
  setStatus: (status) => set({ status, error: null }),
  setError: (error) => set({ error }),
  deferFirstRun: (firstRunDeferred) => set({ firstRunDeferred }),
}));

/** The id of the user signing now, or null. */
export function currentUserId(status: IdentityStatus | null): string | null {
  return status?.current?.user.id ?? null;
}
