/**
 * Keeps the local queue in step with main: fetches `candidates:list` and syncs it into
 * Dexie (dropping the stored scan results of candidates main no longer has). Called at start-up, on `candidates:changed`, and after an import.
 */
import { api } from '../../app/api';
import { describeThrown, log } from '../../app/log';
import { syncCandidates } from '../../db/candidates';
import { pruneProfiles } from '../../db/scan-profiles';
import { useQueueStore } from './store';

const pending: { inFlight: Promise<void> | null; again: boolean } = { inFlight: null, again: false };
// A function, so the loop reads `again` as a concurrent call left it, after the await.
const wantsAgain = () => pending.again;

async function runRefresh(): Promise<void> {
  try {
    const summaries = await api.invoke('candidates:list', {});
    const report = await syncCandidates(summaries);
    const pruned = await pruneProfiles(summaries);
    log.info('queue synced', { ...report, scanProfilesPruned: pruned });
    useQueueStore.getState().setLoadError(null);
  } catch (error) {
    log.error('queue refresh failed', { error: describeThrown(error) });
    useQueueStore.getState().setLoadError(error);
  }
}

/** Refreshes the queue; concurrent calls coalesce into at most one extra run. Never throws. */
export async function refreshQueue(): Promise<void> {
  if (pending.inFlight) {
    pending.again = true;
    return pending.inFlight;
  }
  const run = async () => {
    do {
      pending.again = false;
      await runRefresh();
    } while (wantsAgain());
  };
  pending.inFlight = run();
  try {
    await pending.inFlight;
  } finally {
    pending.inFlight = null;
  }
}
