/**
 * The scope diff of the review screen: every field the candidate declares beside the field the
 * policy authorizes (by dataset and name), like a schema diff — unauthorized, grade exceeded,
 * transform missing, ok — and the authorized fields the candidate does not use. A field
 * declared by several tables is one row listing its files. Uses the same matching as the
 * `scope.*` rules, so the diff and the findings never disagree.
 */
import type { Candidate } from '../../formats/candidate';
import type { Policy } from '../../formats/policy';
import { declaredFields } from './options';
import { fieldReversible } from './reversibility';
import { authorizedEntry, transformAccepted } from './scope';

export type ScopeProblem = 'unauthorized' | 'grade-exceeded' | 'transform-missing';

export type ScopeRow = {
  dataset: string;
  name: string;
  files: string[];
  declared: { class: string; grade: number; transform: string; reversible: boolean } | null;
  authorized: { maxGrade: number; requiredTransform: string[] } | null;
  status: 'ok' | 'unused' | ScopeProblem;
  problems: ScopeProblem[];
};

const PROBLEM_ORDER: Record<ScopeProblem, number> = { unauthorized: 0, 'grade-exceeded': 1, 'transform-missing': 2 };

/** Rows in manifest order (fields, then unused authorized fields in policy order). With no policy, every field is `unauthorized`. */
export function scopeDiff(manifest: Candidate, policy: Policy | null): ScopeRow[] {
  const rows = new Map<string, ScopeRow>();
  for (const d of declaredFields(manifest)) {
    const { field } = d;
    const place = d.file.table?.sheet ? `${d.file.path} · ${d.file.table.sheet}` : d.file.path;
    const id = `${field.dataset}\u0000${field.name}`;
    const known = rows.get(id);
    if (known) {
      if (!known.files.includes(place)) known.files.push(place);
      // A field declared twice keeps every problem either declaration has.
      const more = problemsOf(field, policy);
      known.problems = [...new Set([...known.problems, ...more])].sort((a, b) => PROBLEM_ORDER[a] - PROBLEM_ORDER[b]);
      known.status = known.problems[0] ?? 'ok';
      continue;
    }
    const entry = policy ? authorizedEntry(policy, field.dataset, field.name) : undefined;
    const problems = problemsOf(field, policy);
    rows.set(id, {
      dataset: field.dataset,
      name: field.name,
      files: [place],
      declared: { class: field.class, grade: field.grade, transform: field.transform, reversible: fieldReversible(manifest, field) },
      authorized: entry ? { maxGrade: entry.maxGrade, requiredTransform: [...entry.requiredTransform] } : null,
      status: problems[0] ?? 'ok',
      problems,
    });
  }
  for (const entry of policy?.authorizedFields ?? []) {
    const id = `${entry.dataset}\u0000${entry.name}`;
    if (rows.has(id)) continue;
    rows.set(id, {
      dataset: entry.dataset,
      name: entry.name,
      files: [],
      declared: null,
      authorized: { maxGrade: entry.maxGrade, requiredTransform: [...entry.requiredTransform] },
      status: 'unused',
      problems: [],
    });
  }
  return [...rows.values()];
}

function problemsOf(field: { dataset: string; name: string; grade: number; transform: string }, policy: Policy | null): ScopeProblem[] {
  const entry = policy ? authorizedEntry(policy, field.dataset, field.name) : undefined;
  if (!entry) return ['unauthorized'];
  const problems: ScopeProblem[] = [];
  if (field.grade > entry.maxGrade) problems.push('grade-exceeded');
  if (!transformAccepted(field.transform, entry.requiredTransform)) problems.push('transform-missing');
  return problems;
}
