/**
 * The findings of one candidate revision from main (`findings:get`), kept current: read again
 * when `findings:changed` names this revision (a scan finished, a finding was acknowledged
 * elsewhere) and when this page sees its scan finish, in case the event was missed. An
 * acknowledgement answers with the new view, which replaces the old one at once. Every view's
 * counts are kept in the queue table before the view is shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanProgress } from '../../../../shared/ipc/schemas/preview';
import type { FindingsView } from '../../../../shared/ipc/schemas/review';
import { api } from '../../app/api';
import { describeThrown, log } from '../../app/log';
import { saveFindingsSummary } from '../../db/candidates';

export type FindingsState =
  | { status: 'loading'; view: null; error: null }
  | { status: 'ready'; view: FindingsView; error: null }
  /** `view` is the last good answer, if any (a failed re-read keeps showing it). */
  | { status: 'failed'; view: FindingsView | null; error: unknown };

export type FindingsControl = FindingsState & {
  reload: () => void;
  /** Sends an acknowledgement; resolves when the new view is shown, rejects with main's error. */
  acknowledge: (key: string, justification: string) => Promise<void>;
};

/** One page's findings; the page is keyed by candidate revision, so `id` and `revision` do not change under it. */
export function useFindings(id: string, revision: number, scanState: ScanProgress['state'] | undefined): FindingsControl {
  const [state, setState] = useState<FindingsState>({ status: 'loading', view: null, error: null });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // Answers can overtake each other; only the newest request may set the state.
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const load = async () => {
      try {
        const view = await api.invoke('findings:get', { id, revision });
        // An answer overtaken by a newer request (an acknowledgement, say) must not write its older counts either.
        if (latest.current !== request) return;
        await rememberInQueue(view);
        if (latest.current === request) setState({ status: 'ready', view, error: null });
      } catch (error) {
        log.warn('findings failed', { id, revision, error: describeThrown(error) });
        if (latest.current === request) setState((current) => ({ status: 'failed', view: current.view, error }));
      }
    };
    void load();
  }, [id, revision, generation]);

  useEffect(() => {
    try {
      return api.subscribe('findings:changed', (payload) => {
        if (payload.id === id && payload.revision === revision) reload();
      });
    } catch (error) {
      log.warn('cannot follow findings changes', { id, revision, error: describeThrown(error) });
      return undefined;
    }
  }, [id, revision, reload]);

  // A scan finishing on this page is what produces the findings (its event may come first or be missed).
  const previousScan = useRef(scanState);
  useEffect(() => {
    if (previousScan.current === 'running' && scanState === 'done') reload();
    previousScan.current = scanState;
  }, [scanState, reload]);

  const acknowledge = useCallback(
    async (key: string, justification: string) => {
      const view = await api.invoke('findings:acknowledge', { id, revision, key, justification });
      const request = ++latest.current;
      // The queue's counts are kept before the acknowledgement is shown: a reload right after it
      // (or closing the window) must not leave the queue counting the warning as unacknowledged.
      await rememberInQueue(view);
      if (latest.current === request) setState({ status: 'ready', view, error: null });
    },
    [id, revision],
  );

  return { ...state, reload, acknowledge };
}

/** Keeps the counts of a checked revision in the local queue table (Dexie), so the queue shows them. */
async function rememberInQueue(view: FindingsView): Promise<void> {
  if (view.state !== 'ready' || !view.document) return;
  const { summary, evaluatedAt } = view.document;
  const acknowledged = view.items.filter((i) => i.acknowledgement !== null).length;
  try {
    await saveFindingsSummary(view.id, view.revision, { ...summary, acknowledged, evaluatedAt });
  } catch (error) {
    // The queue's counts are a convenience; the findings themselves are still shown.
    log.warn('cannot keep the findings counts in the queue', { id: view.id, revision: view.revision, error: describeThrown(error) });
  }
}
