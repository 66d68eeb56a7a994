/**
 * The `reversible.recovered` finding of one digest column: "k of n recovered", the rows recovered
 * (at most 100, the total in `count`), how (algorithm, what the input was, which columns gave it
 * away), and a few recovered inputs in their masked form only. No hit, no finding.
 */
import { makeFinding, type Finding } from '../../formats/findings';
import { tableLabelZh } from '../messages-zh';
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

const KIND_ZH: Readonly<Record<InputKind, string>> = {
  'cn-mobile': '手机号',
  'cn-resident-id': '居民身份证号',
};

/** How few candidates the row leaves, for the message. */
const LEAVES: Readonly<Record<InputKind, string>> = {
  'cn-mobile': 'a masked 138****5678 leaves 10⁴',
  'cn-resident-id': 'a resident ID whose region and birth date are known leaves 10³',
};

const LEAVES_ZH: Readonly<Record<InputKind, string>> = {
  'cn-mobile': '已掩码的 138****5678 只剩 10⁴ 种可能',
  'cn-resident-id': '已知地区和出生日期的居民身份证号只剩 10³ 种可能',
};

const FORM_ZH: Readonly<Record<string, string>> = {
  '+86': '（带 +86 前缀）',
  '86': '（带 86 前缀）',
  '0086': '（带 0086 前缀）',
  '+86 space': '（带“+86 ”前缀）',
  '3-4-4 spaces': '（按 3-4-4 以空格分组）',
  '3-4-4 hyphens': '（按 3-4-4 以连字符分组）',
  'lower-x': '（末位为小写 x）',
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
  const ofZh = column.timedOut
    ? `在已尝试的 ${column.tried} 个摘要值中还原出 ${k} 个的原始输入（检验在抽样的 ${column.sampled} 个中尝试了 ${column.tried} 个后达到时限而停止）`
    : `在抽样的 ${column.sampled} 个摘要值中还原出 ${k} 个的原始输入`;
  const declaredZh = column.declared ? `该列声明的处理方式为“${column.declared.transform}”。` : '';
  const messageZh =
    `${tableLabelZh(column.file, column.sheet)}的列“${column.column}”可被还原：本工作站根据同一行其他字段缩小候选范围后逐一计算摘要` +
    `（${[...new Set(hits.map((h) => LEAVES_ZH[h.kind]))].sort().join('；')}），${ofZh}，方式为${methodsZh(hits)}。${declaredZh}` +
    `对标识符直接计算不加密钥的摘要不属于去标识化处理（§5(5)），应改用密钥由经办方保管的 hmac-sm3 或 hmac-sha256。`;
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
      evidenceZh: [
        `已还原 ${k} / ${column.timedOut ? column.tried : column.sampled}`,
        ...sorted.slice(0, EVIDENCE_EXAMPLES).map((h) => `第 ${h.row} 行：${ALGORITHM_INFO[h.algorithm].label}(${h.masked})`),
      ],
      zh: messageZh,
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

/** `methods` in Chinese: "对列“phone”中的手机号计算 MD5" — same ranking, at most three. */
function methodsZh(hits: readonly RowHit[]): string {
  const counts = new Map<string, { text: string; n: number }>();
  for (const hit of hits) {
    const from = `列${hit.columns.map((c) => `“${c}”`).join('和')}`;
    const text = `对${from}中的${KIND_ZH[hit.kind]}${FORM_ZH[hit.form] ?? ''}计算 ${ALGORITHM_INFO[hit.algorithm].label}`;
    const entry = counts.get(text) ?? { text, n: 0 };
    entry.n++;
    counts.set(text, entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || (a.text < b.text ? -1 : 1));
  const listed = ranked.slice(0, 3).map((m) => (ranked.length > 1 ? `${m.text}（${m.n} 个）` : m.text));
  return listed.join('；') + (ranked.length > 3 ? '；以及其他方式' : '');
}
