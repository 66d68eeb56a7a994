/**
 * Schemas of the review channels: the findings of a candidate revision with their
 * acknowledgements, and the diff views against the policy — scope (fields beside authorized
 * fields), conformance (a column's values beside what the policy requires, masked), and the
 * revision diff (N−1 beside N). Nothing here carries a raw value: conformance segments replace
 * every character that differs from the required form by a marker.
 */
import { z } from 'zod';
import { Finding, FindingsDocument } from '../../formats/findings';
import { CandidateRef, TableRef } from './preview';

/** A finding's stable key within a revision: `sm3` hex of the canonical JSON of its rule and location (first 24 characters). */
export const FindingKey = z.string().regex(/^[0-9a-f]{24}$/);

export const Acknowledgement = z.strictObject({
  key: FindingKey,
  rule: z.string(),
  justification: z.string(),
  by: z.string(),
  at: z.string(),
});
export type Acknowledgement = z.output<typeof Acknowledgement>;

export const FindingItem = z.strictObject({
  key: FindingKey,
  finding: Finding,
  acknowledgement: Acknowledgement.nullable(),
});
export type FindingItem = z.output<typeof FindingItem>;

/**
 * What the checks could not do on a table — disclosure control without declared
 * quasi-identifiers, a declared count column the header lacks — so the reviewer is told instead
 * of the check passing silently. English, and Chinese where the scan wrote it (shown under zh-CN).
 */
export const CheckNote = z.strictObject({
  file: z.string(),
  sheet: z.string().optional(),
  message: z.string(),
  messageZh: z.string().optional(),
});
export type CheckNote = z.output<typeof CheckNote>;

export const FindingsView = z.strictObject({
  id: z.string(),
  revision: z.number().int(),
  /** `not-scanned`: the checks run on the scan's results; `no-policy`: no policy is stored for the agreement (findings still list what needs none). */
  state: z.enum(['not-scanned', 'ready']),
  document: FindingsDocument.nullable(),
  items: z.array(FindingItem),
  /** The scan's disclosure control used another policy version than the current one: scan again. */
  stale: z.boolean(),
  /** No blocking finding stands (approval is possible as far as the findings go). */
  approvable: z.boolean(),
  /** What disclosure control could not check, table by table (empty when the scan is stale or no policy applies). */
  notes: z.array(CheckNote),
});
export type FindingsView = z.output<typeof FindingsView>;

export const AcknowledgeRequest = CandidateRef.extend({
  key: FindingKey,
  justification: z.string().trim().min(10).max(2000),
});

/** One row of the scope diff: a field the candidate carries, an authorized field it does not use, or both. */
export const ScopeRow = z.strictObject({
  dataset: z.string(),
  name: z.string(),
  /** Files (and sheets) whose table declares the field. */
  files: z.array(z.string()),
  declared: z.strictObject({ class: z.string(), grade: z.number().int(), transform: z.string(), reversible: z.boolean() }).nullable(),
  authorized: z.strictObject({ maxGrade: z.number().int(), requiredTransform: z.array(z.string()) }).nullable(),
  status: z.enum(['ok', 'unauthorized', 'grade-exceeded', 'transform-missing', 'unused']),
  /** Every problem with the field (grade and transform can both be wrong); empty for `ok` and `unused`. */
  problems: z.array(z.enum(['unauthorized', 'grade-exceeded', 'transform-missing'])),
});
export type ScopeRow = z.output<typeof ScopeRow>;

export const ScopeDiff = z.strictObject({
  policy: z.strictObject({ id: z.string(), version: z.number().int() }).nullable(),
  rows: z.array(ScopeRow),
});
export type ScopeDiff = z.output<typeof ScopeDiff>;

/** Part of a value in the conformance diff: `same` text is shown; `differs` text is markers only, never the candidate's characters. */
export const DiffSegment = z.strictObject({ text: z.string(), kind: z.enum(['same', 'differs', 'missing', 'extra']) });
export type DiffSegment = z.output<typeof DiffSegment>;

export const ColumnConformance = z.strictObject({
  column: z.string(),
  /** The transforms the policy accepts; empty when the field is not authorized or no policy applies. */
  required: z.array(z.string()),
  conforming: z.number().int().min(0),
  nonconforming: z.number().int().min(0),
  empty: z.number().int().min(0),
});
export type ColumnConformance = z.output<typeof ColumnConformance>;

export const ConformanceRequest = TableRef.extend({
  column: z.string().min(1).max(500),
  /** First data row to consider (1-based). */
  from: z.number().int().min(1),
  count: z.number().int().min(1).max(200),
  onlyNonconforming: z.boolean(),
});

export const ConformanceRows = z.strictObject({
  /** The column's counts; null while the first pass over the table is still counting (ask `review:conformance-summary`). */
  column: ColumnConformance.nullable(),
  rows: z.array(
    z.strictObject({
      row: z.number().int().min(1),
      conforming: z.boolean(),
      /** The candidate's value: characters matching the required form, and markers where it differs. */
      candidate: z.array(DiffSegment),
      /** The value in the form the policy requires (already masked). */
      required: z.array(DiffSegment),
    }),
  ),
  /** The next row to ask for, or null at the end of the table. */
  next: z.number().int().min(1).nullable(),
});
export type ConformanceRows = z.output<typeof ConformanceRows>;

/** Per-column conformance counts of a table (a full pass over the table, cached per revision and policy). */
export const ConformanceSummary = z.strictObject({ columns: z.array(ColumnConformance) });
export type ConformanceSummary = z.output<typeof ConformanceSummary>;

/** A word-level piece of a changed text line. */
export const WordPart = z.strictObject({ text: z.string(), kind: z.enum(['same', 'added', 'removed']) });
export type WordPart = z.output<typeof WordPart>;

export const TextLineChange = z.strictObject({
  kind: z.enum(['same', 'added', 'removed', 'changed']),
  /** 1-based line numbers in revision N−1 and N (null where the line does not exist there). */
  before: z.number().int().nullable(),
  after: z.number().int().nullable(),
  /** Masked text; for `changed`, the word-level parts of both sides. */
  text: z.string().optional(),
  parts: z.array(WordPart).optional(),
});
export type TextLineChange = z.output<typeof TextLineChange>;

/** A cell's masked value in N−1 and N ('' on the side where the row does not exist). Raw values were compared: both may mask alike. */
export const CellChange = z.strictObject({ column: z.string(), before: z.string(), after: z.string() });
export type CellChange = z.output<typeof CellChange>;

export const TableRowChange = z.strictObject({
  kind: z.enum(['added', 'removed', 'changed']),
  /** The row's key (masked) — the value of the key columns, or the row number when the table has none. */
  key: z.string(),
  before: z.number().int().nullable(),
  after: z.number().int().nullable(),
  /** Masked cells: all cells for added/removed rows, the changed ones for changed rows. */
  cells: z.array(CellChange),
});
export type TableRowChange = z.output<typeof TableRowChange>;

export const FileChange = z.strictObject({
  path: z.string(),
  sheet: z.string().optional(),
  status: z.enum(['added', 'removed', 'changed', 'same']),
  kind: z.enum(['table', 'text', 'binary']),
  table: z
    .strictObject({
      keyColumns: z.array(z.string()),
      columnsAdded: z.array(z.string()),
      columnsRemoved: z.array(z.string()),
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      /** At most 500 row changes listed; the totals are above. */
      rows: z.array(TableRowChange),
    })
    .optional(),
  text: z
    .strictObject({
      /** Lines of N not in N−1, and lines of N−1 not in N (a changed line counts in both). */
      added: z.number().int(),
      removed: z.number().int(),
      /** The changes with a few unchanged lines around each, at most 2,000 entries. */
      lines: z.array(TextLineChange),
      /** More entries than listed. */
      truncated: z.boolean().optional(),
    })
    .optional(),
  /** Why the content of a changed file is not compared here (a workbook not scanned in both revisions, a file that could not be read). */
  note: z.string().optional(),
});
export type FileChange = z.output<typeof FileChange>;

/** A manifest field by path (`files[data/x.csv].table.fields[phone].transform`): null where the revision lacks it. */
export const ManifestChange = z.strictObject({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export type ManifestChange = z.output<typeof ManifestChange>;

export const RevisionDiff = z.strictObject({
  id: z.string(),
  /** Null when there is no stored previous revision. */
  before: z.number().int().nullable(),
  after: z.number().int(),
  /** `previousRevisionDigest` matches the stored revision N−1 (null when there is none to compare). */
  chainIntact: z.boolean().nullable(),
  manifest: z.array(ManifestChange),
  files: z.array(FileChange),
});
export type RevisionDiff = z.output<typeof RevisionDiff>;

export { CandidateRef };
