/** Tests the candidate table queries against an in-memory IndexedDB (fake-indexeddb). */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandidateSummary } from '../../../shared/ipc/schemas/candidates';
import { markOpened, saveFindingsSummary, syncCandidates } from './candidates';
import { openDatabase, type WorkstationDb } from './database';

function summary(id: string, revision = 1, extra: Partial<CandidateSummary> = {}): CandidateSummary {
  return {
    id,
    revision,
    digest: `sm3:${'a'.repeat(64)}`,
    productName: `产品 ${id}`,
    kind: 'data-package',
    operatorName: '某运营单位',
    scenarioId: 'SC-1',
    scenarioName: '场景',
    recipientName: '接收方',
    submittedAt: '2026-11-20T09:30:00+08:00',
    importedAt: '2026-11-21T10:00:00+08:00',
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    fileCount: 2,
    totalBytes: 2048,
    rawPackage: false,
    backflowSources: 0,
    socialSources: 0,
    ...extra,
  };
}

let db: WorkstationDb;
let counter = 0;

beforeEach(() => {
  db = openDatabase(`test-${Date.now()}-${counter++}`);
});

afterEach(async () => {
  await db.delete();
});

describe('syncCandidates', () => {
  it('adds new candidates as pending', async () => {
    const report = await syncCandidates([summary('EC-1'), summary('EC-2')], db);
    expect(report).toEqual({ added: 2, updated: 0, removed: 0 });
    const rows = await db.candidates.toArray();
    expect(rows.map((r) => [r.id, r.status, r.openedAt])).toEqual([
      ['EC-1', 'pending', null],
      ['EC-2', 'pending', null],
    ]);
  });

  it('keeps two revisions of one id as two rows', async () => {
    await syncCandidates([summary('EC-1', 1), summary('EC-1', 2)], db);
    expect(await db.candidates.count()).toBe(2);
    expect((await db.candidates.get(['EC-1', 2]))?.revision).toBe(2);
  });

  it('keeps the local status and openedAt while taking main’s new summary', async () => {
    await syncCandidates([summary('EC-1')], db);
    await markOpened('EC-1', 1, new Date('2026-11-22T08:00:00Z'), db);
    const report = await syncCandidates([summary('EC-1', 1, { productName: '新名称' })], db);
    expect(report).toEqual({ added: 0, updated: 1, removed: 0 });
    const row = await db.candidates.get(['EC-1', 1]);
    expect(row?.productName).toBe('新名称');
    expect(row?.status).toBe('in-review');
    expect(row?.openedAt).toBe('2026-11-22T08:00:00.000Z');
  });

  it('removes rows main no longer has', async () => {
    await syncCandidates([summary('EC-1'), summary('EC-2'), summary('EC-3')], db);
    const report = await syncCandidates([summary('EC-2')], db);
    expect(report).toEqual({ added: 0, updated: 1, removed: 2 });
    expect((await db.candidates.toArray()).map((r) => r.id)).toEqual(['EC-2']);
  });

  it('empties the table when main has nothing', async () => {
    await syncCandidates([summary('EC-1')], db);
    await syncCandidates([], db);
    expect(await db.candidates.count()).toBe(0);
  });

  it('can be queried by the status and kind indexes', async () => {
    await syncCandidates([summary('EC-1'), summary('EC-2', 1, { kind: 'data-model' })], db);
    await markOpened('EC-2', 1, new Date(), db);
    expect((await db.candidates.where('status').equals('in-review').toArray()).map((r) => r.id)).toEqual(['EC-2']);
    expect((await db.candidates.where('kind').equals('data-package').toArray()).map((r) => r.id)).toEqual(['EC-1']);
  });
});

describe('markOpened', () => {
  it('moves a pending candidate to in-review and stamps openedAt once', async () => {
    await syncCandidates([summary('EC-1')], db);
    expect(await markOpened('EC-1', 1, new Date('2026-11-22T08:00:00Z'), db)).toBe(true);
    expect(await markOpened('EC-1', 1, new Date('2026-11-23T08:00:00Z'), db)).toBe(true);
    const row = await db.candidates.get(['EC-1', 1]);
    expect(row?.status).toBe('in-review');
    expect(row?.openedAt).toBe('2026-11-22T08:00:00.000Z');
  });

  it('touches only the given revision', async () => {
    await syncCandidates([summary('EC-1', 1), summary('EC-1', 2)], db);
    await markOpened('EC-1', 2, new Date(), db);
    expect((await db.candidates.get(['EC-1', 1]))?.status).toBe('pending');
    expect((await db.candidates.get(['EC-1', 2]))?.status).toBe('in-review');
  });

  it('returns false for an unknown candidate and adds nothing', async () => {
    expect(await markOpened('EC-404', 1, new Date(), db)).toBe(false);
    expect(await db.candidates.count()).toBe(0);
  });
});

describe('saveFindingsSummary', () => {
  const counts = (block: number, evaluatedAt: string) => ({ block, warn: 1, info: 0, acknowledged: 0, evaluatedAt });

  it('keeps the counts of the last check, and a sync with main keeps them', async () => {
    await syncCandidates([summary('EC-1')], db);
    expect(await saveFindingsSummary('EC-1', 1, counts(2, '2026-11-27T10:00:00Z'), db)).toBe(true);
    await syncCandidates([summary('EC-1', 1, { productName: '改名' })], db);
    const row = await db.candidates.get(['EC-1', 1]);
    expect(row?.productName).toBe('改名');
    expect(row?.findings).toEqual(counts(2, '2026-11-27T10:00:00Z'));
  });

  it('never replaces a newer evaluation with an older one', async () => {
    await syncCandidates([summary('EC-1')], db);
    await saveFindingsSummary('EC-1', 1, counts(0, '2026-11-27T11:00:00Z'), db);
    await saveFindingsSummary('EC-1', 1, counts(5, '2026-11-27T10:00:00Z'), db);
    expect((await db.candidates.get(['EC-1', 1]))?.findings?.block).toBe(0);
  });

  it('keeps counts read after an acknowledgement over counts of the same evaluation read before it', async () => {
    await syncCandidates([summary('EC-1')], db);
    const at = '2026-11-27T11:00:00Z';
    await saveFindingsSummary('EC-1', 1, { ...counts(1, at), acknowledged: 1 }, db);
    // A slower answer from before the acknowledgement arrives last.
    await saveFindingsSummary('EC-1', 1, counts(1, at), db);
    expect((await db.candidates.get(['EC-1', 1]))?.findings?.acknowledged).toBe(1);
  });

  it('returns false for an unknown candidate and adds nothing', async () => {
    expect(await saveFindingsSummary('EC-404', 1, counts(1, '2026-11-27T10:00:00Z'), db)).toBe(false);
    expect(await db.candidates.count()).toBe(0);
  });
});
