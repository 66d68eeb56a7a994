/**
 * Follows the background scan of one candidate revision: reads its status (starting it when
 * it has never run, if asked to), listens to `scan:progress` for this candidate only, polls
 * as a fallback while it runs in case an event is missed, and starts or cancels it on request.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ScanProgress } from '../../../../shared/ipc/schemas/preview';
import { api } from '../../app/api';
import { describeThrown, log } from '../../app/log';

export type ScanControl = {
  /** Null until the first answer. */
  progress: ScanProgress | null;
  /** The last failed call (status, start or cancel). */
  error: unknown;
  start: () => void;
  cancel: () => void;
};

const POLL_MS = 2000;

export function useScan(id: string, revision: number, options: { autoStart: boolean }): ScanControl {
  const [progress, setProgress] = useState<ScanProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { autoStart } = options;

  useEffect(() => {
    let active = true;
    let events = 0;
    let unsubscribe: () => void = () => undefined;
    try {
      unsubscribe = api.subscribe('scan:progress', (payload) => {
        if (!active || payload.id !== id || payload.revision !== revision) return;
        events++;
        setProgress(payload);
      });
    } catch (thrown) {
      log.warn('cannot follow scan progress', { id, revision, error: describeThrown(thrown) });
    }
    const init = async () => {
      const seen = events;
      try {
        let status = await api.invoke('scan:status', { id, revision });
        if (active && autoStart && status.state === 'not-started') status = await api.invoke('scan:start', { id, revision });
        // An event that arrived meanwhile is newer than this answer.
        if (active && events === seen) setProgress(status);
      } catch (thrown) {
        log.warn('scan status failed', { id, revision, error: describeThrown(thrown) });
        if (active) setError(thrown);
      }
    };
    void init();
    return () => {
      active = false;
      unsubscribe();
    };
  }, [id, revision, autoStart]);

  const running = progress?.state === 'running';
  useEffect(() => {
    if (!running) return;
    let active = true;
    const timer = setInterval(() => {
      void api.invoke('scan:status', { id, revision }).then(
        (status) => {
          if (active && status.state !== 'running') setProgress(status);
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [id, revision, running]);

  const start = useCallback(() => {
    setError(null);
    api.invoke('scan:start', { id, revision }).then(setProgress, (thrown: unknown) => {
      log.warn('scan start failed', { id, revision, error: describeThrown(thrown) });
      setError(thrown);
    });
  }, [id, revision]);

  const cancel = useCallback(() => {
    setError(null);
    api.invoke('scan:cancel', { id, revision }).then(setProgress, (thrown: unknown) => {
      log.warn('scan cancel failed', { id, revision, error: describeThrown(thrown) });
      setError(thrown);
    });
  }, [id, revision]);

  return { progress, error, start, cancel };
}
