/**
 * A record before the journal completes it: everything but `id`, `device` and `createdAt`,
 * which are allocated at append time under the journal's lock (so a failed signing or a crash
 * never leaves a gap in the device's sequence).
 */
import type { DeviceRef, RecordId } from './common';
import type { SignedRecord } from './schemas';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A record of any kind without the fields the journal allocates. */
export type RecordDraft<R extends SignedRecord = SignedRecord> = DistributiveOmit<R, 'id' | 'device' | 'createdAt'>;

/** What the journal allocates for one record. */
export type RecordAllocation = { id: RecordId; device: DeviceRef; createdAt: string };

/** The complete record: the draft with its allocation (the allocation wins over anything the draft smuggles in). */
export function completeRecord<R extends SignedRecord>(draft: RecordDraft<R>, allocation: RecordAllocation): R {
  return { ...draft, id: allocation.id, device: { ...allocation.device }, createdAt: allocation.createdAt } as unknown as R;
}
