/**
 * `review check`: inspects a package (integrity findings), scans its tables and texts in the
 * worker pool (every sheet of a workbook, its rows derived into a scratch folder), and evaluates
 * every rule with the code the app uses (review/evaluate.ts). Produces the findings document of FORMATS.md §3 — sorted, so the same input
 * gives the same bytes.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarise, type FindingsDocument } from '../../../shared/formats/findings';
import { ServiceError } from '../../../shared/ipc/result';
import { parsePolicy, type StoredPolicy } from '../policies/policy-store';
import { scanJobs } from '../scan/scan-service';
import type { ScanJob, ScanResult, TableResult } from '../scan/scan-file';
import { derivedPath, scanJobInPool } from '../scan/workbook-scan';
import type { ScanPool, WorkerPool } from '../scan/worker-pool';
import { recoverDigestColumns } from '../recover';
import { packageRevisionFindings } from '../revisions';
import { openTable } from '../tables';
import { openPlain } from '../tables/open-bytes';
import { readTextLines } from '../tables/text-lines';
import type { CheckNote } from '../../../shared/ipc/schemas/review';
import { disclosureNotes, evaluateCandidate, type PayloadReader } from '../review/evaluate';
import { openInspection, UnsafePackage, verifyFiles, type Verification } from './inspect-package';
import { chinaDay } from '../../../shared/formats/china-day';

export type CheckOptions = {
  packagePath: string;
  policyPath?: string;
  /** Evaluation date `YYYY-MM-DD`; defaults to today. */
  at?: string;
  pool: WorkerPool;
  /** Revision N−1 of the package (folder or .zip), for `revision.chain-broken` and `revision.changed`; without it a revision > 1 cannot be verified. */
  previousPath?: string;
  /** Time bound of the reversibility test (default 20 s). */
  recoverTimeoutMs?: number;
};

/** The findings document, and what disclosure control could not check (English and Chinese), table by table. */
export type CheckOutcome = { document: FindingsDocument; notes: CheckNote[] };

/** `review check`: the findings document of FORMATS.md §3. */
export async function runCheck(options: CheckOptions): Promise<FindingsDocument> {
  return (await runCheckWithNotes(options)).document;
}

/** `runCheck`, with the notes of what disclosure control could not check beside the document (not part of FORMATS.md §3). */
export async function runCheckWithNotes(options: CheckOptions): Promise<CheckOutcome> {
  // The workers load their code while the package and the policy are read.
  options.pool.warm();
  const policy = options.policyPath ? await loadPolicy(options.policyPath) : null;
  const at = options.at ?? chinaDay();
  const evaluatedAt = options.at ? `${options.at}T00:00:00+08:00` : new Date().toISOString();

  let opened;
  try {
    opened = await openInspection(options.packagePath);
  } catch (error) {
    if (error instanceof UnsafePackage) {
      const document: FindingsDocument = {
        candidate: { id: '(unknown)', revision: 0, digest: '' },
        policy: policy ? { id: policy.policy.id, version: policy.policy.version, digest: policy.digest } : null,
        evaluatedAt,
        findings: [error.finding],
        summary: summarise([error.finding]),
      };
      return { document, notes: [] };
    }
    throw error;
  }
  const { manifest, source } = opened;
  const scratch = await mkdtemp(join(tmpdir(), 'review-check-'));
  // The rows of workbook sheets, derived as they are scanned; apart from `scratch`, where a
  // zip's payload paths (which may start with "derived/") are extracted.
  let derivedBase: string | undefined;
  try {
    derivedBase = await mkdtemp(join(tmpdir(), 'review-check-sheets-'));
    const base = derivedBase;
    const sizes = new Map(manifest.files.map((f) => [f.path, f.bytes]));
    // With a policy, the workers also evaluate disclosure control with its thresholds.
    const sdc = policy ? { sdc: { thresholds: policy.policy.thresholds } } : {};
    const scan = (job: ScanJob, pool: ScanPool = options.pool) => scanJobInPool(pool, job, { base, ...(sizes.has(job.file) ? { size: sizes.get(job.file)! } : {}) });
    let locate: (path: string) => string;
    let verified: Verification;
    let results: ScanResult[];
    if (source.localPath) {
      // A folder: its files are scanned where they are while their digests are checked, and
      // must not change meanwhile. Scans of files that turn out not intact are dropped.
      const paths = new Map<string, string>();
      for (const path of opened.present) paths.set(path, await source.localPath(path));
      locate = (path) => paths.get(path) ?? join(scratch, ...path.split('/'));
      const jobs = scanJobs(manifest, locate, at, sdc).filter((job) => opened.present.has(job.file));
      const before = await Promise.all(jobs.map((job) => fingerprint(job.path)));
      // Planning a scan reads a few blocks of its file (encoding, header, where to cut it into
      // parts), and hashing takes this thread in 1 MiB steps between those reads: the digests
      // are checked once every scan has been handed to the workers (or has ended).
      const handedOver: Promise<void>[] = [];
      const scans = jobs.map((job) => {
        let handed = () => {};
        handedOver.push(new Promise<void>((resolve) => (handed = resolve)));
        const scanned = scan(job, handOver(options.pool, handed));
        scanned.then(handed, handed);
        return scanned;
      });
      const settling = Promise.allSettled(scans);
      await Promise.all(handedOver);
      const [verification, settled] = await Promise.all([verifyFiles(opened), settling]);
      verified = verification;
      results = [];
      for (const [i, job] of jobs.entries()) {
        if (!verified.intact.has(job.file)) continue;
        const outcome = settled[i]!;
        if (outcome.status === 'rejected') throw outcome.reason;
        if ((await fingerprint(job.path)) !== before[i]) {
          throw new ServiceError('check.changed', `"${job.file}" changed while it was being checked; check the package again once nothing is writing to it.`, { file: job.file });
        }
        results.push(...outcome.value);
      }
    } else {
      // A zip: payloads are extracted to a scratch folder as their digests are checked.
      locate = (path: string) => join(scratch, ...path.split('/'));
      verified = await verifyFiles(opened, { extractTo: locate });
      const jobs = scanJobs(manifest, locate, at, sdc).filter((job) => verified.intact.has(job.file));
      results = (await Promise.all(jobs.map((job) => scan(job)))).flat();
    }
    const read: PayloadReader = {
      openTable: (result) => {
        const mediaType = manifest.files.find((f) => f.path === result.file)?.mediaType ?? 'text/csv';
        return openTable(locate(result.file), mediaType, {
          file: result.file,
          encoding: result.encoding,
          ...(result.sheet ? { sheet: result.sheet.name, derivedPath: derivedPath(base, result.sheet.derived) } : {}),
        });
      },
      textLines: (file) => readTextLines(openPlain, locate(file), file),
    };
    // The active reversibility test on digest columns, and the revision rules against N−1.
    const recovered = await recoverDigestColumns(
      { manifest, tables: results.filter((r): r is TableResult => r.kind === 'table'), openTable: (result) => read.openTable(result), asOf: at },
      { pool: options.pool, ...(options.recoverTimeoutMs !== undefined ? { timeoutMs: options.recoverTimeoutMs } : {}) },
    );
    const revisions = await packageRevisionFindings(manifest, options.previousPath ?? null);
    const document = await evaluateCandidate({
      extra: [...recovered.findings, ...revisions],
      manifest,
      digest: opened.digest,
      policy,
      asOf: at,
      evaluatedAt,
      results,
      intact: verified.intact,
      integrity: [...opened.findings, ...verified.findings],
      read,
    });
    // Disclosure control ran in the workers only with a policy; without one there is nothing to note.
    return { document, notes: disclosureNotes(results) };
  } finally {
    await source.close();
    await rm(scratch, { recursive: true, force: true });
    if (derivedBase) await rm(derivedBase, { recursive: true, force: true });
  }
}

/** `pool`, calling `handed` when the first job is submitted to it. */
function handOver(pool: ScanPool, handed: () => void): ScanPool {
  return {
    size: pool.size,
    run: (job, runOptions) => {
      handed();
      return pool.run(job, runOptions);
    },
    close: () => pool.close(),
  };
}

/** Size, modification time and inode of a file: what changes when it is written to or replaced. */
async function fingerprint(path: string): Promise<string> {
  const info = await stat(path, { bigint: true });
  return `${info.size}:${info.mtimeNs}:${info.ino}`;
}

async function loadPolicy(path: string): Promise<StoredPolicy> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new ServiceError('policy.not-found', `The policy file ${path} could not be read.`, { path });
  }
  return parsePolicy(bytes, path);
}
