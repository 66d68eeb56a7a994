/**
 * Declarations vs detections: per column, what the operator declared (class, grade,
 * transform, and from `processing.methods` whether the method is keyed and reversible) beside
 * what the scan observed (detected types with their share, mask forms, digests, null rate,
 * distinct estimate), and the places where the two disagree — a column declared public where a
 * personal detector fired, a declared `mask:3,4` where 6+4 masks or clear values were found, a
 * declared digest that is not one, an unkeyed hash declared irreversible. Counts only; no value.
 */
import type { ColumnInfo } from '../../../../shared/ipc/schemas/preview';
import type { ColumnProfile, DetectedType, MaskForm } from '../../../../shared/profile/column-profile';

export type ProcessingMethod = { field: string; name: string; keyed: boolean; reversible: boolean };

/** A detection below this share of the non-null cells is noise for the class check. */
export const PERSONAL_SHARE_NOTICE = 0.01;
/** From this share on, a personal detection in a column declared non-personal is serious. */
export const PERSONAL_SHARE_SERIOUS = 0.5;
/** A column declared as a digest whose cells are digests less often than this is not one. */
export const DIGEST_SHARE_EXPECTED = 0.95;

const PERSONAL_CLASSES = new Set(['personal', 'sensitive-personal']);
const UNKEYED_HASHES = new Set(['hash-md5', 'hash-sha256', 'hash-sm3']);
const DIGEST_ALGORITHM: Readonly<Record<string, 'md5' | 'sha256' | 'sm3'>> = {
  'hash-md5': 'md5',
  'hash-sha256': 'sha256',
  'hash-sm3': 'sm3',
  'hmac-sha256': 'sha256',
  'hmac-sm3': 'sm3',
};

export type MismatchKind =
  | 'personal-detected'
  | 'undeclared-personal'
  | 'mask-form'
  | 'clear-values'
  | 'inconsistent-mask'
  | 'digest-missing'
  | 'digest-algorithm'
  | 'unkeyed-hash'
  | 'keyed-unkeyed'
  | 'precision-loss';

export type Mismatch = {
  kind: MismatchKind;
  severity: 'danger' | 'warning';
  /** Values for the sentence (detector ids, shares 0..1, counts, forms like `6+4`). */
  params: Record<string, string | number>;
};

export type DeclarationRow = {
  column: string;
  declared: ColumnInfo['declared'];
  /** The transforms the policy accepts for the column. */
  required: readonly string[];
  /** The processing method the manifest lists for the field, if any. */
  method: ProcessingMethod | null;
  profile: ColumnProfile | null;
  mismatches: Mismatch[];
};

/** A mask form regardless of the masked value's length: what it keeps and how it masks. */
export type MaskShape = { head: number; tail: number; maskChar: string; count: number };

/** Mask forms merged by head, tail and mask character (main lists lengths apart), most values first. */
export function maskShapes(forms: readonly MaskForm[]): MaskShape[] {
  const byShape = new Map<string, MaskShape>();
  for (const f of forms) {
    const key = `${f.head}\u0000${f.tail}\u0000${f.maskChar}`;
    const known = byShape.get(key);
    if (known) known.count += f.count;
    else byShape.set(key, { head: f.head, tail: f.tail, maskChar: f.maskChar, count: f.count });
  }
  return [...byShape.values()].sort((a, b) => b.count - a.count);
}

/** `{head: 6, tail: 4}` → `6+4`. */
export function formLabel(form: Pick<MaskForm, 'head' | 'tail'>): string {
  return `${form.head}+${form.tail}`;
}

function declaredMask(transform: string): { head: number; tail: number } | null {
  const m = /^mask:(\d+),(\d+)$/.exec(transform);
  return m ? { head: Number(m[1]), tail: Number(m[2]) } : null;
}

function strongestPersonal(detected: readonly DetectedType[]): DetectedType | null {
  let best: DetectedType | null = null;
  for (const d of detected) if (d.personal && (best === null || d.share > best.share)) best = d;
  return best;
}

/** What disagrees between a column's declaration and its profile, most serious first. */
export function mismatchesOf(declared: ColumnInfo['declared'], method: ProcessingMethod | null, profile: ColumnProfile | null): Mismatch[] {
  if (!profile) return [];
  const out: Mismatch[] = [];
  const personal = strongestPersonal(profile.detected);

  if (declared === null) {
    if (personal && personal.share >= PERSONAL_SHARE_NOTICE) {
      out.push({ kind: 'undeclared-personal', severity: 'danger', params: { detector: personal.detector, share: personal.share, count: personal.count } });
    }
  } else {
    if (!PERSONAL_CLASSES.has(declared.class) && personal && personal.share >= PERSONAL_SHARE_NOTICE) {
      out.push({
        kind: 'personal-detected',
        severity: personal.share >= PERSONAL_SHARE_SERIOUS ? 'danger' : 'warning',
        params: { detector: personal.detector, share: personal.share, count: personal.count, class: declared.class },
      });
    }

    const shapes = maskShapes(profile.maskForms);
    const mask = declaredMask(declared.transform);
    if (mask) {
      const other = shapes.filter((f) => f.head !== mask.head || f.tail !== mask.tail);
      if (other.length > 0) {
        const revealsMore = other.some((f) => f.head > mask.head || f.tail > mask.tail);
        out.push({
          kind: 'mask-form',
          severity: revealsMore ? 'danger' : 'warning',
          params: { declared: formLabel(mask), observed: other.map(formLabel).join(', '), count: other.reduce((sum, f) => sum + f.count, 0) },
        });
      }
      const clear = profile.maskConformance?.clear ?? 0;
      if (clear > 0) out.push({ kind: 'clear-values', severity: 'danger', params: { declared: formLabel(mask), count: clear } });
    }
    // Forms that differ only in length (names of two and three characters) are one form.
    if (profile.inconsistentMasking && shapes.length > 1 && !out.some((m) => m.kind === 'mask-form')) {
      out.push({ kind: 'inconsistent-mask', severity: 'warning', params: { forms: shapes.length } });
    }

    const algorithm = DIGEST_ALGORITHM[declared.transform];
    if (algorithm !== undefined) {
      const filled = profile.rows - profile.nulls;
      if (filled > 0 && profile.digest.share < DIGEST_SHARE_EXPECTED) {
        out.push({ kind: 'digest-missing', severity: 'warning', params: { transform: declared.transform, share: profile.digest.share } });
      } else if (profile.digest.algorithms.length > 0 && !profile.digest.algorithms.includes(algorithm)) {
        out.push({ kind: 'digest-algorithm', severity: 'warning', params: { transform: declared.transform, observed: profile.digest.algorithms.join('/') } });
      }
      if (UNKEYED_HASHES.has(declared.transform)) {
        if (method?.keyed) out.push({ kind: 'keyed-unkeyed', severity: 'warning', params: { transform: declared.transform, method: method.name } });
        if (method?.reversible !== true && profile.digest.nearUnique) {
          out.push({ kind: 'unkeyed-hash', severity: 'danger', params: { transform: declared.transform } });
        }
      }
    }
  }

  if (profile.precisionLoss.count > 0) out.push({ kind: 'precision-loss', severity: 'warning', params: { count: profile.precisionLoss.count } });

  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'danger' ? -1 : 1));
}

/** The processing methods of the fields of one table, by field name. */
export function methodsByField(methods: readonly ProcessingMethod[]): Map<string, ProcessingMethod> {
  const out = new Map<string, ProcessingMethod>();
  for (const m of methods) if (!out.has(m.field)) out.set(m.field, m);
  return out;
}

/** One row per column of the table, in the table's order. */
export function declarationRows(columns: readonly ColumnInfo[], profiles: ReadonlyMap<string, ColumnProfile> | null, methods: readonly ProcessingMethod[]): DeclarationRow[] {
  const byField = methodsByField(methods);
  return columns.map((column) => {
    const profile = profiles?.get(column.name) ?? null;
    const method = byField.get(column.name) ?? null;
    return { column: column.name, declared: column.declared, required: column.required, method, profile, mismatches: mismatchesOf(column.declared, method, profile) };
  });
}

export function filterDeclarationRows(rows: readonly DeclarationRow[], mismatchesOnly: boolean): DeclarationRow[] {
  return mismatchesOnly ? rows.filter((r) => r.mismatches.length > 0) : [...rows];
}

/** The detected types worth listing beside a declaration: the first `limit`, most cells first (main's order). */
export function topDetections(profile: ColumnProfile | null, limit = 3): { shown: DetectedType[]; more: number } {
  const detected = profile?.detected ?? [];
  return { shown: detected.slice(0, limit), more: Math.max(0, detected.length - limit) };
}
