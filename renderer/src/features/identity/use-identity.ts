/**
 * Keeps the identity store current for the shell: reads `identity:status` once the shell is up,
 * follows `identity:changed` (a switch, a lock, the idle lock — also from another window), and
 * asks again just after the announced auto-lock time in case that event was missed.
 */
import { useCallback, useEffect } from 'react';
import { api } from '../../app/api';
import { describeThrown, log } from '../../app/log';
import { msUntilLock } from './identity-model';
import { useIdentityStore } from './store';

/** Reads the status again; failures are kept in the store for the header to show. */
export async function refreshIdentity(): Promise<void> {
  try {
    useIdentityStore.getState().setStatus(await api.invoke('identity:status', {}));
  } catch (error) {
    log.warn('identity:status failed', { error: describeThrown(error) });
    useIdentityStore.getState().setError(error);
  }
}

export function useIdentity(): () => void {
  const lockAt = useIdentityStore((s) => (s.status?.current?.unlocked ? s.status.current.lockAt : null));

  useEffect(() => {
    let unsubscribe: () => void = () => undefined;
    try {
      unsubscribe = api.subscribe('identity:changed', (status) => useIdentityStore.getState().setStatus(status));
    } catch (error) {
      log.warn('cannot follow identity changes', { error: describeThrown(error) });
    }
    void refreshIdentity();
    return unsubscribe;
  }, []);

  useEffect(() => {
    const wait = msUntilLock(lockAt, Date.now());
    if (wait === null) return undefined;
    // setTimeout's limit is 2^31-1 ms; an auto-lock that far away is re-read on the next change anyway.
    const timer = setTimeout(() => void refreshIdentity(), Math.min(wait + 1000, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [lockAt]);

  return useCallback(() => void refreshIdentity(), []);
}
