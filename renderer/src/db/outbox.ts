/**
 * The outbox of signed records in Dexie (DESIGN.md principle 3): main journals and fsyncs every
 * record it signs before it answers; this copies the new ones, in `seq` order, into the outbox
 * that sync will push from. Copying is idempotent (keyed by record id) and resumes after the
 * highest `seq` already held for this device.
 */
import type { RecordsSince } from '../../../shared/ipc/schemas/records';
import { db as defaultDb, type WorkstationDb } from './database';

/** Fetches this device's journaled records after `afterSeq` (main's `records:since`). */
export type FetchRecords = (afterSeq: number) => Promise<RecordsSince>;

/** Copies every journaled record not yet in the outbox; resolves to how many were added. */
export async function syncOutbox(fetch: FetchRecords, db: WorkstationDb = defaultDb): Promise<number> {
  let added = 0;
  let deviceId: string | null = null;
  let afterSeq = 0;
  for (;;) {
    const page = await fetch(afterSeq);
    if (deviceId === null) {
      deviceId = page.deviceId;
      const last = await db.outbox.where('[deviceId+seq]').between([deviceId, 0], [deviceId, Infinity]).last();
      if (last && last.seq > afterSeq) {
        afterSeq = last.seq;
        continue;
      }
    }
    if (page.records.length > 0) {
      await db.outbox.bulkPut(page.records.map((r) => ({ ...r, deviceId: page.deviceId, status: 'pending' as const })));
      added += page.records.length;
      afterSeq = page.records.at(-1)!.seq;
    }
    if (!page.hasMore) return added;
  }
}

/** The records still to be pushed, oldest first. */
export function pendingOutbox(db: WorkstationDb = defaultDb) {
  return db.outbox.where('status').equals('pending').sortBy('seq');
}
