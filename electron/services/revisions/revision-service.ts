/**
 * Revisions of stored candidates: the revision diff of N−1 beside N read from the encrypted
 * store (payloads decrypted as they are read; workbook sheets from the rows their scans
 * derived), and the revision rules' findings for the findings document. A stored revision
 * never changes, so a diff is kept per revision pair — and per policy version and scan, which
 * change how values are masked and whether sheets can be read.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Candidate } from '../../../shared/formats/candidate';
import type { Finding } from '../../../shared/formats/findings';
import { ServiceError } from '../../../shared/ipc/result';
import type { RevisionDiff } from '../../../shared/ipc/schemas/review';
import { candidateDigest, evaluateRevisionRules } from '../../../shared/rules/revision';
import type { CandidateStore, StoredCandidate } from '../candidates/candidate-store';
import type { PolicyStore, StoredPolicy } from '../policies/policy-store';
import type { TableResult } from '../scan/scan-file';
import { parseStoredScan, type ScanService, type StoredScan } from '../scan/scan-service';
import type { RevisionDiffPool } from '../scan/worker-pool';
import { runRevisionDiffJob, type RevisionDiffJob, type StoredSideSpec } from './revision-job';
import { chinaDay } from '../../../shared/formats/china-day';

export type RevisionService = {
  /**
   * Revision `revision − 1` beside `revision`: `before` and `chainIntact` are null (and nothing
   * is listed) when revision N−1 is not stored, or N is revision 1.
   */
  diff(id: string, revision: number): Promise<RevisionDiff>;
  /** The revision rules' findings for revision N's manifest, given the stored revision N−1 (null when it is not stored). */
  findings(manifest: Candidate, previous: StoredCandidate | null): Promise<Finding[]>;
};

export type RevisionDeps = {
  store: CandidateStore;
  policies: PolicyStore;
  /** The workspace key the payloads (and sheets' derived rows) are encrypted with; throws while locked. */
  key: () => Uint8Array;
  /** Where saved scans are read (default: each revision's `scan.json`). */
  scans?: Pick<ScanService, 'results'>;
  /** The scan workers, where the diffs are computed off this thread (without one, here). */
  pool?: RevisionDiffPool;
  now?: () => Date;
};

/** Diffs kept at once (each holds at most 500 rows per table and 2,000 lines per text). */
const CACHED_DIFFS = 16;

export function createRevisionService(deps: RevisionDeps): RevisionService {
  const now = deps.now ?? (() => new Date());
  const cache = new Map<string, Promise<RevisionDiff>>();

  const scanOf = async (stored: StoredCandidate): Promise<StoredScan | null> => {
    if (deps.scans) return deps.scans.results(stored.meta.id, stored.meta.revision);
    try {
      return parseStoredScan(JSON.parse(await readFile(join(stored.dir, 'scan.json'), 'utf8')), stored.dir);
    } catch {
      return null;
    }
  };

  /** A stored revision by value, as a diff job carries it. */
  const specOf = (side: { stored: StoredCandidate; policy: StoredPolicy | null; scan: StoredScan | null }): StoredSideSpec => ({
    dir: side.stored.dir,
    meta: side.stored.meta,
    manifestText: side.stored.manifestText,
    policy: side.policy?.policy ?? null,
    tables: side.scan?.results.filter((r): r is TableResult => r.kind === 'table') ?? null,
  });

  const compute = async (
    id: string,
    revision: number,
    current: { stored: StoredCandidate; manifest: Candidate; policy: StoredPolicy | null; scan: StoredScan | null },
    previous: { stored: StoredCandidate; manifest: Candidate; policy: StoredPolicy | null; scan: StoredScan | null },
    asOf: string,
  ): Promise<RevisionDiff> => {
    const digest = await candidateDigest(JSON.parse(previous.stored.manifestText));
    const job: RevisionDiffJob = {
      kind: 'revision-diff',
      id,
      revision,
      before: specOf(previous),
      after: specOf(current),
      chainIntact: current.manifest.previousRevisionDigest === digest,
      asOf,
      // Read now: a diff of a locked workspace fails here with the key's own error.
      key: deps.key(),
    };
    // In a scan worker where there is a pool: a diff of large tables takes seconds of reading.
    return deps.pool ? deps.pool.diffRevisions(job) : runRevisionDiffJob(job);
  };

  const load = async (stored: StoredCandidate) => {
    // The manifest was validated at import; parsing again guards against a store edited by hand.
    const manifest = Candidate.parse(JSON.parse(stored.manifestText));
    const [policy, scan] = await Promise.all([deps.policies.forAgreement(manifest.authorization.agreementId), scanOf(stored)]);
    return { stored, manifest, policy, scan };
  };

  return {
    async diff(id, revision) {
      const stored = await deps.store.read(id, revision);
      if (!stored) throw new ServiceError('candidates.not-found', `${id} revision ${revision} is not in the queue.`, { id, revision });
      const before = revision > 1 ? await deps.store.read(id, revision - 1) : null;
      if (!before) return { id, before: null, after: revision, chainIntact: null, manifest: [], files: [] };
      const [current, previous] = await Promise.all([load(stored), load(before)]);
      const asOf = chinaDay(now());
      const k = [id, revision, current.policy?.digest ?? '-', previous.policy?.digest ?? '-', current.scan?.finishedAt ?? '-', previous.scan?.finishedAt ?? '-', asOf].join('|');
      let entry = cache.get(k);
      if (entry) {
        // Most recently used last.
        cache.delete(k);
        cache.set(k, entry);
        return entry;
      }
      entry = compute(id, revision, current, previous, asOf);
      cache.set(k, entry);
      // A failed diff (a locked workspace, a damaged file) is not kept: the next request tries again.
      void entry.catch(() => cache.delete(k));
      while (cache.size > CACHED_DIFFS) cache.delete(cache.keys().next().value!);
      return entry;
    },
    async findings(manifest, previous) {
      if (!previous) return evaluateRevisionRules(manifest, null);
      const raw: unknown = JSON.parse(previous.manifestText);
      return evaluateRevisionRules(manifest, { manifest: Candidate.parse(raw), digest: await candidateDigest(raw) });
    },
  };
}
