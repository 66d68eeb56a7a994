/**
 * The findings document (FORMATS.md §3): what the policy engine and `review check --json`
 * produce. Findings are sorted and summarised deterministically, so the same input gives the
 * same bytes; evidence is always masked.
 */
import { z } from 'zod';
import { RULE_IDS, RULES, type RuleId, type Severity } from '../rules/catalogue';

export const MAX_LISTED_ROWS = 100;

export const FindingLocation = z.strictObject({
  file: z.string().optional(),
  sheet: z.string().optional(),
  column: z.string().optional(),
  /** 1-based data rows, at most 100 listed; the total is the finding's `count`. */
  rows: z.array(z.number().int().min(1)).max(MAX_LISTED_ROWS).optional(),
  line: z.number().int().min(1).optional(),
  cell: z.strictObject({ row: z.number().int().min(1), column: z.string() }).optional(),
  /** A manifest path such as `authorization.validTo`. */
  field: z.string().optional(),
});
export type FindingLocation = z.output<typeof FindingLocation>;

export const Finding = z.strictObject({
  rule: z.enum(RULE_IDS as [RuleId, ...RuleId[]]),
  severity: z.enum(['block', 'warn', 'info']),
  clause: z.string().nullable(),
  /** English, canonical: keys, order and `--json` use it. */
  message: z.string(),
  /** The same message in Chinese, for the app and `--lang zh`; `localiseFindings` folds it into `message`. */
  messageZh: z.string().optional(),
  location: FindingLocation,
  count: z.number().int().min(0),
  evidence: z.array(z.string()),
  detector: z.string().optional(),
});
export type Finding = z.output<typeof Finding>;

export const FindingsDocument = z.strictObject({
  candidate: z.strictObject({ id: z.string(), revision: z.number().int(), digest: z.string() }),
  policy: z.strictObject({ id: z.string(), version: z.number().int(), digest: z.string() }).nullable(),
  evaluatedAt: z.string(),
  findings: z.array(Finding),
  summary: z.strictObject({ block: z.number().int(), warn: z.number().int(), info: z.number().int() }),
});
export type FindingsDocument = z.output<typeof FindingsDocument>;

/**
 * A finding for `rule` with its catalogue severity and clause. `message` is English; `extra.zh`
 * is the same message in Chinese (kept as `messageZh`).
 */
export function makeFinding(
  rule: RuleId,
  message: string,
  location: FindingLocation,
  extra: { count?: number; evidence?: string[]; detector?: string; severity?: Severity; zh?: string } = {},
): Finding {
  const info = RULES[rule];
  const rows = location.rows ? [...new Set(location.rows)].sort((a, b) => a - b) : undefined;
  return {
    rule,
    // A policy may raise a severity but never lower a block.
    severity: info.severity === 'block' ? 'block' : (extra.severity ?? info.severity),
    clause: info.clause,
    message,
    ...(extra.zh === undefined ? {} : { messageZh: extra.zh }),
    location: { ...location, ...(rows ? { rows: rows.slice(0, MAX_LISTED_ROWS) } : {}) },
    count: extra.count ?? rows?.length ?? 1,
    evidence: extra.evidence ?? [],
    ...(extra.detector ? { detector: extra.detector } : {}),
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

/**
 * Orders findings by severity, rule, file, column, first row and (English) message — a total
 * order on what FORMATS.md §3 prints; `messageZh` plays no part.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (f: Finding) => [
    SEVERITY_ORDER[f.severity],
    f.rule,
    f.location.file ?? '',
    f.location.sheet ?? '',
    f.location.column ?? '',
    f.location.field ?? '',
    f.location.rows?.[0] ?? f.location.line ?? 0,
    f.message,
  ];
  return [...findings].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i]!;
      const y = kb[i]!;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}

/** Counts findings by severity. */
export function summarise(findings: readonly Finding[]): FindingsDocument['summary'] {
  const summary = { block: 0, warn: 0, info: 0 };
  for (const f of findings) summary[f.severity] += 1;
  return summary;
}

export type FindingLanguage = 'en' | 'zh';

/**
 * The document with each finding's `message` in `lang` (English where a finding has no Chinese)
 * and without `messageZh`, so it is exactly FORMATS.md §3. Order and summary stay as they are.
 */
export function localiseFindings(doc: FindingsDocument, lang: FindingLanguage): FindingsDocument {
  return {
    ...doc,
    findings: doc.findings.map(({ messageZh, ...finding }) => (lang === 'zh' && messageZh !== undefined ? { ...finding, message: messageZh } : finding)),
  };
}
