/**
 * The manifest of revision N−1 beside revision N, field by field: both are flattened to paths
 * such as `authorization.validTo`, `files[data/x.csv].sha256` or
 * `files[data/x.csv].table.fields[phone].transform`, arrays of objects keyed by their natural
 * key (path, datasetId, field, name) rather than by position, so an inserted file or field shows
 * as one addition and not as every later entry changing. Manifest values are declarations,
 * not payload data: they are shown as they are.
 */
import type { ManifestChange } from '../ipc/schemas/review';

/** The members that name an element of a manifest array, in the order they are tried. */
const NATURAL_KEYS = ['path', 'datasetId', 'field', 'name', 'id'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A leaf value as text: strings as they are, anything else (numbers, booleans, null, lists of them) as JSON. */
function leafText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The element's natural key (its `path`, `name`, … — the first one it has as a string), or null. */
function naturalKey(element: Record<string, unknown>): string | null {
  for (const key of NATURAL_KEYS) {
    const value = element[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

function flattenInto(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isRecord)) {
      // Repeated keys (two methods for one field) are told apart by their occurrence: `[phone#2]`.
      const seen = new Map<string, number>();
      value.forEach((element, i) => {
        const key = naturalKey(element);
        const label = key === null ? String(i) : key;
        const n = (seen.get(label) ?? 0) + 1;
        seen.set(label, n);
        flattenInto(element, `${path}[${n === 1 ? label : `${label}#${n}`}]`, out);
      });
      return;
    }
    // Lists of plain values (quasi-identifiers, largest columns) read best whole.
    out.set(path, leafText(value));
    return;
  }
  if (isRecord(value)) {
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined) continue;
      flattenInto(member, path === '' ? key : `${path}.${key}`, out);
    }
    return;
  }
  out.set(path, leafText(value));
}

/** A manifest (or any JSON value) as `path → value text`, in document order. */
export function flattenManifest(manifest: unknown): Map<string, string> {
  const out = new Map<string, string>();
  flattenInto(manifest, '', out);
  return out;
}

/**
 * The fields that differ between two manifests: `before` null for a field revision N added,
 * `after` null for one it dropped. Revision N's fields come in its document order, then those
 * only N−1 had, in N−1's order. Pass the parsed manifests (defaults filled), so a default left
 * out in one revision and written in the other is no change.
 */
export function diffManifests(before: unknown, after: unknown): ManifestChange[] {
  const old = flattenManifest(before);
  const current = flattenManifest(after);
  const changes: ManifestChange[] = [];
  for (const [field, value] of current) {
    const previous = old.get(field);
    if (previous === undefined) changes.push({ field, before: null, after: value });
    else if (previous !== value) changes.push({ field, before: previous, after: value });
  }
  for (const [field, value] of old) {
    if (!current.has(field)) changes.push({ field, before: value, after: null });
  }
  return changes;
}
