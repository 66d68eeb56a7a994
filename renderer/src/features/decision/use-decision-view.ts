/**
 * The decision view of one candidate revision from main (`decision:view`), kept current: read
 * again when `decision:changed` names this revision, when the user changes (what is blinded and
 * what one may do depend on who asks), and when the findings change (the view pins their digest
 * and acknowledgements). Signing and revoking answer with the new view, shown at once — only
 * after main has written the record to its journal, which it does before answering. A view
 * read for another user is never shown: after a switch the panel waits for the new user's view
 * (the last user's one may show decisions the new user must not see yet).
 */
import { useCallback } from 'react';
import type { RequestOf } from '../../../../shared/ipc/contract';
import type { DecisionView } from '../../../../shared/ipc/schemas/decisions';
import { api } from '../../app/api';
import { useUserView, type UserViewState } from '../identity/use-user-view';

export type DecisionViewState = UserViewState<DecisionView>;

export type DecisionControl = DecisionViewState & {
  reload: () => void;
  /** Signs; resolves with the new view once main has journaled the decision, rejects with main's error. */
  sign: (request: Omit<RequestOf<'decision:sign'>, 'id' | 'revision'>) => Promise<DecisionView>;
  revoke: (target: string, reason: string) => Promise<DecisionView>;
};

const loadDecisionView = (ref: { id: string; revision: number }) => api.invoke('decision:view', ref);
const EVENTS = ['decision:changed', 'findings:changed'] as const;

export function useDecisionView(id: string, revision: number): DecisionControl {
  const { state, reload, accept } = useUserView(id, revision, 'decision:view', loadDecisionView, EVENTS);
  const sign = useCallback(async (request: Omit<RequestOf<'decision:sign'>, 'id' | 'revision'>) => accept(await api.invoke('decision:sign', { id, revision, ...request })), [id, revision, accept]);
  const revoke = useCallback(async (target: string, reason: string) => accept(await api.invoke('decision:revoke', { id, revision, target, reason })), [id, revision, accept]);
  return { ...state, reload, sign, revoke };
}
