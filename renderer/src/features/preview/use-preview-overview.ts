/**
 * Loads what a candidate revision holds for the preview (`preview:overview`): its tables,
 * texts and unsupported files, and the policy used for masking. Loads again whenever the scan
 * changes state, since files are listed only once the scan is done.
 */
import { useEffect, useState } from 'react';
import type { PreviewOverview, ScanProgress } from '../../../../shared/ipc/schemas/preview';
import { api } from '../../app/api';
import { describeThrown, log } from '../../app/log';

export type OverviewState = { status: 'loading' } | { status: 'ready'; overview: PreviewOverview } | { status: 'failed'; error: unknown };

export function usePreviewOverview(id: string, revision: number, scanState: ScanProgress['state'] | undefined): OverviewState {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    const load = async () => {
      try {
        const overview = await api.invoke('preview:overview', { id, revision });
        if (active) setState({ status: 'ready', overview });
      } catch (error) {
        log.warn('preview overview failed', { id, revision, error: describeThrown(error) });
        if (active) setState({ status: 'failed', error });
      }
    };
    void load();
    return () => {
      active = false;
    };
  }, [id, revision, scanState]);

  return state;
}
