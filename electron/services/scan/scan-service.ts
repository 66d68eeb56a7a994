/**
 * Scans an imported candidate in the background: every table cell and every text line of its
 * payload files, in the worker pool, with progress (bytes, rows, ETA) pushed to the renderer
 * and cancellation. The results — column profiles, row indexes, hit locations, never raw
 * values — are saved beside the candidate (`scan.json`) for the preview and the checks; the
 * rows of workbook sheets are kept there too, as derived NDJSON files (`derived/`).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Candidate } from '../../../shared/formats/candidate';
import { ServiceError } from '../../../shared/ipc/result';
import type { ScanProgress } from '../../../shared/ipc/schemas/preview';
import type { CandidateStore, StoredCandidate } from '../candidates/candidate-store';
import { storedFileOpener, storedKey } from '../candidates/stored-files';
import type { Platform } from '../ports';
import type { StoredPolicy } from '../policies/policy-store';
import { parseColumnProfile } from '../../../shared/profile';
import type { ThresholdsInput } from '../../../shared/rules/sdc';
import { isWorkbook, parseRowIndex, TABLE_MEDIA_TYPES } from '../tables';
import { jobOpener, type ScanJob, type ScanResult, type TableResult } from './scan-file';
import { isDerivedName, scanJobInPool } from './workbook-scan';
import type { WorkerPool } from './worker-pool';
import { recoverDigestColumns } from '../recover';
import { Finding as FindingSchema, type Finding } from '../../../shared/formats/findings';
import { openTable } from '../tables';
import { derivedPath } from './workbook-scan';
import { chinaDay } from '../../../shared/formats/china-day';

/**
 * `scan.json`, beside the candidate. Version 2: row indexes mark their rows (tables scanned in
 * parts). Version 3: workbooks — a `workbook` result per workbook and a table result per
 * worksheet carrying its `sheet`, whose rows are in a derived file under `derived/`.
 */
export type StoredScan = {
  version: 3;
  asOf: string;
  startedAt: string;
  finishedAt: string;
  /** The policy whose thresholds the disclosure-control findings in `results` used (absent: none was stored). */
  policy?: { id: string; version: number; digest: string };
  results: ScanResult[];
  /** The active reversibility test on digest columns (`reversible.recovered`), and whether it hit its time bound. */
  recovered?: { findings: Finding[]; timedOut: boolean };
};

export const STORED_SCAN_VERSION = 3;

const SHEET_STATES = new Set(['visible', 'hidden', 'veryHidden']);
const SHEET_KINDS = new Set(['worksheet', 'chartsheet', 'other']);
const PERSON_FIELDS = new Set(['creator', 'lastModifiedBy', 'company', 'manager']);
const isCount = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
const isStrings = (list: unknown) => Array.isArray(list) && list.every((x) => typeof x === 'string');

/** `value` as an object to look into, or null. */
const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** A sheet of a stored table result: its state and lists have their shape, and its derived file a name we make. */
function validSheet(sheet: unknown): boolean {
  const s = record(sheet);
  const rows = record(s?.hiddenRows);
  return (
    s !== null &&
    rows !== null &&
    typeof s.name === 'string' &&
    SHEET_STATES.has(s.state as string) &&
    typeof s.declared === 'boolean' &&
    isDerivedName(s.derived) &&
    isCount(s.headerRow) &&
    isCount(rows.count) &&
    Array.isArray(rows.first) &&
    rows.first.every((r) => Number.isSafeInteger(r) && (r as number) >= 1) &&
    isStrings(s.hiddenColumns) &&
    isStrings(s.duplicateColumns)
  );
}

function validWorkbook(result: unknown): boolean {
  const r = record(result);
  if (r === null || typeof r.file !== 'string' || !isCount(r.bytes) || !Array.isArray(r.sheets) || !Array.isArray(r.people)) return false;
  return (
    r.sheets.every((entry) => {
      const s = record(entry);
      return s !== null && typeof s.name === 'string' && SHEET_STATES.has(s.state as string) && SHEET_KINDS.has(s.kind as string) && typeof s.declared === 'boolean';
    }) &&
    r.people.every((entry) => {
      const p = record(entry);
      return p !== null && PERSON_FIELDS.has(p.field as string) && typeof p.masked === 'string';
    })
  );
}

/**
 * Reads back a saved scan: null (scan again) when it is from another version of the format or
 * its indexes, profiles and sheets do not parse — the workspace may hold scans from an older build.
 */
export function parseStoredScan(value: unknown, dir: string): StoredScan | null {
  if (typeof value !== 'object' || value === null) return null;
  const scan = value as Partial<StoredScan>;
  if (scan.version !== STORED_SCAN_VERSION || typeof scan.asOf !== 'string' || !Array.isArray(scan.results)) return null;
  if (scan.recovered !== undefined) {
    const r = record(scan.recovered);
    if (!r || typeof r.timedOut !== 'boolean' || !Array.isArray(r.findings) || !r.findings.every((f) => FindingSchema.safeParse(f).success)) return null;
  }
  if (scan.policy !== undefined) {
    const p = record(scan.policy);
    if (!p || typeof p.id !== 'string' || !Number.isSafeInteger(p.version) || typeof p.digest !== 'string') return null;
  }
  try {
    for (const result of scan.results as unknown[]) {
      const r = result as Partial<ScanResult>;
      if (r.kind === 'table') {
        parseRowIndex(r.index, r.file ?? dir);
        for (const profile of r.profiles ?? []) parseColumnProfile(profile);
        if (r.sheet !== undefined && !validSheet(r.sheet)) return null;
      } else if (r.kind === 'workbook') {
        if (!validWorkbook(r)) return null;
      } else if (r.kind !== 'text') {
        return null;
      }
    }
  } catch {
    return null;
  }
  return scan as StoredScan;
}

export type ScanService = {
  start(id: string, revision: number): Promise<ScanProgress>;
  cancel(id: string, revision: number): ScanProgress;
  status(id: string, revision: number): Promise<ScanProgress>;
  /** The saved results, or null when the candidate has not been scanned completely. */
  results(id: string, revision: number): Promise<StoredScan | null>;
  /** Resolves when the running scan of a candidate ends (for tests and the CLI). */
  settled(id: string, revision: number): Promise<void>;
};

const TEXT_ROLES = new Set(['report', 'model-card', 'api-spec', 'supporting']);
const TEXT_TYPES = /^(text\/(plain|markdown)|application\/(json|yaml|x-yaml)|text\/yaml)/;

/**
 * Which files of a candidate are scanned, and how; `locate` gives a file's path on disk. A
 * workbook is one job here; `scanJobInPool` splits it into its sheets. With `sdc`, tables are
 * also evaluated for statistical disclosure as they are scanned.
 */
export function scanJobs(manifest: Candidate, locate: (path: string) => string, asOf: string, options: { sdc?: { thresholds: ThresholdsInput | null } } = {}): ScanJob[] {
  const jobs: ScanJob[] = [];
  for (const file of manifest.files) {
    const path = locate(file.path);
    const type = file.mediaType.split(';')[0]!.trim().toLowerCase();
    if (file.table && Object.hasOwn(TABLE_MEDIA_TYPES, type)) {
      jobs.push({
        path,
        file: file.path,
        mediaType: file.mediaType,
        kind: 'table',
        fields: file.table.fields,
        asOf,
        ...(isWorkbook(type) ? { declaredSheet: file.table.sheet ?? null } : {}),
        // Statistical disclosure control of the table the manifest describes (FORMATS.md §1 `table`).
        ...(options.sdc ? { sdc: { table: file.table, thresholds: options.sdc.thresholds } } : {}),
      });
    } else if (TEXT_ROLES.has(file.role) && TEXT_TYPES.test(type)) {
      jobs.push({ path, file: file.path, mediaType: file.mediaType, kind: 'text', fields: [], asOf });
    }
  }
  return jobs;
}

/** Read through a call, so a check after an await is not narrowed away by an earlier one. */
const isAborted = (signal: AbortSignal): boolean => signal.aborted;

type Running = { controller: AbortController; progress: ScanProgress; done: Promise<void> };

export type ScanServiceOptions = {
  now?: () => Date;
  /** The workspace key the stored payloads are encrypted with (throws `store.locked` while locked). */
  key: () => Uint8Array;
  /** The policy for a candidate's agreement: tables are evaluated for disclosure control with its thresholds as they are scanned. */
  policyFor?: (manifest: Candidate) => Promise<StoredPolicy | null>;
};

export function createScanService(platform: Platform, store: CandidateStore, pool: WorkerPool, options: ScanServiceOptions): ScanService {
  const now = options.now ?? (() => new Date());
  const running = new Map<string, Running>();
  // Saved results change only when a scan completes here, so they are read from disk once:
  // the preview asks for them on every page of rows.
  const saved = new Map<string, StoredScan>();
  const last = new Map<string, ScanProgress>();
  const key = (id: string, revision: number) => `${id}@${revision}`;

  const load = async (id: string, revision: number): Promise<StoredCandidate> => {
    const stored = await store.read(id, revision);
    if (!stored) throw new ServiceError('candidates.not-found', `${id} revision ${revision} is not in the queue.`, { id, revision });
    return stored;
  };

  const readResults = async (stored: StoredCandidate): Promise<StoredScan | null> => {
    const k = key(stored.meta.id, stored.meta.revision);
    const known = saved.get(k);
    if (known) return known;
    try {
      const result = parseStoredScan(JSON.parse(await readFile(join(stored.dir, 'scan.json'), 'utf8')), stored.dir);
      if (result) saved.set(k, result);
      return result;
    } catch {
      return null;
    }
  };

  const idle = (id: string, revision: number, state: ScanProgress['state']): ScanProgress => ({
    id,
    revision,
    state,
    bytesDone: 0,
    bytesTotal: 0,
    rowsDone: 0,
    etaSeconds: null,
  });

  const run = async (stored: StoredCandidate, entry: Running): Promise<void> => {
    const manifest = Candidate.parse(JSON.parse(stored.manifestText));
    const startedAt = now();
    const asOf = chinaDay(startedAt);
    // Payloads are decrypted in the workers as they are read; sheets' derived rows are written encrypted.
    const dataKey = storedKey(stored.meta, options.key);
    const policy = (await options.policyFor?.(manifest)) ?? null;
    const sdc = policy ? { sdc: { thresholds: policy.policy.thresholds } } : {};
    const jobs = scanJobs(manifest, (path) => join(stored.dir, 'files', ...path.split('/')), asOf, sdc).map((job) => ({ ...job, key: dataKey }));
    const sizes = new Map(manifest.files.map((f) => [f.path, f.bytes]));
    const bytesTotal = jobs.reduce((sum, j) => sum + (sizes.get(j.file) ?? 0), 0);
    const perFile = new Map<string, { bytes: number; rows: number }>();
    let lastEmit = 0;
    const emit = (force: boolean) => {
      let bytes = 0;
      let rows = 0;
      for (const p of perFile.values()) {
        bytes += p.bytes;
        rows += p.rows;
      }
      const elapsed = (Date.now() - startedAt.getTime()) / 1000;
      const rate = elapsed > 0.5 ? bytes / elapsed : 0;
      entry.progress = {
        ...entry.progress,
        bytesDone: Math.min(bytes, bytesTotal),
        bytesTotal,
        rowsDone: rows,
        etaSeconds: rate > 0 ? Math.max(0, (bytesTotal - bytes) / rate) : null,
      };
      if (force || Date.now() - lastEmit > 150) {
        lastEmit = Date.now();
        platform.emit('scan:progress', entry.progress);
      }
    };
    entry.progress = { ...entry.progress, bytesTotal };
    emit(true);
    const perJob = await Promise.all(
      jobs.map((job) =>
        scanJobInPool(pool, job, {
          base: stored.dir,
          open: jobOpener(job),
          signal: entry.controller.signal,
          ...(sizes.has(job.file) ? { size: sizes.get(job.file)! } : {}),
          onProgress: (bytes, rows) => {
            perFile.set(job.file, { bytes, rows });
            entry.progress = { ...entry.progress, file: job.file };
            emit(false);
          },
        }),
      ),
    );
    const results = perJob.flat();
    for (const [i, job] of jobs.entries()) {
      const mine = perJob[i]!;
      const rows = mine.reduce((sum, r) => sum + (r.kind === 'table' ? r.rows : r.kind === 'text' ? r.lines : 0), 0);
      perFile.set(job.file, { bytes: mine[0]?.bytes ?? 0, rows });
    }
    emit(true);
    if (entry.controller.signal.aborted) throw new ServiceError('scan.cancelled', 'The scan was cancelled.');
    // The active reversibility test: digest columns beside what can give their inputs away.
    entry.progress = { ...entry.progress, phase: 'reversibility' };
    platform.emit('scan:progress', entry.progress);
    const recovered = await recoverDigestColumns(
      {
        manifest,
        tables: results.filter((r): r is TableResult => r.kind === 'table'),
        openTable: (result) =>
          openTable(join(stored.dir, 'files', ...result.file.split('/')), manifest.files.find((f) => f.path === result.file)?.mediaType ?? 'text/csv', {
            file: result.file,
            encoding: result.encoding,
            open: storedFileOpener(stored.meta, options.key),
            ...(result.sheet ? { sheet: result.sheet.name, derivedPath: derivedPath(stored.dir, result.sheet.derived), derivedKey: storedKey(stored.meta, options.key, result.file) } : {}),
          }),
        asOf,
      },
      {
        pool,
        signal: entry.controller.signal,
        onProgress: (done, total) => {
          entry.progress = { ...entry.progress, recover: { done, total } };
          if (Date.now() - lastEmit > 150) {
            lastEmit = Date.now();
            platform.emit('scan:progress', entry.progress);
          }
        },
      },
    );
    // A cancel that arrived after the last worker finished still means "do not keep this scan".
    if (isAborted(entry.controller.signal)) throw new ServiceError('scan.cancelled', 'The scan was cancelled.');
    const result: StoredScan = {
      version: STORED_SCAN_VERSION,
      asOf,
      startedAt: startedAt.toISOString(),
      finishedAt: now().toISOString(),
      ...(policy ? { policy: { id: policy.policy.id, version: policy.policy.version, digest: policy.digest } } : {}),
      results,
      recovered,
    };
    const target = join(stored.dir, 'scan.json');
    await writeFile(`${target}.tmp`, JSON.stringify(result));
    await rename(`${target}.tmp`, target);
    saved.set(key(stored.meta.id, stored.meta.revision), result);
  };

  return {
    async start(id, revision) {
      const k = key(id, revision);
      const current = running.get(k);
      if (current) return current.progress;
      const stored = await load(id, revision);
      const entry: Running = { controller: new AbortController(), progress: { ...idle(id, revision, 'running'), phase: 'reading' }, done: Promise.resolve() };
      running.set(k, entry);
      entry.done = run(stored, entry).then(
        () => {
          const { phase: _phase, ...rest } = entry.progress;
          entry.progress = { ...rest, state: 'done', bytesDone: entry.progress.bytesTotal, etaSeconds: 0 };
        },
        (error: unknown) => {
          const cancelled = error instanceof ServiceError && error.code === 'scan.cancelled';
          entry.progress = {
            ...entry.progress,
            state: cancelled ? 'cancelled' : 'failed',
            etaSeconds: null,
            ...(cancelled ? {} : { error: error instanceof Error ? error.message : String(error) }),
          };
          if (!cancelled) platform.log.warn('scan failed', { id, revision, error });
        },
      ).finally(() => {
        running.delete(k);
        last.set(k, entry.progress);
        platform.emit('scan:progress', entry.progress);
        if (entry.progress.state === 'done') platform.emit('findings:changed', { id, revision });
      });
      return entry.progress;
    },
    cancel(id, revision) {
      const entry = running.get(key(id, revision));
      if (!entry) return last.get(key(id, revision)) ?? idle(id, revision, 'not-started');
      entry.controller.abort();
      return { ...entry.progress, state: 'cancelled' };
    },
    async status(id, revision) {
      const k = key(id, revision);
      const entry = running.get(k);
      if (entry) return entry.progress;
      const known = last.get(k);
      if (known) return known;
      const stored = await load(id, revision);
      return (await readResults(stored)) ? { ...idle(id, revision, 'done'), etaSeconds: 0 } : idle(id, revision, 'not-started');
    },
    async results(id, revision) {
      return readResults(await load(id, revision));
    },
    async settled(id, revision) {
      await running.get(key(id, revision))?.done;
    },
  };
}
