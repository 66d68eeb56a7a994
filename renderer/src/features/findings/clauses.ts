/**
 * The clauses of the measures (DOMAIN.md) that findings cite, written `§chapter(item)`. Their
 * texts live in the i18n resources (`clauses.<chapter>-<item>`): the Chinese original from the
 * seed text and an English rendering.
 */
import { RULES } from '../../../../shared/rules/catalogue';

/** Every clause the rule catalogue cites, and §1(1), which RULES.md cites for raw data. */
export const CITED_CLAUSES: readonly string[] = [...new Set(['§1(1)', ...Object.values(RULES).flatMap((r) => (r.clause === null ? [] : [r.clause]))])].sort();

/** `§5(3)` → `5-3`, the key of its text in the i18n resources; null for anything else. */
export function clauseKey(clause: string): string | null {
  const m = /^§(\d+)\((\d+)\)$/.exec(clause);
  return m ? `${m[1]}-${m[2]}` : null;
}
