/** Tests the outbox copy against an in-memory IndexedDB (fake-indexeddb). */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournaledRecord, RecordsSince } from '../../../shared/ipc/schemas/records';
import { openDatabase, type WorkstationDb } from './database';
import { pendingOutbox, syncOutbox } from './outbox';

let db: WorkstationDb;
beforeEach(() => {
  db = openDatabase(`outbox-test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const record = (seq: number): JournaledRecord => ({ id: `01JD8Z3K5Q7W2X9Y4V6T1R0P${String(seq).padStart(2, '0')}`, seq, format: 'review-decision', createdAt: '2026-11-27T10:00:00+08:00', envelope: `{"seq":${seq}}` });

/** A journal of `count` records served `pageSize` at a time, counting the calls. */
function journal(count: number, pageSize: number) {
  const calls: number[] = [];
  const fetch = (afterSeq: number): Promise<RecordsSince> => {
    calls.push(afterSeq);
    const records = Array.from({ length: count }, (_, i) => record(i + 1)).filter((r) => r.seq > afterSeq);
    return Promise.resolve({ deviceId: 'ws-test', records: records.slice(0, pageSize), hasMore: records.length > pageSize });
  };
  return { fetch, calls };
}

describe('syncOutbox', () => {
  it('copies every journaled record once, in pages, and resumes after the last seq held', async () => {
    const first = journal(5, 2);
    expect(await syncOutbox(first.fetch, db)).toBe(5);
    expect((await pendingOutbox(db)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    const again = journal(7, 2);
    expect(await syncOutbox(again.fetch, db)).toBe(2);
    // The first call learns the device, then it asks only for what follows seq 5.
    expect(again.calls).toEqual([0, 5]);
    expect(await db.outbox.count()).toBe(7);
    expect((await db.outbox.get(record(6).id))?.status).toBe('pending');
  });
});
