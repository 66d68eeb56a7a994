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
  /** Masked only, English wording around the masked values. */
  evidence: z.array(z.string()),
  /**
   * The same evidence in Chinese, line for line, with exactly the same masked values and numbers
   * (a line of masked values only is the same in both); `localiseFindings` folds it into
   * `evidence`. Where it is absent (a finding kept by an older build) the English is shown.
   */
  evidenceZh: z.array(z.string()).optional(),
  detector: z.string().optional(),
}).refine((f) => f.evidenceZh === undefined || f.evidenceZh.length === f.evidence.length, {
  error: 'evidenceZh must have one line for each line of evidence',
  path: ['evidenceZh'],
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
 * is the same message in Chinese (kept as `messageZh`), `extra.evidenceZh` the evidence in
 * Chinese, one line for each line of `extra.evidence`.
 */
export function makeFinding(
  rule: RuleId,
  message: string,
  location: FindingLocation,
  extra: { count?: number; evidence?: string[]; evidenceZh?: string[]; detector?: string; severity?: Severity; zh?: string } = {},
): Finding {
  const evidence = extra.evidence ?? [];
  if (extra.evidenceZh !== undefined && extra.evidenceZh.length !== evidence.length) {
    throw new Error(`${rule}: ${extra.evidenceZh.length} Chinese evidence lines for ${evidence.length} English ones`);
  }
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
    evidence,
    ...(extra.evidenceZh === undefined ? {} : { evidenceZh: extra.evidenceZh }),
    ...(extra.detector ? { detector: extra.detector } : {}),
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

/**
 * Orders findings by severity, rule, file, column, first row and (English) message — a total
 * order on what FORMATS.md §3 prints; `messageZh` and `evidenceZh` play no part.
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

// What an evidence line discloses: its digit runs and its masked tokens (a run holding `*`, as
// in `138****5678` or `王**`), without the words around them.
const DIGIT_RUNS = /\d+/g;
const MASKED_TOKENS = /[^\s:：,，、;；()（）[\]"“”]*\*[^\s:：,，、;；()（）[\]"“”]*/g;
const disclosed = (line: string): string => [...(line.match(DIGIT_RUNS) ?? []), ...(line.match(MASKED_TOKENS) ?? [])].sort().join('\u0000');

/**
 * Whether a Chinese evidence line discloses exactly what its English line does: the same digit
 * runs and the same masked values (in any order), so a translation can never show more.
 */
export function sameDisclosure(english: string, chinese: string): boolean {
  return disclosed(english) === disclosed(chinese);
}

/**
 * A finding's evidence in `lang`: `evidenceZh` for Chinese when it has a line for each English
 * line and every line discloses exactly what the English one does; otherwise the English.
 */
export function localisedEvidence(finding: Pick<Finding, 'evidence' | 'evidenceZh'>, lang: FindingLanguage): string[] {
  const zh = finding.evidenceZh;
  if (lang !== 'zh' || zh === undefined || zh.length !== finding.evidence.length) return finding.evidence;
  return zh.every((line, i) => sameDisclosure(finding.evidence[i]!, line)) ? zh : finding.evidence;
}

/**
 * The document with each finding's `message` and `evidence` in `lang` (English where a finding
 * has no Chinese) and without `messageZh` and `evidenceZh`, so it is exactly FORMATS.md §3 —
 * with the keys in the order they have there. Order and summary stay as they are.
 */
export function localiseFindings(doc: FindingsDocument, lang: FindingLanguage): FindingsDocument {
  return {
    ...doc,
    findings: doc.findings.map(({ messageZh, evidenceZh, ...finding }) => {
      if (lang !== 'zh') return finding;
      // Spread then overwrite: `message` and `evidence` keep their places among the keys.
      return {
        ...finding,
        ...(messageZh === undefined ? {} : { message: messageZh }),
        ...(evidenceZh === undefined ? {} : { evidence: localisedEvidence({ evidence: finding.evidence, evidenceZh }, lang) }),
      };
    }),
  };
}
