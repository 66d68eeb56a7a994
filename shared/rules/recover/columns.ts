/**
 * Which columns of a scanned table the reversibility test reads: the digest columns — as
 * `reversible.digest-undeclared` judges them, digest-shaped in at least DIGEST_SHARE of cells and
 * near-unique — and the context columns that can give their inputs away: mobile numbers and
 * resident IDs (clear or masked) as the profiles detected them, and region-code and date columns,
 * which the profiles only suggest (by length) and a sample of values confirms.
 */
import type { ColumnProfile } from '../../profile/column-profile';
import { DIGEST_SHARE } from '../policy/reversibility';
import { birthDatePattern, regionPattern, type ContextColumn, type ContextRole } from './candidates';

/** Share of a sample's non-empty cells that must be region codes (or dates) for the column to count as one. */
export const CONTEXT_SHARE = 0.9;
/** At most this many context columns are read per table. */
export const MAX_CONTEXT_COLUMNS = 8;

/** The names of the columns that look like digests (the columns `reversible.digest-undeclared` looks at). */
export function digestColumns(profiles: readonly ColumnProfile[]): string[] {
  return profiles.filter((p) => p.digest.nearUnique && p.digest.count > 0 && p.digest.share >= DIGEST_SHARE).map((p) => p.name);
}

/** A column that may be context: `confirm` when its values must be checked on the sample first. */
export type ContextCandidate = ContextColumn & { confirm: boolean };

/**
 * The columns that may carry what a digest's input can be recovered from, mobile and resident-ID
 * columns first. Digest columns are never context.
 */
export function contextCandidates(profiles: readonly ColumnProfile[], exclude: readonly string[] = digestColumns(profiles)): ContextCandidate[] {
  const out: ContextCandidate[] = [];
  const add = (name: string, role: ContextRole, confirm: boolean) => out.push({ name, role, confirm });
  const holds = (p: ColumnProfile, detector: 'cn-mobile' | 'cn-resident-id') =>
    p.detected.some((d) => d.detector === detector && d.count > 0) || p.maskForms.some((f) => f.original === detector && f.count > 0);
  const others = profiles.filter((p) => !exclude.includes(p.name) && p.maxLength !== null);
  for (const p of others) if (holds(p, 'cn-mobile')) add(p.name, 'mobile', false);
  for (const p of others) if (holds(p, 'cn-resident-id')) add(p.name, 'resident-id', false);
  const taken = new Set(out.map((c) => c.name));
  for (const p of others) {
    if (taken.has(p.name)) continue;
    if (p.minLength === 6 && p.maxLength === 6) add(p.name, 'region', true);
    // `19900105` to `1990-01-05T00:00:00+08:00`.
    else if (p.minLength !== null && p.minLength >= 8 && p.maxLength! <= 25) add(p.name, 'birth-date', true);
  }
  return out.slice(0, MAX_CONTEXT_COLUMNS);
}

/**
 * The context columns confirmed on a sample: region and date candidates stay only when at least
 * CONTEXT_SHARE of their non-empty sampled cells are region codes or real birth dates up to `asOf`.
 * `cellsOf(name)` gives a column's sampled cells.
 */
export function confirmContext(candidates: readonly ContextCandidate[], cellsOf: (name: string) => readonly string[], asOf: string): ContextColumn[] {
  return candidates
    .filter((c) => {
      if (!c.confirm) return true;
      const cells = cellsOf(c.name).filter((v) => v.trim() !== '');
      if (cells.length === 0) return false;
      const parse = c.role === 'region' ? regionPattern : (v: string) => birthDatePattern(v, asOf);
      return cells.filter((v) => parse(v) !== null).length >= CONTEXT_SHARE * cells.length;
    })
    .map(({ name, role }) => ({ name, role }));
}
