/**
 * Scan results in the local database: each scanned table's column profiles (counts, shares,
 * row numbers, mask forms — never a value), stored when the preview first loads them from main
 * and served from here when the candidate is opened again, as long as main's scan is the same.
 * Syncing with main's candidate list drops the profiles of candidates main no longer has.
 */
import type { ColumnProfile } from '../../../shared/profile/column-profile';
import { db as defaultDb, type ScanProfilesRecord, type WorkstationDb } from './database';

export type TableAddress = { id: string; revision: number; file: string; sheet?: string | undefined };

const keyOf = (t: TableAddress) => [t.id, t.revision, t.file, t.sheet ?? ''] as [string, number, string, string];

/** The stored profiles of a table, or null when there are none (or they are from an older scan than `scannedAt`, if given). */
export async function storedProfiles(table: TableAddress, db: WorkstationDb = defaultDb): Promise<ScanProfilesRecord | null> {
  return (await db.scanProfiles.get(keyOf(table))) ?? null;
}

/** Stores the profiles of a table as main's scan finished at `scannedAt`; an older record is replaced, a newer one kept. */
export async function saveProfiles(table: TableAddress, scannedAt: string, profiles: readonly ColumnProfile[], db: WorkstationDb = defaultDb): Promise<void> {
  await db.transaction('rw', db.scanProfiles, async () => {
    const [id, revision, file, sheet] = keyOf(table);
    const known = await db.scanProfiles.get([id, revision, file, sheet]);
    if (known && known.scannedAt > scannedAt) return;
    await db.scanProfiles.put({ id, revision, file, sheet, scannedAt, profiles: [...profiles] });
  });
}

/** Removes the scan results of candidate revisions not in `keep` (`id` and `revision` pairs). */
export async function pruneProfiles(keep: readonly { id: string; revision: number }[], db: WorkstationDb = defaultDb): Promise<number> {
  const wanted = new Set(keep.map((k) => `${k.id}\u0000${k.revision}`));
  return db.scanProfiles.filter((r) => !wanted.has(`${r.id}\u0000${r.revision}`)).delete();
}
