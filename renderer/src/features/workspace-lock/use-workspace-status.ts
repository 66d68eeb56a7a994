/**
 * The gate in front of the shell: asks main whether the workspace is unlocked (`store:status`),
 * follows `store:changed`, and refreshes the queue the moment the workspace becomes unlocked
 * (the demo import that waits for the unlock refreshes it again through candidates:changed).
 */
import { useCallback, useEffect, useState } from 'react';
import type { StoreStatus } from '../../../../shared/ipc/schemas/store';
import { api } from '../../app/api';
import { describeThrown, log } from '../../app/log';
import { refreshQueue } from '../queue/refresh';
import { useWorkspaceLockStore } from './store';

export type WorkspaceGate = { phase: 'loading' } | { phase: 'failed'; error: unknown; retry: () => void } | { phase: 'ready'; status: StoreStatus };

/** Does nothing until `enabled` (the shell has loaded settings, so the language is right). */
export function useWorkspaceStatus(enabled: boolean): WorkspaceGate {
  const status = useWorkspaceLockStore((s) => s.status);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const unsubscribe = api.subscribe('store:changed', (next) => useWorkspaceLockStore.getState().setStatus(next));
    const load = async () => {
      try {
        const current = await api.invoke('store:status', {});
        if (!cancelled) useWorkspaceLockStore.getState().setStatus(current);
      } catch (thrown) {
        log.error('store:status failed', { error: describeThrown(thrown) });
        if (!cancelled) setError(thrown);
      }
    };
    void load();
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [enabled, attempt]);

  const unlocked = status?.state === 'unlocked';
  useEffect(() => {
    if (unlocked) void refreshQueue();
  }, [unlocked]);

  if (error !== null) return { phase: 'failed', error, retry };
  if (!enabled || status === null) return { phase: 'loading' };
  return { phase: 'ready', status };
}
