/**
 * The seal view of one candidate revision from main (`seal:view`), kept current like the
 * decision view: read again on `decision:changed` for this revision (seal records announce
 * themselves with it too) and when the user or their lock changes. Each action answers with the
 * new view, shown at once. A view read for another user is not shown after a switch.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SealView } from '../../../../shared/ipc/schemas/seal';
import { api } from '../../app/api';
import { describeThrown, log } from '../../app/log';
import { follow } from '../decision/use-decision-view';
import { currentUserId, useIdentityStore } from '../identity/store';

export type SealViewState =
  | { status: 'loading'; view: null; error: null }
  | { status: 'ready'; view: SealView; error: null }
  | { status: 'failed'; view: SealView | null; error: unknown };

export type SealControl = SealViewState & {
  reload: () => void;
  request: (reason: string, copies: number) => Promise<SealView>;
  approve: (request: string, outcome: 'approve' | 'deny', comment: string) => Promise<SealView>;
  apply: (request: string) => Promise<SealView>;
};

export function useSealView(id: string, revision: number): SealControl {
  const [loaded, setLoaded] = useState<{ user: string | null; state: SealViewState }>({ user: null, state: { status: 'loading', view: null, error: null } });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const userId = useIdentityStore((s) => currentUserId(s.status));
  const unlocked = useIdentityStore((s) => s.status?.current?.unlocked ?? false);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const load = async () => {
      try {
        const view = await api.invoke('seal:view', { id, revision });
        if (latest.current === request) setLoaded({ user: userId, state: { status: 'ready', view, error: null } });
      } catch (error) {
        log.warn('seal:view failed', { id, revision, error: describeThrown(error) });
        if (latest.current === request) setLoaded((current) => ({ user: userId, state: { status: 'failed', view: current.user === userId ? current.state.view : null, error } }));
      }
    };
    void load();
  }, [id, revision, generation, userId, unlocked]);

  useEffect(
    () =>
      follow(
        () =>
          api.subscribe('decision:changed', (payload) => {
            if (payload.id === id && payload.revision === revision) reload();
          }),
        'seal changes',
      ),
    [id, revision, reload],
  );

  const accept = useCallback(
    (view: SealView) => {
      latest.current++;
      setLoaded({ user: userId, state: { status: 'ready', view, error: null } });
      return view;
    },
    [userId],
  );

  const request = useCallback(async (reason: string, copies: number) => accept(await api.invoke('seal:request', { id, revision, reason, copies })), [id, revision, accept]);
  const approve = useCallback(
    async (requestId: string, outcome: 'approve' | 'deny', comment: string) => accept(await api.invoke('seal:approve', { id, revision, request: requestId, outcome, comment })),
    [id, revision, accept],
  );
  const apply = useCallback(async (requestId: string) => accept(await api.invoke('seal:apply', { id, revision, request: requestId })), [id, revision, accept]);

  const state: SealViewState = loaded.user === userId ? loaded.state : { status: 'loading', view: null, error: null };
  return { ...state, reload, request, approve, apply };
}
