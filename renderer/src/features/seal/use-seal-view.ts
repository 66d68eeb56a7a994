/**
 * The seal view of one candidate revision from main (`seal:view`), kept current like the
 * decision view: read again on `decision:changed` for this revision (seal records announce
 * themselves with it too) and when the user or their lock changes. Each action answers with the
 * new view, shown at once. A view read for another user is not shown after a switch.
 */
import { useCallback } from 'react';
import type { SealView } from '../../../../shared/ipc/schemas/seal';
import { api } from '../../app/api';
import { useUserView, type UserViewState } from '../identity/use-user-view';

export type SealViewState = UserViewState<SealView>;

export type SealControl = SealViewState & {
  reload: () => void;
  request: (reason: string, copies: number) => Promise<SealView>;
  approve: (request: string, outcome: 'approve' | 'deny', comment: string) => Promise<SealView>;
  apply: (request: string) => Promise<SealView>;
};

const loadSealView = (ref: { id: string; revision: number }) => api.invoke('seal:view', ref);
const EVENTS = ['decision:changed'] as const;

export function useSealView(id: string, revision: number): SealControl {
  const { state, reload, accept } = useUserView(id, revision, 'seal:view', loadSealView, EVENTS);
  const request = useCallback(async (reason: string, copies: number) => accept(await api.invoke('seal:request', { id, revision, reason, copies })), [id, revision, accept]);
  const approve = useCallback(
    async (requestId: string, outcome: 'approve' | 'deny', comment: string) => accept(await api.invoke('seal:approve', { id, revision, request: requestId, outcome, comment })),
    [id, revision, accept],
  );
  const apply = useCallback(async (requestId: string) => accept(await api.invoke('seal:apply', { id, revision, request: requestId })), [id, revision, accept]);
  return { ...state, reload, request, approve, apply };
}
