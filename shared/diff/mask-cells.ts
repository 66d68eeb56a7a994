/**
 * Cell values of the revision diff masked exactly as the preview grid masks them
 * (electron/services/scan/preview-service.ts `rows`): each cell through `maskForDisplay` with
 * the column's declared class and transform, the policy's required transforms for the field,
 * and what the detectors find in the cell. The diff compares raw values; only this masked form
 * ever leaves the main process.
 */
import type { Detection } from '../detect/types';
import type { Field } from '../formats/candidate';
import type { Policy } from '../formats/policy';
import { maskForDisplay } from '../mask/display';

/** Masked values remembered per masker. */
const MASKED_CACHE = 10_000;

/** What the detectors find in one cell (main passes the scanner's `cellDetections`). */
export type CellDetector = (value: string) => readonly Detection[];

/** A raw cell value of a column, as it may be shown. */
export type CellMasker = (column: string, value: string) => string;

/** The policy's accepted transforms for a declared field, or null when the policy does not list it (or there is no policy). */
export function requiredTransforms(policy: Policy | null, field: Field | undefined): string[] | null {
  if (!policy || !field) return null;
  return policy.authorizedFields.find((f) => f.dataset === field.dataset && f.name === field.name)?.requiredTransform ?? null;
}

/**
 * A masker for one table: `fields` are the manifest's declarations of its columns (none for an
 * undeclared workbook sheet, whose cells are then masked as undeclared columns are).
 */
export function createCellMasker(options: { fields: readonly Field[]; policy: Policy | null; detect: CellDetector }): CellMasker {
  const byName = new Map<string, Field>();
  for (const field of options.fields) if (!byName.has(field.name)) byName.set(field.name, field);
  const contexts = new Map<string, { declared: { class: Field['class']; transform: string } | null; required: string[] | null }>();
  const contextOf = (column: string) => {
    let context = contexts.get(column);
    if (!context) {
      const field = byName.get(column);
      const required = requiredTransforms(options.policy, field);
      context = {
        declared: field ? { class: field.class, transform: field.transform } : null,
        required: required && required.length > 0 ? required : null,
      };
      contexts.set(column, context);
    }
    return context;
  };
  // Listed rows repeat values (districts, bands): each is detected and masked once per column.
  const shown = new Map<string, string>();
  return (column, value) => {
    if (value.trim() === '') return '';
    const key = `${column}\u0000${value}`;
    let text = shown.get(key);
    if (text === undefined) {
      text = maskForDisplay(value, { ...contextOf(column), detections: options.detect(value) }).text;
      if (shown.size < MASKED_CACHE) shown.set(key, text);
    }
    return text;
  };
}
