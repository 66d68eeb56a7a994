/**
 * Queries of the local candidate table: syncing it with main's list, marking a candidate
 * opened, keeping the counts of its last check, and the live query the queue renders from.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CandidateSummary } from '../../../shared/ipc/schemas/candidates';
import { db as defaultDb, type CandidateKey, type FindingsSummaryRecord, type QueueRecord, type WorkstationDb } from './database';

export type SyncReport = { added: number; updated: number; removed: number };

/**
 * Makes the table hold exactly `summaries`: new candidates arrive as `pending`, known ones get
 * main's latest summary but keep their local status and `openedAt`, and rows main no longer
 * has are removed. Runs in one transaction, so a live query never sees half a sync.
 */
export async function syncCandidates(summaries: readonly CandidateSummary[], db: WorkstationDb = defaultDb): Promise<SyncReport> {
  return db.transaction('rw', db.candidates, async () => {
    const existing = await db.candidates.toArray();
    const byKey = new Map(existing.map((row) => [keyString(row), row]));
    const keep = new Set<string>();
    const rows: QueueRecord[] = [];
    let added = 0;
    let updated = 0;
    for (const summary of summaries) {
      const key = keyString(summary);
      if (keep.has(key)) continue;
      keep.add(key);
      const previous = byKey.get(key);
      if (previous) updated++;
      else added++;
      rows.push({ ...summary, status: previous?.status ?? 'pending', openedAt: previous?.openedAt ?? null, ...(previous?.findings ? { findings: previous.findings } : {}) });
    }
    const stale: CandidateKey[] = existing.filter((row) => !keep.has(keyString(row))).map((row) => [row.id, row.revision]);
    if (stale.length > 0) await db.candidates.bulkDelete(stale);
    if (rows.length > 0) await db.candidates.bulkPut(rows);
    return { added, updated, removed: stale.length };
  });
}

/**
 * Records that the reviewer opened a candidate: `pending` becomes `in-review` and `openedAt`
 * is set once. Returns false when the candidate is not in the table.
 */
export async function markOpened(id: string, revision: number, now: Date = new Date(), db: WorkstationDb = defaultDb): Promise<boolean> {
  return db.transaction('rw', db.candidates, async () => {
    const row = await db.candidates.get([id, revision]);
    if (!row) return false;
    if (row.status === 'pending' || row.openedAt === null) {
      await db.candidates.update([id, revision], {
        status: row.status === 'pending' ? 'in-review' : row.status,
        openedAt: row.openedAt ?? now.toISOString(),
      });
    }
    return true;
  });
}

/**
 * Keeps what the last check of a candidate found, for the queue. An older evaluation never
 * replaces a newer one, and within one evaluation acknowledgements only grow, so counts read
 * before an acknowledgement never replace those read after it. Returns false when the
 * candidate is not in the table.
 */
export async function saveFindingsSummary(id: string, revision: number, findings: FindingsSummaryRecord, db: WorkstationDb = defaultDb): Promise<boolean> {
  return db.transaction('rw', db.candidates, async () => {
    const row = await db.candidates.get([id, revision]);
    if (!row) return false;
    if (row.findings && row.findings.evaluatedAt > findings.evaluatedAt) return true;
    if (row.findings && row.findings.evaluatedAt === findings.evaluatedAt && row.findings.acknowledged > findings.acknowledged) return true;
    await db.candidates.update([id, revision], { findings });
    return true;
  });
}

/** Every queue row, or undefined while the first read is in flight; re-renders on change. */
export function useQueueRecords(db: WorkstationDb = defaultDb): QueueRecord[] | undefined {
  return useLiveQuery(() => db.candidates.toArray(), [db]);
}

/** One row, live; undefined while loading or when absent. */
export function useQueueRecord(id: string, revision: number, db: WorkstationDb = defaultDb): QueueRecord | undefined {
  return useLiveQuery(() => db.candidates.get([id, revision]), [db, id, revision]);
}

function keyString(row: { id: string; revision: number }): string {
  return `${row.id}\u0000${row.revision}`;
}
