/**
 * `review check`: inspects a package (integrity findings), scans its tables and texts in the
 * worker pool (every sheet of a workbook, its rows derived into a scratch folder), evaluates the
 * intake and personal-information rules, and attaches masked evidence read from the listed
 * rows and lines. Produces the findings document of FORMATS.md §3 — sorted, so the same input
 * gives the same bytes.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findInText } from '../../../shared/detect';
import { sortFindings, summarise, type Finding, type FindingsDocument } from '../../../shared/formats/findings';
import { maskEvidence } from '../../../shared/mask';
import { CLEAR_IDENTIFIERS, evaluateIntakeAndPii } from '../../../shared/rules/intake-pii';
import { evaluatePolicyRules, exposedPropertyNames } from '../../../shared/rules/policy';
import { parseDocument } from 'yaml';
import { ServiceError } from '../../../shared/ipc/result';
import { parsePolicy, type StoredPolicy } from '../policies/policy-store';
import { scanJobs } from '../scan/scan-service';
import { cellDetections } from '../scan/cell-detections';
import type { ScanJob, ScanResult, TableResult, WorkbookResult } from '../scan/scan-file';
import { derivedPath, scanJobInPool } from '../scan/workbook-scan';
import type { ScanPool } from '../scan/worker-pool';
import { openTable } from '../tables';
import { openPlain } from '../tables/open-bytes';
import { readTextLines } from '../tables/text-lines';
import { openInspection, UnsafePackage, verifyFiles, type Verification } from './inspect-package';

export type CheckOptions = {
  packagePath: string;
  policyPath?: string;
  /** Evaluation date `YYYY-MM-DD`; defaults to today. */
  at?: string;
  pool: ScanPool;
};

const EVIDENCE_RULES = new Set(['pii.unmasked', 'pii.mask-nonconforming', 'pii.undeclared']);

export async function runCheck(options: CheckOptions): Promise<FindingsDocument> {
  const policy = options.policyPath ? await loadPolicy(options.policyPath) : null;
  const at = options.at ?? new Date().toISOString().slice(0, 10);
  const evaluatedAt = options.at ? `${options.at}T00:00:00+08:00` : new Date().toISOString();

  let opened;
  try {
    opened = await openInspection(options.packagePath);
  } catch (error) {
    if (error instanceof UnsafePackage) {
      return {
        candidate: { id: '(unknown)', revision: 0, digest: '' },
        policy: policy ? { id: policy.policy.id, version: policy.policy.version, digest: policy.digest } : null,
        evaluatedAt,
        findings: [error.finding],
        summary: summarise([error.finding]),
      };
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
    const scan = (job: ScanJob) => scanJobInPool(options.pool, job, { base, ...(sizes.has(job.file) ? { size: sizes.get(job.file)! } : {}) });
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
      const [verification, settled] = await Promise.all([verifyFiles(opened), Promise.allSettled(jobs.map(scan))]);
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
      results = (await Promise.all(jobs.map(scan))).flat();
    }
    const inspection = { ...opened, findings: [...opened.findings, ...verified.findings] };
    const tables = results.filter((r): r is TableResult => r.kind === 'table');
    const findings = evaluateIntakeAndPii({
      manifest,
      policy: policy?.policy ?? null,
      tables: tables.map((t) => ({
        file: t.file,
        ...(t.sheet ? { sheet: t.sheet } : {}),
        encodingGuessed: t.encoding.guessed,
        profiles: t.profiles,
        largeNumbers: t.largeNumbers,
      })),
      texts: results.flatMap((r) => (r.kind === 'text' ? [{ file: r.file, hits: r.hits }] : [])),
      workbooks: results.filter((r): r is WorkbookResult => r.kind === 'workbook'),
    });
    // The policy engine's scope, authorization and reversibility rules (shared/rules/policy), and
    // the disclosure control the workers evaluated while scanning (shared/rules/sdc).
    if (policy) {
      findings.push(...tables.flatMap((t) => t.sdc?.findings ?? []));
      findings.push(
        ...evaluatePolicyRules(manifest, policy.policy, {
          asOf: at,
          profiles: tables.map((t) => ({ file: t.file, ...(t.sheet ? { sheet: t.sheet.name } : {}), profiles: t.profiles })),
          apiProperties: await apiPropertiesOf(manifest.files, verified.intact, locate),
        }),
      );
    }
    const withEvidence = await attachEvidence(findings, results, { locate, derivedBase: base }, manifest.files, at);
    const all = sortFindings([...inspection.findings, ...withEvidence]);
    return {
      candidate: { id: manifest.id, revision: manifest.revision, digest: inspection.digest },
      policy: policy ? { id: policy.policy.id, version: policy.policy.version, digest: policy.digest } : null,
      evaluatedAt,
      findings: all,
      summary: summarise(all),
    };
  } finally {
    await source.close();
    await rm(scratch, { recursive: true, force: true });
    if (derivedBase) await rm(derivedBase, { recursive: true, force: true });
  }
}

/**
 * The response properties each intact API spec exposes (OpenAPI 3 or Swagger 2, JSON or YAML),
 * for `scope.api-field`. A spec that does not parse exposes nothing readable: it is listed
 * with no properties, and the preview shows it as text.
 */
async function apiPropertiesOf(files: readonly { path: string; role: string }[], intact: ReadonlySet<string>, locate: (path: string) => string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const file of files) {
    if (file.role !== 'api-spec' || !intact.has(file.path)) continue;
    const lines: string[] = [];
    for await (const { text } of readTextLines(openPlain, locate(file.path), file.path)) lines.push(text);
    out[file.path] = exposedPropertyNames(parseSpec(lines.join('\n')));
  }
  return out;
}

/** An API spec as plain data (JSON, or YAML with the core schema, no duplicate keys, capped aliases); null when it does not parse. */
function parseSpec(text: string): unknown {
  try {
    if (text.trimStart().startsWith('{')) return JSON.parse(text);
    const yaml = parseDocument(text, { schema: 'core', uniqueKeys: true, logLevel: 'silent' });
    return yaml.errors.length === 0 && yaml.warnings.length === 0 ? yaml.toJS({ maxAliasCount: 100 }) : null;
  } catch {
    return null;
  }
}

/** Line `line` (1-based) of a text file, counted as the scan counts lines. */
async function lineOf(path: string, file: string, line: number): Promise<string> {
  let n = 0;
  for await (const { text } of readTextLines(openPlain, path, file)) if (++n === line) return text;
  return '';
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

/** Reads the first listed rows or lines of each finding and adds their masked forms. */
async function attachEvidence(
  findings: Finding[],
  results: ScanResult[],
  where: { locate: (path: string) => string; derivedBase: string },
  files: { path: string; mediaType: string }[],
  asOf: string,
): Promise<Finding[]> {
  const { locate } = where;
  const out: Finding[] = [];
  for (const finding of findings) {
    const { file, sheet, column, rows, line } = finding.location;
    // A workbook's sheets are tables of one file: the finding's sheet says which.
    const result = results.find((r) => r.file === file && (r.kind === 'table' ? r.sheet?.name === sheet : r.kind === 'text'));
    if (result?.kind === 'table' && column && rows && EVIDENCE_RULES.has(finding.rule)) {
      const mediaType = files.find((f) => f.path === file)?.mediaType ?? 'text/csv';
      const table = await openTable(locate(file!), mediaType, {
        file: file!,
        encoding: result.encoding,
        ...(result.sheet ? { sheet: result.sheet.name, derivedPath: derivedPath(where.derivedBase, result.sheet.derived) } : {}),
      });
      const c = result.columns.indexOf(column);
      const evidence: string[] = [];
      for (const row of rows.slice(0, 3)) {
        const [values] = await table.readRows(result.index, result.columns, row, 1);
        const value = values?.[c];
        if (value) evidence.push(maskEvidence(value, cellDetections(value, asOf)[0]));
      }
      out.push({ ...finding, evidence });
    } else if (result?.kind === 'text' && line !== undefined && finding.rule === 'pii.in-text') {
      const text = await lineOf(locate(file!), file!, line);
      const evidence = findInText(text, { asOf })
        .filter((d) => d.personal && d.confidence >= 0.9 && CLEAR_IDENTIFIERS.has(d.detector))
        .slice(0, 3)
        .map((d) => maskEvidence(text.slice(d.start, d.end), d));
      out.push({ ...finding, evidence });
    } else {
      out.push(finding);
    }
  }
  return out;
}
