/**
 * The findings panel's view model, pure so it can be tested without a DOM: findings grouped by
 * severity then rule, the order `n`/`p` walk them in, where a finding's location is shown
 * (the preview or one of the diff views), how its rows read, whether a justification can be
 * sent, and what the risk summary and the approval gate say.
 */
import { localisedEvidence, type Finding, type FindingLocation } from '../../../../shared/formats/findings';
import type { FindingItem, FindingsView } from '../../../../shared/ipc/schemas/review';
import type { RuleId, Severity } from '../../../../shared/rules/catalogue';
import type { DiffFocus } from '../diff/store';

/**
 * A finding's message in the UI language: the engine's Chinese (`messageZh`) under zh-CN, the
 * English `message` otherwise or where no Chinese was written.
 */
export function findingMessage(finding: Pick<Finding, 'message' | 'messageZh'>, language: string): string {
  return language.startsWith('zh') && finding.messageZh ? finding.messageZh : finding.message;
}

/**
 * A finding's evidence in the UI language: the engine's Chinese (`evidenceZh`) under zh-CN —
 * unless a line of it would show other digits or masked values than its English line — the
 * English `evidence` otherwise or where no Chinese was written.
 */
export function findingEvidence(finding: Pick<Finding, 'evidence' | 'evidenceZh'>, language: string): string[] {
  return localisedEvidence(finding, language.startsWith('zh') ? 'zh' : 'en');
}

/** Display order of the severities: what stops an approval first. */
export const SEVERITIES: readonly Severity[] = ['block', 'warn', 'info'];

export type RuleGroup = { rule: RuleId; clause: string | null; items: FindingItem[] };
export type SeverityGroup = { severity: Severity; count: number; rules: RuleGroup[] };

/**
 * Groups by severity (block, warn, info; empty severities left out), then by rule in ID order.
 * Findings of one rule keep the order they came in: the engine's deterministic order (file,
 * sheet, column, field, first row).
 */
export function groupFindings(items: readonly FindingItem[]): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const byRule = new Map<RuleId, RuleGroup>();
    for (const item of items) {
      if (item.finding.severity !== severity) continue;
      const rule = item.finding.rule;
      let group = byRule.get(rule);
      if (!group) {
        group = { rule, clause: item.finding.clause, items: [] };
        byRule.set(rule, group);
      }
      group.items.push(item);
    }
    if (byRule.size === 0) continue;
    const rules = [...byRule.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    groups.push({ severity, count: rules.reduce((sum, r) => sum + r.items.length, 0), rules });
  }
  return groups;
}

/** The findings in the order the panel shows them — the order `n` and `p` walk. */
export function orderedItems(groups: readonly SeverityGroup[]): FindingItem[] {
  return groups.flatMap((g) => g.rules.flatMap((r) => r.items));
}

/**
 * The key after (`+1`) or before (`-1`) `current`, wrapping at the ends. With nothing selected
 * (or a key that is gone), next starts at the first finding and previous at the last.
 */
export function stepKey(keys: readonly string[], current: string | null | undefined, direction: 1 | -1): string | null {
  if (keys.length === 0) return null;
  const index = current == null ? -1 : keys.indexOf(current);
  if (index === -1) return direction === 1 ? keys[0]! : keys[keys.length - 1]!;
  return keys[(index + direction + keys.length) % keys.length]!;
}

/** Where a finding's location is shown. */
export type JumpTarget =
  | { kind: 'preview'; file: string; sheet?: string; row?: number; column?: string; line?: number }
  | { kind: 'diff'; focus: DiffFocus }
  | { kind: 'none' };

/** Masking findings are about values against the required form: the conformance diff shows that. */
const CONFORMANCE_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['pii.mask-nonconforming', 'pii.unmasked']);
/** Declared reversible transforms: the declarations-vs-detections view shows the declaration beside what was observed. */
const DECLARATION_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['reversible.declared', 'reversible.unkeyed-hash']);

function firstRow(location: FindingLocation): number | undefined {
  return location.rows?.[0] ?? location.cell?.row;
}

/** The table address of a location (file, sheet, column), leaving out what it does not have. */
function tableFocus(location: FindingLocation): Pick<DiffFocus, 'file' | 'sheet' | 'column'> {
  const column = location.column ?? location.cell?.column;
  return {
    ...(location.file !== undefined ? { file: location.file } : {}),
    ...(location.sheet !== undefined ? { sheet: location.sheet } : {}),
    ...(column !== undefined ? { column } : {}),
  };
}

/**
 * Where clicking a finding goes. Masking findings on a column → the conformance diff on that
 * column (at its first row); revision findings → the revision diff; declared reversible
 * transforms → declarations vs detections; scope rules and anything about a manifest field
 * (authorization, scenario, sources, `product.rawPackage`) → the scope diff; anything else in
 * a file → the preview of that file (sheet, first row, column, or text line).
 */
export function jumpTarget(finding: Pick<Finding, 'rule' | 'location'>): JumpTarget {
  const { rule, location } = finding;
  const column = location.column ?? location.cell?.column;
  const row = firstRow(location);
  if (CONFORMANCE_RULES.has(rule) && location.file !== undefined && column !== undefined) {
    return { kind: 'diff', focus: { view: 'conformance', ...tableFocus(location), ...(row !== undefined ? { row } : {}) } };
  }
  if (rule.startsWith('revision.')) {
    return { kind: 'diff', focus: { view: 'revision', ...(location.file !== undefined ? { file: location.file } : {}) } };
  }
  if (DECLARATION_RULES.has(rule) && location.field !== undefined) {
    return { kind: 'diff', focus: { view: 'declarations', ...tableFocus(location) } };
  }
  if (rule.startsWith('scope.') || location.field !== undefined) {
    return { kind: 'diff', focus: { view: 'scope', ...tableFocus(location) } };
  }
  if (location.file !== undefined) {
    return {
      kind: 'preview',
      file: location.file,
      ...(location.sheet !== undefined ? { sheet: location.sheet } : {}),
      ...(row !== undefined ? { row } : {}),
      ...(column !== undefined ? { column } : {}),
      ...(location.line !== undefined ? { line: location.line } : {}),
    };
  }
  return { kind: 'none' };
}

/**
 * Rows as ranges: `[1,2,3,5,7,8]` → `['1–3','5','7–8']`, at most `limit` parts. `more` says
 * that rows were left out — beyond the limit, or beyond the 100 the document lists (`count`).
 */
export function rowRanges(rows: readonly number[], count: number, limit = 4): { parts: string[]; more: boolean } {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return { parts: ranges.slice(0, limit), more: ranges.length > limit || count > sorted.length };
}

/** Main's bounds for a justification (AcknowledgeRequest: trimmed, 10–2000 characters). */
export const MIN_JUSTIFICATION = 10;
export const MAX_JUSTIFICATION = 2000;

export type JustificationCheck = { ok: true; value: string } | { ok: false; problem: 'too-short' | 'too-long'; length: number };

/**
 * Whether a justification can be sent: trimmed, at least 10 and at most 2000 characters,
 * counted as main's schema counts them (UTF-16 units; a Chinese character is one).
 */
export function checkJustification(text: string): JustificationCheck {
  const value = text.trim();
  if (value.length < MIN_JUSTIFICATION) return { ok: false, problem: 'too-short', length: value.length };
  if (value.length > MAX_JUSTIFICATION) return { ok: false, problem: 'too-long', length: value.length };
  return { ok: true, value };
}

/** Only a non-blocking finding can be acknowledged; a blocking one is resolved by a new revision. */
export function canAcknowledge(item: FindingItem): boolean {
  return item.finding.severity !== 'block' && item.acknowledgement === null;
}

/** Why approval is not possible, as far as the findings go. */
export type GateReason = 'loading' | 'failed' | 'not-scanned' | 'blocking' | 'stale' | 'unresolved';

export type ApprovalGate = { open: true } | { open: false; reason: GateReason; blocking: number };

export type RiskSummary = {
  counts: Record<Severity, number>;
  /** Warnings, and how many of them a reviewer has acknowledged. */
  warnings: number;
  acknowledgedWarnings: number;
  gate: ApprovalGate;
};

/** The findings as the risk summary shows them; a view that is not there yet closes the gate. */
export function riskSummary(view: FindingsView | null, status: 'loading' | 'ready' | 'failed'): RiskSummary {
  const counts: Record<Severity, number> = { block: 0, warn: 0, info: 0 };
  let acknowledgedWarnings = 0;
  for (const item of view?.items ?? []) {
    counts[item.finding.severity] += 1;
    if (item.finding.severity === 'warn' && item.acknowledgement !== null) acknowledgedWarnings += 1;
  }
  const closed = (reason: GateReason): ApprovalGate => ({ open: false, reason, blocking: counts.block });
  let gate: ApprovalGate;
  if (status === 'failed') gate = closed('failed');
  else if (view === null) gate = closed('loading');
  else if (view.state === 'not-scanned') gate = closed('not-scanned');
  else if (counts.block > 0) gate = closed('blocking');
  else if (view.stale) gate = closed('stale');
  // Main's word is final: it may know of a block this list does not show.
  else if (!view.approvable) gate = closed('unresolved');
  else gate = { open: true };
  return { counts, warnings: counts.warn, acknowledgedWarnings, gate };
}
