/**
 * Loads one candidate's overview (`candidates:get`) and records locally that the reviewer
 * opened it (pending → in-review) — at once, not after the load: a reviewer who goes back
 * before the overview arrives has still opened it.
 */
import { useEffect, useState } from 'react';
import type { CandidateDetail } from '../../../../shared/ipc/schemas/candidates';
import { api } from '../../app/api';
import { describeThrown, log } from '../../app/log';
import { markOpened } from '../../db/candidates';

export type DetailState = { status: 'loading' } | { status: 'ready'; detail: CandidateDetail } | { status: 'failed'; error: unknown };

export function useCandidateDetail(id: string, revision: number): DetailState {
  const [state, setState] = useState<DetailState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const isCancelled = () => cancelled;
    markOpened(id, revision).catch((error: unknown) => log.warn('cannot mark the candidate opened', { id, revision, error: describeThrown(error) }));
    const load = async () => {
      try {
        const detail = await api.invoke('candidates:get', { id, revision });
        if (isCancelled()) return;
        setState({ status: 'ready', detail });
      } catch (error) {
        log.warn('candidate could not be opened', { id, revision, error: describeThrown(error) });
        if (!isCancelled()) setState({ status: 'failed', error });
      }
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [id, revision]);

  return state;
}
