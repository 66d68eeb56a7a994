/**
 * Tests the queue refresh: it syncs main's list into Dexie, records a failure for the queue
 * to show (and keeps the rows it had), and coalesces calls that overlap.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandidateSummary } from '../../../../shared/ipc/schemas/candidates';
import { ApiError } from '../../app/api';
import { db } from '../../db/database';
import { refreshQueue } from './refresh';
import { useQueueStore } from './store';

const host = globalThis as { workstation?: unknown };

function summary(id: string): CandidateSummary {
  return {
    id,
    revision: 1,
    digest: `sm3:${'c'.repeat(64)}`,
    productName: '数据包',
    kind: 'data-package',
    operatorName: '运营单位',
    scenarioId: 'SC-1',
    scenarioName: '场景',
    recipientName: '接收方',
    submittedAt: '2026-11-20T09:30:00+08:00',
    importedAt: '2026-11-21T09:30:00+08:00',
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    fileCount: 1,
    totalBytes: 10,
    rawPackage: false,
    backflowSources: 0,
    socialSources: 0,
  };
}

let answer: unknown;
let calls = 0;

beforeEach(async () => {
  await db.candidates.clear();
  useQueueStore.setState({ loadError: null });
  calls = 0;
  host.workstation = {
    candidates: {
      list: async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return answer;
      },
    },
  };
});

afterEach(() => {
  delete host.workstation;
});

describe('refreshQueue', () => {
  it('syncs main’s candidates into the local table', async () => {
    answer = { ok: true, value: [summary('EC-1'), summary('EC-2')] };
    await refreshQueue();
    expect((await db.candidates.toArray()).map((r) => [r.id, r.status])).toEqual([
      ['EC-1', 'pending'],
      ['EC-2', 'pending'],
    ]);
    expect(useQueueStore.getState().loadError).toBeNull();
  });

  it('keeps the rows it had and records the error when main fails', async () => {
    answer = { ok: true, value: [summary('EC-1')] };
    await refreshQueue();
    answer = { ok: false, error: { code: 'ipc.internal', message: 'Internal error.', params: { channel: 'candidates:list' } } };
    await refreshQueue();
    expect(await db.candidates.count()).toBe(1);
    const error = useQueueStore.getState().loadError;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('ipc.internal');
  });

  it('runs overlapping calls as one more refresh, not one each', async () => {
    answer = { ok: true, value: [summary('EC-1')] };
    await Promise.all([refreshQueue(), refreshQueue(), refreshQueue(), refreshQueue()]);
    expect(calls).toBe(2);
    expect(await db.candidates.count()).toBe(1);
  });
});
