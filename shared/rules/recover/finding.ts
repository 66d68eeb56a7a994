/**
 * The `reversible.recovered` finding of one digest column: "k of n recovered", the rows recovered
 * (at most 100, the total in `count`), how (algorithm, what the input was, which columns gave it
 * away), and a few recovered inputs in their masked form only. No hit, no finding.
 */
import { makeFinding, type Finding } from '../../formats/findings';
import { ALGORITHM_INFO } from './block-hashes';
import type { InputKind } from './candidates';
import type { RowHit } from './search';

export type RecoveredColumn = {
  file: string;
  /** Only for a workbook sheet. */
  sheet?: string;
  column: string;
  /** Digest values in the sample (n). */
  sampled: number;
  /** Of those, the values the search got to before its time bound (n when it finished). */
  tried: number;
  hits: readonly RowHit[];
  /** The search stopped at its time bound. */
  timedOut: boolean;
  /** The column's declared transform and its manifest path (`files[0].table.fields[5]`), when declared. */
  declared?: { transform: string; path: string };
};

/** Masked recovered inputs listed as evidence after the "k of n" line. */
const EVIDENCE_EXAMPLES = 3;

const KIND: Readonly<Record<InputKind, string>> = {
  'cn-mobile': 'mobile number',
  'cn-resident-id': 'resident ID number',
};

/** How few candidates the row leaves, for the message. */
const LEAVES: Readonly<Record<InputKind, string>> = {
  'cn-mobile': 'a masked 138****5678 leaves 10⁴',
  'cn-resident-id': 'a resident ID whose region and birth date are known leaves 10³',
};

const FORM: Readonly<Record<string, string>> = {
  '+86': ' with a +86 prefix',
  '86': ' with an 86 prefix',
  '0086': ' with a 0086 prefix',
  '+86 space': ' with a "+86 " prefix',
  '3-4-4 spaces': ' in 3-4-4 groups with spaces',
  '3-4-4 hyphens': ' in 3-4-4 groups with hyphens',
  'lower-x': ' with a lower-case x',
};

/** The finding for a column, or null when nothing was recovered. */
export function recoveredFinding(column: RecoveredColumn): Finding | null {
  const { hits } = column;
  if (hits.length === 0) return null;
  const k = hits.length;
  const where = column.sheet === undefined ? `"${column.file}"` : `"${column.file}", sheet "${column.sheet}"`;
  const of = column.timedOut
    ? `${k} of ${column.tried} digests it tried (the test stopped at its time bound after ${column.tried} of ${column.sampled} sampled)`
    : `${k} of ${column.sampled} sampled digests`;
  const declared = column.declared ? `It is declared "${column.declared.transform}". ` : '';
  const message =
    `Column "${column.column}" of ${where} can be reversed: the workstation recovered the input of ${of} as ${methods(hits)}, ` +
    `hashing the few candidates the rest of the row leaves (${[...new Set(hits.map((h) => LEAVES[h.kind]))].sort().join('; ')}). ${declared}` +
    `An unkeyed digest of an identifier is not de-identification (§5(5)); use a keyed hmac-sm3 or hmac-sha256 whose key stays with the operator.`;
  const sorted = [...hits].sort((a, b) => a.row - b.row);
  return makeFinding(
    'reversible.recovered',
    message,
    {
      file: column.file,
      ...(column.sheet === undefined ? {} : { sheet: column.sheet }),
      column: column.column,
      rows: sorted.map((h) => h.row),
      ...(column.declared ? { field: `${column.declared.path}.transform` } : {}),
    },
    {
      count: k,
      evidence: [
        `${k} of ${column.timedOut ? column.tried : column.sampled} recovered`,
        ...sorted.slice(0, EVIDENCE_EXAMPLES).map((h) => `row ${h.row}: ${ALGORITHM_INFO[h.algorithm].label}(${h.masked})`),
      ],
    },
  );
}

/** "MD5 of the mobile number in column "phone"" — the ways that recovered most rows, most first (at most three). */
function methods(hits: readonly RowHit[]): string {
  const counts = new Map<string, { text: string; n: number }>();
  for (const hit of hits) {
    const from = hit.columns.length === 1 ? `column "${hit.columns[0]!}"` : `columns ${hit.columns.map((c) => `"${c}"`).join(' and ')}`;
    const text = `${ALGORITHM_INFO[hit.algorithm].label} of the ${KIND[hit.kind]}${FORM[hit.form] ?? ''} from ${from}`;
    const entry = counts.get(text) ?? { text, n: 0 };
    entry.n++;
    counts.set(text, entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || (a.text < b.text ? -1 : 1));
  const listed = ranked.slice(0, 3).map((m) => (ranked.length > 1 ? `${m.text} (${m.n})` : m.text));
  return listed.join('; ') + (ranked.length > 3 ? '; and other ways' : '');
}
