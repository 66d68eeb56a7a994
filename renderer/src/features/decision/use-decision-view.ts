/**
 * The decision view of one candidate revision from main (`decision:view`), kept current: read
 * again when `decision:changed` names this revision, when the user changes (what is blinded and
 * what one may do depend on who asks), and when the findings change (the view pins their digest
 * and acknowledgements). Signing and revoking answer with the new view, shown at once — only
 * after main has written the record to its journal, which it does before answering. A view
 * read for another user is never shown: after a switch the panel waits for the new user's view
 * (the last user's one may show decisions the new user must not see yet).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestOf } from '../../../../shared/ipc/contract';
import type { DecisionView } from '../../../../shared/ipc/schemas/decisions';
import { api } from '../../app/api';
import { describeThrown, log } from '../../app/log';
import { currentUserId, useIdentityStore } from '../identity/store';

export type DecisionViewState =
  | { status: 'loading'; view: null; error: null }
  | { status: 'ready'; view: DecisionView; error: null }
  /** `view` is the last good answer, if any. */
  | { status: 'failed'; view: DecisionView | null; error: unknown };

export type DecisionControl = DecisionViewState & {
  reload: () => void;
  /** Signs; resolves with the new view once main has journaled the decision, rejects with main's error. */
  sign: (request: Omit<RequestOf<'decision:sign'>, 'id' | 'revision'>) => Promise<DecisionView>;
  revoke: (target: string, reason: string) => Promise<DecisionView>;
};

/** Subscribes to an event, logging instead of failing where the bridge lacks it. */
export function follow(subscribe: () => () => void, what: string): () => void {
  try {
    return subscribe();
  } catch (error) {
    log.warn(`cannot follow ${what}`, { error: describeThrown(error) });
    return () => undefined;
  }
}

export function useDecisionView(id: string, revision: number): DecisionControl {
  const [loaded, setLoaded] = useState<{ user: string | null; state: DecisionViewState }>({ user: null, state: { status: 'loading', view: null, error: null } });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const userId = useIdentityStore((s) => currentUserId(s.status));
  const unlocked = useIdentityStore((s) => s.status?.current?.unlocked ?? false);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const load = async () => {
      try {
        const view = await api.invoke('decision:view', { id, revision });
        if (latest.current === request) setLoaded({ user: userId, state: { status: 'ready', view, error: null } });
      } catch (error) {
        log.warn('decision:view failed', { id, revision, error: describeThrown(error) });
        if (latest.current === request) setLoaded((current) => ({ user: userId, state: { status: 'failed', view: current.user === userId ? current.state.view : null, error } }));
      }
    };
    void load();
  }, [id, revision, generation, userId, unlocked]);

  useEffect(() => {
    const matches = (payload: { id: string; revision: number }) => payload.id === id && payload.revision === revision;
    const offDecision = follow(
      () =>
        api.subscribe('decision:changed', (payload) => {
          if (matches(payload)) reload();
        }),
      'decision changes',
    );
    const offFindings = follow(
      () =>
        api.subscribe('findings:changed', (payload) => {
          if (matches(payload)) reload();
        }),
      'findings changes',
    );
    return () => {
      offDecision();
      offFindings();
    };
  }, [id, revision, reload]);

  const accept = useCallback(
    (view: DecisionView) => {
      latest.current++;
      setLoaded({ user: userId, state: { status: 'ready', view, error: null } });
      return view;
    },
    [userId],
  );

  const sign = useCallback(async (request: Omit<RequestOf<'decision:sign'>, 'id' | 'revision'>) => accept(await api.invoke('decision:sign', { id, revision, ...request })), [id, revision, accept]);
  const revoke = useCallback(async (target: string, reason: string) => accept(await api.invoke('decision:revoke', { id, revision, target, reason })), [id, revision, accept]);

  const state: DecisionViewState = loaded.user === userId ? loaded.state : { status: 'loading', view: null, error: null };
  return { ...state, reload, sign, revoke };
}
