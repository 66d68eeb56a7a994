/**
 * The renderer's local database (IndexedDB through Dexie) and its versioned schema. Main is
 * the source of truth for candidates; this copy backs the queue's live queries and holds what
 * is only local, such as whether this reviewer has opened a candidate yet.
 */
import { Dexie, type Table } from 'dexie';
import type { CandidateSummary } from '../../../shared/ipc/schemas/candidates';
import type { ColumnProfile } from '../../../shared/profile/column-profile';

export const REVIEW_STATUSES = ['pending', 'in-review'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What the last check of a candidate found, for the queue: counts by severity, never a finding's content. */
export type FindingsSummaryRecord = {
  block: number;
  warn: number;
  info: number;
  /** Non-blocking findings acknowledged with a justification. */
  acknowledged: number;
  /** When main evaluated them (ISO 8601). */
  evaluatedAt: string;
};

/** One queue row: main's summary plus the local review status and the last findings seen. */
export type QueueRecord = CandidateSummary & {
  status: ReviewStatus;
  /** When this workstation first opened the candidate (ISO 8601), or null. */
  openedAt: string | null;
  /** Absent until the candidate has been checked on this workstation (its scan finished and its findings were read). */
  findings?: FindingsSummaryRecord;
};

export type CandidateKey = [id: string, revision: number];

/**
 * The column profiles of one scanned table (a CSV, or a sheet of a workbook: `sheet` is '' for
 * none), as main's scan produced them: counts, shares, row numbers and mask forms — never a
 * value. Kept so a reopened candidate shows its profiles at once, and for later queries.
 */
export type ScanProfilesRecord = {
  id: string;
  revision: number;
  file: string;
  sheet: string;
  /** When the scan that produced them finished (ISO 8601); a newer scan replaces the record. */
  scannedAt: string;
  profiles: ColumnProfile[];
};

export type ScanProfilesKey = [id: string, revision: number, file: string, sheet: string];

/**
 * One signed record waiting to be pushed to the central system: the envelope exactly as main
 * journaled it (fsynced before it was copied here). Sync (a later capability) marks it `sent`.
 */
export type OutboxRecord = {
  id: string;
  deviceId: string;
  seq: number;
  format: string;
  createdAt: string;
  envelope: string;
  status: 'pending' | 'sent';
};

export type WorkstationDb = Dexie & {
  candidates: Table<QueueRecord, CandidateKey>;
  scanProfiles: Table<ScanProfilesRecord, ScanProfilesKey>;
  outbox: Table<OutboxRecord, string>;
};

export const DATABASE_NAME = 'export-review-workstation';

export function openDatabase(name: string = DATABASE_NAME): WorkstationDb {
  const db = new Dexie(name) as WorkstationDb;
  // Version 1. A later schema adds db.version(2).stores(...) with an upgrade function;
  // never edit a released version's stores.
  db.version(1).stores({
    candidates: '[id+revision], status, kind, operatorName, submittedAt',
  });
  // Version 2: scan results (column profiles) per table.
  db.version(2).stores({
    candidates: '[id+revision], status, kind, operatorName, submittedAt',
    scanProfiles: '[id+revision+file+sheet], [id+revision]',
  });
  // Version 3: the outbox of signed records (decisions, seal steps) this workstation journaled.
  db.version(3).stores({
    candidates: '[id+revision], status, kind, operatorName, submittedAt',
    scanProfiles: '[id+revision+file+sheet], [id+revision]',
    outbox: 'id, [deviceId+seq], status',
  });
  return db;
}

/** The app's database; opened lazily by Dexie on first use. */
export const db: WorkstationDb = openDatabase();
