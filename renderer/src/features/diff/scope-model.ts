/**
 * The scope diff as a schema diff: the candidate's fields beside the policy's authorized
 * fields, grouped by dataset, with counts per status, the "problems only" filter, and how the
 * declared grade and transform stand against the authorized ones (for the cell highlights).
 */
import type { ScopeRow } from '../../../../shared/ipc/schemas/review';

export type ScopeStatus = ScopeRow['status'];
export type ScopeProblem = ScopeRow['problems'][number];

/** Statuses in the order the legend and the counts show them: problems first. */
export const SCOPE_STATUSES: readonly ScopeStatus[] = ['unauthorized', 'grade-exceeded', 'transform-missing', 'unused', 'ok'];

export type ScopeCounts = Record<ScopeStatus, number> & { problems: number; total: number };

export type ScopeGroup = { dataset: string; rows: ScopeRow[]; problems: number };

/** A field has a problem when it is unauthorized, exceeds the grade or lacks a required transform; unused authorized fields are not problems. */
export function hasProblem(row: ScopeRow): boolean {
  return row.problems.length > 0 || row.status === 'unauthorized' || row.status === 'grade-exceeded' || row.status === 'transform-missing';
}

export function scopeCounts(rows: readonly ScopeRow[]): ScopeCounts {
  const counts: ScopeCounts = { unauthorized: 0, 'grade-exceeded': 0, 'transform-missing': 0, unused: 0, ok: 0, problems: 0, total: rows.length };
  for (const row of rows) {
    counts[row.status]++;
    if (hasProblem(row)) counts.problems++;
  }
  return counts;
}

export function filterScopeRows(rows: readonly ScopeRow[], problemsOnly: boolean): ScopeRow[] {
  return problemsOnly ? rows.filter(hasProblem) : [...rows];
}

/** Rows grouped by dataset, datasets and rows in the order main listed them. */
export function groupScopeRows(rows: readonly ScopeRow[]): ScopeGroup[] {
  const groups = new Map<string, ScopeGroup>();
  for (const row of rows) {
    let group = groups.get(row.dataset);
    if (!group) groups.set(row.dataset, (group = { dataset: row.dataset, rows: [], problems: 0 }));
    group.rows.push(row);
    if (hasProblem(row)) group.problems++;
  }
  return [...groups.values()];
}

/** Every problem of a row, the status first when main listed none (older answers). */
export function problemsOf(row: ScopeRow): ScopeProblem[] {
  if (row.problems.length > 0) return row.problems;
  return row.status === 'ok' || row.status === 'unused' ? [] : [row.status];
}

/** The declared grade against the authorized maximum. */
export function gradeComparison(row: ScopeRow): 'within' | 'exceeded' | 'unknown' {
  if (!row.declared || !row.authorized) return 'unknown';
  return row.declared.grade > row.authorized.maxGrade || problemsOf(row).includes('grade-exceeded') ? 'exceeded' : 'within';
}

/** The declared transform against the ones the policy accepts. */
export function transformComparison(row: ScopeRow): 'accepted' | 'missing' | 'unknown' {
  if (!row.declared || !row.authorized) return 'unknown';
  if (problemsOf(row).includes('transform-missing')) return 'missing';
  if (row.authorized.requiredTransform.length === 0) return 'accepted';
  return row.authorized.requiredTransform.includes(row.declared.transform) ? 'accepted' : 'missing';
}

/**
 * The row a focus points at: the field named `column` — of the focused file when several
 * datasets have a field of that name — or null.
 */
export function scopeTarget(rows: readonly ScopeRow[], focus: { column?: string | undefined; file?: string | undefined } | undefined): ScopeRow | null {
  if (focus?.column === undefined) return null;
  const named = rows.filter((r) => r.name === focus.column);
  const file = focus.file;
  return (file === undefined ? undefined : named.find((r) => r.files.some((f) => f === file || f.startsWith(`${file} `) || f.startsWith(`${file}#`)))) ?? named[0] ?? null;
}

/** The marker at the start of a row, as in a schema diff: `+` only the candidate has it, `−` only the policy, `!` a problem, blank when it agrees. */
export function scopeMarker(row: ScopeRow): '+' | '−' | '!' | ' ' {
  if (row.status === 'unauthorized') return '+';
  if (row.status === 'unused') return '−';
  return hasProblem(row) ? '!' : ' ';
}
