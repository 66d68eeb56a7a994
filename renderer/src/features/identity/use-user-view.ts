/**
 * A view of one candidate revision that main answers for the current user (what is blinded and
 * what one may do depend on who asks): loaded for the user, read again when one of `events`
 * names this revision and when the user or their lock changes, and replaced at once by the view
 * an action answers with. A view read for another user is never shown: after a switch the
 * caller sees `loading` until the new user's view arrives. The decision and seal panels use it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName } from '../../../../shared/ipc/contract';
import { api } from '../../app/api';
import { describeThrown, log } from '../../app/log';
import { currentUserId, useIdentityStore } from './store';

export type UserViewState<V> =
  | { status: 'loading'; view: null; error: null }
  | { status: 'ready'; view: V; error: null }
  /** `view` is the last good answer for this user, if any. */
  | { status: 'failed'; view: V | null; error: unknown };

/** Events that name a candidate revision. */
type RevisionEvent = Extract<EventName, 'decision:changed' | 'findings:changed'>;

/** Subscribes to an event, logging instead of failing where the bridge lacks it. */
export function follow(subscribe: () => () => void, what: string): () => void {
  try {
    return subscribe();
  } catch (error) {
    log.warn(`cannot follow ${what}`, { error: describeThrown(error) });
    return () => undefined;
  }
}

export function useUserView<V>(
  id: string,
  revision: number,
  what: string,
  /** Reads the view; keep it stable (a module-level function), or it is read again at every render. */
  load: (ref: { id: string; revision: number }) => Promise<V>,
  events: readonly RevisionEvent[],
): { state: UserViewState<V>; reload: () => void; accept: (view: V) => V } {
  const [loaded, setLoaded] = useState<{ user: string | null; state: UserViewState<V> }>({ user: null, state: { status: 'loading', view: null, error: null } });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const userId = useIdentityStore((s) => currentUserId(s.status));
  const unlocked = useIdentityStore((s) => s.status?.current?.unlocked ?? false);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const run = async () => {
      try {
        const view = await load({ id, revision });
        if (latest.current === request) setLoaded({ user: userId, state: { status: 'ready', view, error: null } });
      } catch (error) {
        log.warn(`${what} failed`, { id, revision, error: describeThrown(error) });
        if (latest.current === request) setLoaded((current) => ({ user: userId, state: { status: 'failed', view: current.user === userId ? current.state.view : null, error } }));
      }
    };
    void run();
  }, [id, revision, generation, userId, unlocked, what, load]);

  const eventKey = events.join(',');
  useEffect(() => {
    const offs = eventKey.split(',').map((event) =>
      follow(
        () =>
          api.subscribe(event as RevisionEvent, (payload) => {
            if (payload.id === id && payload.revision === revision) reload();
          }),
        `${event} for ${what}`,
      ),
    );
    return () => {
      for (const off of offs) off();
    };
  }, [id, revision, reload, eventKey, what]);

  const accept = useCallback(
    (view: V) => {
      latest.current++;
      setLoaded({ user: userId, state: { status: 'ready', view, error: null } });
      return view;
    },
    [userId],
  );

  const state: UserViewState<V> = loaded.user === userId ? loaded.state : { status: 'loading', view: null, error: null };
  return { state, reload, accept };
}
