/** Scan profiles in IndexedDB (fake-indexeddb): stored per table, newer scans win, pruned with the queue. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../../shared/profile/column-profile';
import { openDatabase, type WorkstationDb } from './database';
import { pruneProfiles, saveProfiles, storedProfiles } from './scan-profiles';

let db: WorkstationDb;
let counter = 0;
beforeEach(() => {
  db = openDatabase(`scan-profiles-${Date.now()}-${counter++}`);
});
afterEach(async () => {
  await db.delete();
});

const profile = (name: string, rows: number): ColumnProfile =>
  ({
    name,
    rows,
    nulls: 0,
    nullRate: 0,
    distinctEstimate: rows,
    minLength: 11,
    maxLength: 11,
    detected: [{ detector: 'cn-mobile', count: rows, share: 1, personal: true, rows: [1, 2] }],
    maskForms: [],
    otherMaskForms: 0,
    digest: { count: 0, share: 0, algorithms: [], shapes: [], nearUnique: false },
    declared: null,
    maskConformance: null,
    inconsistentMasking: false,
    precisionLoss: { count: 0, rows: [] },
    numeric: { count: 0, share: 0, min: null, max: null, rangeWithheld: false },
  });

describe('scan profiles', () => {
  it('stores a table’s profiles by file and sheet, and a newer scan replaces an older one only', async () => {
    const csv = { id: 'EC-1', revision: 1, file: 'data/a.csv' };
    const sheet = { id: 'EC-1', revision: 1, file: 'data/b.xlsx', sheet: '名单' };
    await saveProfiles(csv, '2026-11-27T08:00:00.000Z', [profile('phone', 10)], db);
    await saveProfiles(sheet, '2026-11-27T08:00:00.000Z', [profile('联系电话', 3)], db);
    expect((await storedProfiles(csv, db))?.profiles[0]?.rows).toBe(10);
    expect((await storedProfiles(sheet, db))?.profiles[0]?.name).toBe('联系电话');
    expect(await storedProfiles({ ...sheet, sheet: '其他' }, db)).toBeNull();

    await saveProfiles(csv, '2026-11-27T09:00:00.000Z', [profile('phone', 12)], db);
    await saveProfiles(csv, '2026-11-27T07:00:00.000Z', [profile('phone', 1)], db);
    expect((await storedProfiles(csv, db))?.profiles[0]?.rows).toBe(12);
  });

  it('prunes the revisions the queue no longer has', async () => {
    await saveProfiles({ id: 'EC-1', revision: 1, file: 'a.csv' }, 't1', [profile('x', 1)], db);
    await saveProfiles({ id: 'EC-1', revision: 2, file: 'a.csv' }, 't1', [profile('x', 1)], db);
    await saveProfiles({ id: 'EC-2', revision: 1, file: 'a.csv' }, 't1', [profile('x', 1)], db);
    expect(await pruneProfiles([{ id: 'EC-2', revision: 1 }], db)).toBe(2);
    expect((await db.scanProfiles.toArray()).map((r) => r.id)).toEqual(['EC-2']);
  });
});
