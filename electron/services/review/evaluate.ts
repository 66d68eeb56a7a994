/**
 * One evaluation of a candidate revision, for `review check` and the app alike: the intake and
 * personal-information rules over the scan results, the policy engine's scope, authorization and
 * reversibility rules, the disclosure control the scan workers evaluated, and findings computed
 * elsewhere (recovered digests, revisions) — with masked evidence read from the listed rows and
 * lines. The caller says how to read a table or a text (a package folder, a zip's scratch copy,
 * or the encrypted store); the result is the findings document of FORMATS.md §3, sorted, so the
 * same input gives the same bytes.
 */
import { parseDocument } from 'yaml';
import { findInText } from '../../../shared/detect';
import type { Candidate } from '../../../shared/formats/candidate';
import { sortFindings, summarise, type Finding, type FindingsDocument } from '../../../shared/formats/findings';
import type { CheckNote } from '../../../shared/ipc/schemas/review';
import { maskEvidence } from '../../../shared/mask';
import { CLEAR_IDENTIFIERS, evaluateIntakeAndPii } from '../../../shared/rules/intake-pii';
import { evaluatePolicyRules, exposedPropertyNames } from '../../../shared/rules/policy';
import type { StoredPolicy } from '../policies/policy-store';
import { cellDetections } from '../scan/cell-detections';
import type { ScanResult, TableResult, WorkbookResult } from '../scan/scan-file';
import type { TableHandle } from '../tables';

/** How the evaluation reads a candidate's payloads. */
export type PayloadReader = {
  /** A scanned table (a worksheet's rows come from the derived file its scan wrote). */
  openTable(result: TableResult): Promise<TableHandle>;
  /** A text file's lines, counted as the scan counts them (tables/text-lines.ts). */
  textLines(file: string): AsyncIterable<{ text: string }>;
};

export type EvaluationInput = {
  manifest: Candidate;
  /** The candidate digest (FORMATS.md §1). */
  digest: string;
  policy: StoredPolicy | null;
  /** Evaluation date `YYYY-MM-DD` and the document's `evaluatedAt`. */
  asOf: string;
  evaluatedAt: string;
  results: readonly ScanResult[];
  /** Files whose digests were verified (API specs and evidence are read only from these). */
  intact: ReadonlySet<string>;
  /** Integrity findings of the inspection (digests, missing and undeclared files). */
  integrity: readonly Finding[];
  /** Findings worked out elsewhere: recovered digests, revisions. */
  extra?: readonly Finding[];
  /** Whether the tables' disclosure-control findings in `results` were evaluated with this policy. */
  sdcCurrent?: boolean;
  read: PayloadReader;
};

const EVIDENCE_RULES = new Set(['pii.unmasked', 'pii.mask-nonconforming', 'pii.undeclared']);

/**
 * The disclosure-control notes of the scanned tables (a declared column the header lacks, no
 * quasi-identifiers declared), in table order. A scan saved by an older build has no Chinese
 * notes: those notes are English only.
 */
export function disclosureNotes(results: readonly ScanResult[]): CheckNote[] {
  const notes: CheckNote[] = [];
  for (const r of results) {
    if (r.kind !== 'table' || !r.sdc) continue;
    const zh = r.sdc.notesZh as readonly string[] | undefined;
    r.sdc.notes.forEach((message, i) => {
      const messageZh = zh?.length === r.sdc!.notes.length ? zh[i] : undefined;
      notes.push({ file: r.file, ...(r.sheet ? { sheet: r.sheet.name } : {}), message, ...(messageZh === undefined ? {} : { messageZh }) });
    });
  }
  return notes;
}

export async function evaluateCandidate(input: EvaluationInput): Promise<FindingsDocument> {
  const { manifest, policy, results, read } = input;
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
  if (policy) {
    // Disclosure control was evaluated by the scan workers with the policy's thresholds.
    if (input.sdcCurrent !== false) findings.push(...tables.flatMap((t) => t.sdc?.findings ?? []));
    findings.push(
      ...evaluatePolicyRules(manifest, policy.policy, {
        asOf: input.asOf,
        profiles: tables.map((t) => ({ file: t.file, ...(t.sheet ? { sheet: t.sheet.name } : {}), profiles: t.profiles })),
        apiProperties: await apiPropertiesOf(manifest.files, input.intact, read),
      }),
    );
  }
  findings.push(...(input.extra ?? []));
  const withEvidence = await attachEvidence(findings, results, read, input.asOf);
  const all = sortFindings([...input.integrity, ...withEvidence]);
  return {
    candidate: { id: manifest.id, revision: manifest.revision, digest: input.digest },
    policy: policy ? { id: policy.policy.id, version: policy.policy.version, digest: policy.digest } : null,
    evaluatedAt: input.evaluatedAt,
    findings: all,
    summary: summarise(all),
  };
}

/**
 * The response properties each intact API spec exposes (OpenAPI 3 or Swagger 2, JSON or YAML),
 * for `scope.api-field`. A spec that does not parse exposes nothing readable: it is listed
 * with no properties, and the preview shows it as text.
 */
async function apiPropertiesOf(files: readonly { path: string; role: string }[], intact: ReadonlySet<string>, read: PayloadReader): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const file of files) {
    if (file.role !== 'api-spec' || !intact.has(file.path)) continue;
    const lines: string[] = [];
    for await (const { text } of read.textLines(file.path)) lines.push(text);
    out[file.path] = exposedPropertyNames(parseSpec(lines.join('\n')));
  }
  return out;
}

/** An API spec as plain data (JSON, or YAML with the core schema, no duplicate keys, capped aliases); null when it does not parse. */
export function parseSpec(text: string): unknown {
  try {
    if (text.trimStart().startsWith('{')) return JSON.parse(text);
    const yaml = parseDocument(text, { schema: 'core', uniqueKeys: true, logLevel: 'silent' });
    return yaml.errors.length === 0 && yaml.warnings.length === 0 ? yaml.toJS({ maxAliasCount: 100 }) : null;
  } catch {
    return null;
  }
}

/** Line `line` (1-based) of a text file, counted as the scan counts lines. */
async function lineOf(read: PayloadReader, file: string, line: number): Promise<string> {
  let n = 0;
  for await (const { text } of read.textLines(file)) if (++n === line) return text;
  return '';
}

/** Reads the first listed rows or lines of each finding and adds their masked forms. */
async function attachEvidence(findings: Finding[], results: readonly ScanResult[], read: PayloadReader, asOf: string): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const finding of findings) {
    const { file, sheet, column, rows, line } = finding.location;
    // A workbook's sheets are tables of one file: the finding's sheet says which.
    const result = results.find((r) => r.file === file && (r.kind === 'table' ? r.sheet?.name === sheet : r.kind === 'text'));
    if (result?.kind === 'table' && column && rows && EVIDENCE_RULES.has(finding.rule) && finding.evidence.length === 0) {
      const table = await read.openTable(result);
      const c = result.columns.indexOf(column);
      const evidence: string[] = [];
      for (const row of rows.slice(0, 3)) {
        const [values] = await table.readRows(result.index, result.columns, row, 1);
        const value = values?.[c];
        if (value) evidence.push(maskEvidence(value, cellDetections(value, asOf)[0]));
      }
      // Masked values and no words: the Chinese evidence is the same list.
      out.push({ ...finding, evidence, evidenceZh: [...evidence] });
    } else if (result?.kind === 'text' && line !== undefined && finding.rule === 'pii.in-text' && finding.evidence.length === 0) {
      const text = await lineOf(read, file!, line);
      const evidence = findInText(text, { asOf })
        .filter((d) => d.personal && d.confidence >= 0.9 && CLEAR_IDENTIFIERS.has(d.detector))
        .slice(0, 3)
        .map((d) => maskEvidence(text.slice(d.start, d.end), d));
      out.push({ ...finding, evidence, evidenceZh: [...evidence] });
    } else {
      out.push(finding);
    }
  }
  return out;
}
