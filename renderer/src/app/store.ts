/**
 * App-level UI state: which view is shown (state-based routing: the queue, one candidate,
 * the seal-use ledger or settings) and the transient notices (toasts) the shell displays.
 */
import { create } from 'zustand';

export type View = { name: 'queue' } | { name: 'candidate'; id: string; revision: number } | { name: 'ledger' } | { name: 'settings' };

type NavigationState = {
  view: View;
  goToQueue: () => void;
  openCandidate: (id: string, revision: number) => void;
  goToLedger: () => void;
  goToSettings: () => void;
};

export const useNavigationStore = create<NavigationState>()((set) => ({
  view: { name: 'queue' },
  goToQueue: () => set({ view: { name: 'queue' } }),
  openCandidate: (id, revision) => set({ view: { name: 'candidate', id, revision } }),
  goToLedger: () => set({ view: { name: 'ledger' } }),
  goToSettings: () => set({ view: { name: 'settings' } }),
}));

/** What a notice says: a translation key with its parameters, or an error to describe. */
export type NoticeContent = { key: string; params?: Record<string, string | number> } | { error: unknown };

export type Notice = { id: number; tone: 'success' | 'error'; content: NoticeContent };

type NoticeState = {
  notices: Notice[];
  push: (tone: Notice['tone'], content: NoticeContent) => number;
  dismiss: (id: number) => void;
};

const SUCCESS_NOTICE_MS = 6000;
let nextNoticeId = 1;

export const useNoticeStore = create<NoticeState>()((set, get) => ({
  notices: [],
  push: (tone, content) => {
    const id = nextNoticeId++;
    set({ notices: [...get().notices.slice(-3), { id, tone, content }] });
    if (tone === 'success') setTimeout(() => get().dismiss(id), SUCCESS_NOTICE_MS);
    return id;
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
}));
