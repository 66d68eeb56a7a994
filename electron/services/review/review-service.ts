/**
 * The review of a stored candidate revision in the app: its findings (evaluated from the saved
 * scan with the same code as `review check`), each with a stable key and its acknowledgement;
 * acknowledging a non-blocking finding (audited, kept beside the candidate); the scope diff; and
 * the conformance diff of a column against the policy's required transforms. Raw values are
 * read here and never leave: conformance rows carry markers where a value differs.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { sm3Digest } from '../../../shared/crypto/digest';
import { Candidate, type CandidateFile, type Field } from '../../../shared/formats/candidate';
import { canonicalize } from '../../../shared/formats/canonical';
import type { Finding, FindingsDocument } from '../../../shared/formats/findings';
import { ServiceError } from '../../../shared/ipc/result';
import type { TableRef } from '../../../shared/ipc/schemas/preview';
import type { Acknowledgement, ColumnConformance, ConformanceRows, FindingItem, FindingsView, ScopeDiff } from '../../../shared/ipc/schemas/review';
import { cellConformance, maskForDisplay, valueConforms } from '../../../shared/mask';
import { scopeDiff } from '../../../shared/rules/policy';
import type { AuditLog } from '../audit/audit-log';
import type { CandidateStore, StoredCandidate } from '../candidates/candidate-store';
import { storedFileOpener, storedKey } from '../candidates/stored-files';
import type { PolicyStore, StoredPolicy } from '../policies/policy-store';
import type { Platform } from '../ports';
import { cellDetections } from '../scan/cell-detections';
import { LOCAL_ACTOR } from '../scan/preview-service';
import type { TableResult } from '../scan/scan-file';
import type { ScanService, StoredScan } from '../scan/scan-service';
import { derivedPath } from '../scan/workbook-scan';
import { openTable, type TableHandle } from '../tables';
import { readTextLines } from '../tables/text-lines';
import { disclosureNotes, evaluateCandidate, type PayloadReader } from './evaluate';
import { chinaDay } from '../../../shared/formats/china-day';

/** Rows read from a table at a time while counting or filtering. */
const CHUNK_ROWS = 2_000;
/** At most this many rows are examined for one page of non-conforming rows; the page says where to go on. */
const MAX_EXAMINED = 50_000;

export type ReviewService = {
  findings(id: string, revision: number): Promise<FindingsView>;
  acknowledge(id: string, revision: number, key: string, justification: string): Promise<FindingsView>;
  scope(id: string, revision: number): Promise<ScopeDiff>;
  conformanceSummary(ref: TableRef): Promise<{ columns: ColumnConformance[] }>;
  conformance(ref: TableRef, column: string, from: number, count: number, onlyNonconforming: boolean): Promise<ConformanceRows>;
};

export type ReviewDeps = {
  platform: Pick<Platform, 'emit'>;
  store: CandidateStore;
  policies: PolicyStore;
  scans: ScanService;
  audit: AuditLog;
  key: () => Uint8Array;
  /** Findings worked out beside the evaluation (revisions, recovered digests), for a revision with its saved scan. */
  extraFindings?: (stored: StoredCandidate, manifest: Candidate, scan: StoredScan) => Promise<Finding[]>;
  now?: () => Date;
};

const Acknowledgements = z.array(
  z.strictObject({ key: z.string(), rule: z.string(), justification: z.string(), by: z.string(), at: z.string() }),
);

/** The stable key of each finding of a document: rule, location and message, numbered when two are alike. */
export async function findingKeys(findings: readonly Finding[]): Promise<string[]> {
  const seen = new Map<string, number>();
  const keys: string[] = [];
  for (const f of findings) {
    const base = canonicalize({ rule: f.rule, location: f.location, message: f.message });
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const digest = await sm3Digest(new TextEncoder().encode(n === 0 ? base : `${base}#${n}`));
    keys.push(digest.slice('sm3:'.length, 'sm3:'.length + 24));
  }
  return keys;
}

export function createReviewService(deps: ReviewDeps): ReviewService {
  const now = deps.now ?? (() => new Date());
  const parsed = new Map<string, { stored: StoredCandidate; manifest: Candidate }>();
  const documents = new Map<string, { token: string; document: FindingsDocument; keys: string[] }>();
  const summaries = new Map<string, ColumnConformance[]>();
  const counting = new Map<string, Promise<unknown>>();
  const summaryKey = (ref: TableRef, policy: StoredPolicy | null) => `${ref.id}@${ref.revision}\u0000${ref.file}\u0000${ref.sheet ?? ''}\u0000${policy?.digest ?? ''}`;

  const load = async (id: string, revision: number) => {
    const k = `${id}@${revision}`;
    let entry = parsed.get(k);
    if (!entry) {
      const stored = await deps.store.read(id, revision);
      if (!stored) throw new ServiceError('candidates.not-found', `${id} revision ${revision} is not in the queue.`, { id, revision });
      entry = { stored, manifest: Candidate.parse(JSON.parse(stored.manifestText)) };
      parsed.set(k, entry);
    }
    const policy = await deps.policies.forAgreement(entry.manifest.authorization.agreementId);
    return { ...entry, policy };
  };

  const reader = (stored: StoredCandidate, manifest: Candidate): PayloadReader => ({
    openTable: (result) => openStoredTable(stored, manifest, result),
    textLines: (file) => readTextLines(storedFileOpener(stored.meta, deps.key), join(stored.dir, 'files', ...file.split('/')), file),
  });

  const openStoredTable = (stored: StoredCandidate, manifest: Candidate, result: TableResult): Promise<TableHandle> => {
    const file = manifest.files.find((f) => f.path === result.file);
    return openTable(join(stored.dir, 'files', ...result.file.split('/')), file?.mediaType ?? 'text/csv', {
      file: result.file,
      encoding: result.encoding,
      open: storedFileOpener(stored.meta, deps.key),
      ...(result.sheet
        ? { sheet: result.sheet.name, derivedPath: derivedPath(stored.dir, result.sheet.derived), derivedKey: storedKey(stored.meta, deps.key, result.file) }
        : {}),
    });
  };

  const acknowledgementsPath = (stored: StoredCandidate) => join(stored.dir, 'acknowledgements.json');

  const readAcknowledgements = async (stored: StoredCandidate): Promise<Acknowledgement[]> => {
    let text: string;
    try {
      text = await readFile(acknowledgementsPath(stored), 'utf8');
    } catch {
      return [];
    }
    const result = Acknowledgements.safeParse(JSON.parse(text));
    if (!result.success) throw new ServiceError('findings.acknowledgements-unreadable', `The acknowledgements of ${stored.meta.id} revision ${stored.meta.revision} are damaged (${acknowledgementsPath(stored)}).`, {});
    return result.data;
  };

  const evaluate = async (id: string, revision: number) => {
    const { stored, manifest, policy } = await load(id, revision);
    const scan = await deps.scans.results(id, revision);
    if (!scan) return { stored, manifest, policy, scan: null, document: null, keys: [] as string[] };
    const asOf = chinaDay(now());
    const sdcCurrent = (scan.policy?.digest ?? null) === (policy?.digest ?? null);
    const token = `${scan.finishedAt}|${policy?.digest ?? ''}|${asOf}`;
    const k = `${id}@${revision}`;
    const cached = documents.get(k);
    if (cached?.token === token) return { stored, manifest, policy, scan, sdcCurrent, document: cached.document, keys: cached.keys };
    const document = await evaluateCandidate({
      manifest,
      digest: stored.meta.digest,
      policy,
      asOf,
      evaluatedAt: now().toISOString(),
      results: scan.results,
      // Every payload was verified against the manifest when it was imported.
      intact: new Set(manifest.files.map((f) => f.path)),
      integrity: [],
      extra: deps.extraFindings ? await deps.extraFindings(stored, manifest, scan) : [],
      sdcCurrent,
      read: reader(stored, manifest),
    });
    const keys = await findingKeys(document.findings);
    documents.set(k, { token, document, keys });
    return { stored, manifest, policy, scan, sdcCurrent, document, keys };
  };

  const view = async (id: string, revision: number): Promise<FindingsView> => {
    const result = await evaluate(id, revision);
    if (!result.document) return { id, revision, state: 'not-scanned', document: null, items: [], stale: false, approvable: false, notes: [] };
    const acknowledgements = new Map((await readAcknowledgements(result.stored)).map((a) => [a.key, a]));
    const items: FindingItem[] = result.document.findings.map((finding, i) => ({
      key: result.keys[i]!,
      finding,
      acknowledgement: acknowledgements.get(result.keys[i]!) ?? null,
    }));
    return {
      id,
      revision,
      state: 'ready',
      document: result.document,
      items,
      stale: !result.sdcCurrent,
      approvable: result.document.summary.block === 0 && result.sdcCurrent,
      // Disclosure control ran with the policy's thresholds: what it could not check, unless stale.
      notes: result.policy && result.sdcCurrent ? disclosureNotes(result.scan.results) : [],
    };
  };

  /** The scanned table a reference names, with the manifest's file and its policy. */
  const scannedTable = async (ref: TableRef) => {
    const { stored, manifest, policy } = await load(ref.id, ref.revision);
    const file = manifest.files.find((f) => f.path === ref.file);
    if (!file) throw new ServiceError('preview.no-such-file', `${ref.id} has no file "${ref.file}".`, { file: ref.file });
    const scan = await deps.scans.results(ref.id, ref.revision);
    const result = scan?.results.find((r): r is TableResult => r.kind === 'table' && r.file === ref.file && r.sheet?.name === ref.sheet);
    if (!result) {
      const what = ref.sheet === undefined ? `"${ref.file}"` : `"${ref.file}", sheet "${ref.sheet}"`;
      throw new ServiceError('preview.not-scanned', `${what} has not been scanned yet (or is not a table); start the scan and wait for it to finish.`, { file: ref.file });
    }
    return { stored, manifest, policy, file, result };
  };

  /** How each column of a table is judged: the declared field and the transforms the policy accepts. */
  const columnRules = (file: CandidateFile, result: TableResult, policy: StoredPolicy | null) =>
    result.columns.map((name) => {
      const field: Field | undefined = result.sheet && !result.sheet.declared ? undefined : file.table?.fields.find((f) => f.name === name);
      const accepted = field && policy ? (policy.policy.authorizedFields.find((a) => a.dataset === field.dataset && a.name === field.name)?.requiredTransform ?? []) : [];
      const asOf = chinaDay(now());
      const display = (value: string) =>
        maskForDisplay(value, {
          declared: field ? { class: field.class, transform: field.transform } : null,
          required: accepted.length > 0 ? accepted : null,
          detections: cellDetections(value, asOf),
        }).text;
      return { name, field, accepted, judge: (value: string) => cellConformance(value, accepted, { preferred: field?.transform ?? null, display }) };
    });

  /** Reads rows `from …` in chunks, yielding to the event loop between chunks. */
  async function* chunks(table: TableHandle, result: TableResult, from: number, limit: number): AsyncGenerator<{ row: number; cells: string[] }[]> {
    let row = from;
    const end = Math.min(result.rows, from + limit - 1);
    while (row <= end) {
      const count = Math.min(CHUNK_ROWS, end - row + 1);
      const raw = await table.readRows(result.index, result.columns, row, count);
      yield raw.map((cells, i) => ({ row: row + i, cells }));
      row += count;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  const conformanceSummary = async (ref: TableRef): Promise<{ columns: ColumnConformance[] }> => {
    const { stored, manifest, policy, file, result } = await scannedTable(ref);
    const k = summaryKey(ref, policy);
    const known = summaries.get(k);
    if (known) return { columns: known };
    const running = counting.get(k);
    if (running) {
      await running;
      return { columns: summaries.get(k) ?? [] };
    }
    const rules = columnRules(file, result, policy);
    const counts = rules.map((r) => ({ column: r.name, required: [...r.accepted], conforming: 0, nonconforming: 0, empty: 0 }));
    const table = await openStoredTable(stored, manifest, result);
    for await (const rows of chunks(table, result, 1, result.rows)) {
      for (const { cells } of rows) {
        rules.forEach((rule, c) => {
          const value = cells[c] ?? '';
          const count = counts[c]!;
          if (value.trim() === '') count.empty += 1;
          else if (valueConforms(value, rule.accepted)) count.conforming += 1;
          else count.nonconforming += 1;
        });
      }
    }
    summaries.set(k, counts);
    return { columns: counts };
  };

  return {
    findings: view,
    conformanceSummary,

    async acknowledge(id, revision, key, justification) {
      const current = await view(id, revision);
      if (current.state !== 'ready') throw new ServiceError('findings.not-scanned', `${id} revision ${revision} has not been checked yet; wait for the scan to finish.`, { id, revision });
      const item = current.items.find((i) => i.key === key);
      if (!item) throw new ServiceError('findings.no-such-finding', `${id} revision ${revision} has no finding ${key}; the findings may have changed — reload them.`, { key });
      if (item.finding.severity === 'block') {
        throw new ServiceError(
          'findings.blocking',
          `${item.finding.rule} blocks approval and cannot be acknowledged; only a new revision of the candidate can resolve it.`,
          { rule: item.finding.rule },
        );
      }
      if (item.acknowledgement) return current;
      const { stored } = await load(id, revision);
      const acknowledgement: Acknowledgement = { key, rule: item.finding.rule, justification: justification.trim(), by: LOCAL_ACTOR.id, at: now().toISOString() };
      // The acknowledgement is on the audit log before it is kept or shown.
      await deps.audit.append({
        actor: LOCAL_ACTOR.id,
        action: 'acknowledge',
        target: `${id}@${revision}`,
        detail: { key, rule: item.finding.rule, justification: acknowledgement.justification },
      });
      const all = [...(await readAcknowledgements(stored)), acknowledgement];
      const target = acknowledgementsPath(stored);
      await writeFile(`${target}.tmp`, JSON.stringify(all, null, 2));
      await rename(`${target}.tmp`, target);
      deps.platform.emit('findings:changed', { id, revision });
      return view(id, revision);
    },

    async scope(id, revision) {
      const { manifest, policy } = await load(id, revision);
      return { policy: policy ? { id: policy.policy.id, version: policy.policy.version } : null, rows: scopeDiff(manifest, policy?.policy ?? null) };
    },

    async conformance(ref, column, from, count, onlyNonconforming) {
      const { stored, manifest, policy, file, result } = await scannedTable(ref);
      const rules = columnRules(file, result, policy);
      const c = rules.findIndex((r) => r.name === column);
      if (c < 0) throw new ServiceError('preview.no-such-column', `"${ref.file}" has no column "${column}".`, { column });
      const rule = rules[c]!;
      // The counts need a pass over the whole table: the first page does not wait for them.
      const k = summaryKey(ref, policy);
      if (!summaries.has(k) && !counting.has(k)) counting.set(k, conformanceSummary(ref).finally(() => counting.delete(k)));
      const summary = summaries.get(k)?.[c] ?? null;
      const out: ConformanceRows['rows'] = [];
      const table = await openStoredTable(stored, manifest, result);
      const limit = onlyNonconforming ? MAX_EXAMINED : count;
      let last = from - 1;
      outer: for await (const rows of chunks(table, result, from, limit)) {
        for (const { row, cells } of rows) {
          last = row;
          const value = cells[c] ?? '';
          if (value.trim() === '') {
            if (!onlyNonconforming) out.push({ row, conforming: true, candidate: [], required: [] });
          } else {
            const judged = rule.judge(value);
            if (!onlyNonconforming || !judged.conforming) out.push({ row, ...judged });
          }
          if (out.length === count) break outer;
        }
      }
      const next = last < result.rows ? last + 1 : null;
      return { column: summary, rows: out, next };
    },
  };
}
