/**
 * Where the workspace key stands, as main last said (`store:status`, `store:changed`, or the
 * answer to an unlock): the shell shows the lock screen until it is `unlocked`. `receivedAt`
 * lets a rate-limit wait count down from when main measured it.
 */
import { create } from 'zustand';
import type { StoreStatus } from '../../../../shared/ipc/schemas/store';

type WorkspaceLockState = {
  status: StoreStatus | null;
  /** `Date.now()` when `status` arrived. */
  receivedAt: number;
  setStatus: (status: StoreStatus) => void;
};

export const useWorkspaceLockStore = create<WorkspaceLockState>()((set) => ({
  status: null,
  receivedAt: 0,
  setStatus: (status) => set({ status, receivedAt: Date.now() }),
}));
