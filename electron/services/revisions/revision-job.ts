/**
 * The revision diff of two stored revisions as a job a scan worker runs: each side is described
 * by value (its folder, store metadata, manifest, policy, scanned tables and the workspace key
 * the payloads are encrypted with), so a diff of two million-row tables reads and compares them
 * off the main process's thread — which keeps answering the window meanwhile. The same sides
 * serve a diff in the calling thread, where there is no pool.
 */
import { join } from 'node:path';
import { Candidate, type CandidateFile } from '../../../shared/formats/candidate';
import type { Policy } from '../../../shared/formats/policy';
import type { RevisionDiff } from '../../../shared/ipc/schemas/review';
import type { StoredMeta } from '../candidates/candidate-store';
import { storedFileOpener, storedKey } from '../candidates/stored-files';
import type { TableResult } from '../scan/scan-file';
import { derivedPath } from '../scan/workbook-scan';
import { readTextLines } from '../tables/text-lines';
import { diffRevisions, type RevisionSide } from './diff-revisions';
import { fileTableSource, scannedSheetSource } from './table-sources';

/** One stored revision, by value (structured-cloneable, for a worker). */
export type StoredSideSpec = {
  /** The revision's folder in the store. */
  dir: string;
  meta: StoredMeta;
  manifestText: string;
  /** The policy its values are masked for (the latest of its agreement), or null. */
  policy: Policy | null;
  /** The tables its last scan found (encodings, and workbook sheets' derived rows), or null before a scan. */
  tables: TableResult[] | null;
};

export type RevisionDiffJob = {
  kind: 'revision-diff';
  id: string;
  revision: number;
  before: StoredSideSpec;
  after: StoredSideSpec;
  /** `previousRevisionDigest` of N against N−1's candidate digest. */
  chainIntact: boolean;
  /** Evaluation date `YYYY-MM-DD` for the detectors. */
  asOf: string;
  /** The workspace key the payloads and derived sheets are encrypted with. */
  key: Uint8Array;
};

/** A stored revision as the diff reads it: payloads decrypted as they are read, workbook sheets from the rows their scan derived. */
export function storedSide(spec: StoredSideSpec, key: () => Uint8Array): RevisionSide {
  const manifest = Candidate.parse(JSON.parse(spec.manifestText));
  const open = storedFileOpener(spec.meta, key);
  const located = (file: CandidateFile) => join(spec.dir, 'files', ...file.path.split('/'));
  const tableResult = (file: CandidateFile) => spec.tables?.find((r) => r.file === file.path && r.sheet === undefined);
  return {
    manifest,
    policy: spec.policy,
    table(file) {
      const encoding = tableResult(file)?.encoding;
      return fileTableSource(located(file), file.mediaType, { file: file.path, open, ...(encoding ? { encoding } : {}) });
    },
    sheets(file) {
      const sheets = spec.tables?.filter((r): r is TableResult & { sheet: NonNullable<TableResult['sheet']> } => r.file === file.path && r.sheet !== undefined) ?? [];
      if (sheets.length === 0) {
        return { unavailable: `The workbook's sheets are compared once revision ${spec.meta.revision} has been scanned (its sheets' rows come from the scan); scan it and open the diff again.` };
      }
      const derivedKey = storedKey(spec.meta, key, file.path);
      return sheets.map((r) => ({
        name: r.sheet.name,
        declared: r.sheet.declared,
        source: scannedSheetSource(located(file), {
          file: file.path,
          sheet: r.sheet.name,
          derivedPath: derivedPath(spec.dir, r.sheet.derived),
          derivedKey,
          index: r.index,
          columns: r.columns,
          rows: r.rows,
        }),
      }));
    },
    async *lines(file) {
      for await (const { text } of readTextLines(open, located(file), file.path)) yield text;
    },
  };
}

/** Runs a revision diff job (in a scan worker, or in the calling thread). */
export function runRevisionDiffJob(job: RevisionDiffJob): Promise<RevisionDiff> {
  const key = () => job.key;
  return diffRevisions({
    id: job.id,
    before: { revision: job.revision - 1, side: storedSide(job.before, key) },
    after: { revision: job.revision, side: storedSide(job.after, key) },
    chainIntact: job.chainIntact,
    asOf: job.asOf,
  });
}
