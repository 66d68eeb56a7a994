/**
 * Turns zod issues into sentences a person can act on: each names the field path in the
 * dotted/indexed form people read in JSON (`files[2].sha256`) and what was wrong.
 */
import type { z } from 'zod';

/** `["files", 2, "sha256"]` → `files[2].sha256`; the root is `(root)`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

export type FieldProblem = { field: string; problem: string };

/** One entry per issue, in the order zod found them. */
export function describeIssues(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: formatPath(issue.path), problem: issue.message }));
}
