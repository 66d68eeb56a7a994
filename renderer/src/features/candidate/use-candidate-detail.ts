/**
 * Loads one candidate's overview (`candidates:get`) and, once it is loaded, records locally
 * that the reviewer opened it (pending → in-review).
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
    const load = async () => {
      try {
        const detail = await api.invoke('candidates:get', { id, revision });
        if (isCancelled()) return;
        setState({ status: 'ready', detail });
        await markOpened(id, revision);
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
