/**
 * The queue's filtering, searching, sorting and keyboard selection as pure functions over
 * queue rows, so the table component stays thin and the rules are unit-tested.
 */
import type { ProductKind } from '../../../../shared/formats/candidate';
import type { QueueRecord, ReviewStatus } from '../../db/database';

export type QueueFilters = {
  search: string;
  status: ReviewStatus | 'all';
  kind: ProductKind | 'all';
  /** An operator name, or null for all (a name may be any non-empty text, even "all"). */
  operator: string | null;
};

export const NO_FILTERS: QueueFilters = { search: '', status: 'all', kind: 'all', operator: null };

export const SORTABLE_COLUMNS = ['id', 'productName', 'kind', 'operatorName', 'scenarioName', 'submittedAt', 'fileCount', 'findings', 'status'] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];
export type QueueSort = { column: SortColumn; desc: boolean };

export const DEFAULT_SORT: QueueSort = { column: 'submittedAt', desc: true };

/** The stable key of a row: `id` and `revision` together. */
export function rowKey(row: { id: string; revision: number }): string {
  return `${row.id}@${row.revision}`;
}

/** Case-, width- and accent-insensitive form used for searching. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().trim();
}

/** Whether `row` contains every whitespace-separated term of `search` in a searchable field. */
export function matchesSearch(row: QueueRecord, search: string): boolean {
  const terms = normalizeForSearch(search).split(/\s+/).filter((term) => term !== '');
  if (terms.length === 0) return true;
  const haystack = normalizeForSearch(
    [row.id, `r${row.revision}`, row.productName, row.operatorName, row.scenarioId, row.scenarioName, row.recipientName].join('\n'),
  );
  return terms.every((term) => haystack.includes(term));
}

export function filterQueue(rows: readonly QueueRecord[], filters: QueueFilters): QueueRecord[] {
  return rows.filter(
    (row) =>
      (filters.status === 'all' || row.status === filters.status) &&
      (filters.kind === 'all' || row.kind === filters.kind) &&
      (filters.operator === null || row.operatorName === filters.operator) &&
      matchesSearch(row, filters.search),
  );
}

export function hasActiveFilters(filters: QueueFilters): boolean {
  return filters.search.trim() !== '' || filters.status !== 'all' || filters.kind !== 'all' || filters.operator !== null;
}

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' });

/** Work order: what still waits comes before what someone has opened. */
const STATUS_ORDER: Record<ReviewStatus, number> = { pending: 0, 'in-review': 1 };

function instant(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/** For sorting by findings: unchecked lowest, then by blocks, then by warnings not yet acknowledged. */
function riskRank(row: QueueRecord): number {
  const f = row.findings;
  if (!f) return -1;
  return f.block * 1_000_000 + Math.max(0, f.warn - f.acknowledged);
}

function compareBy(column: SortColumn, a: QueueRecord, b: QueueRecord): number {
  switch (column) {
    case 'id':
      return collator.compare(a.id, b.id) || a.revision - b.revision;
    case 'submittedAt':
      return instant(a.submittedAt) - instant(b.submittedAt);
    case 'fileCount':
      return a.fileCount - b.fileCount;
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'findings':
      return riskRank(a) - riskRank(b);
    case 'productName':
    case 'kind':
    case 'operatorName':
    case 'scenarioName':
      return collator.compare(a[column], b[column]);
  }
}

/** A sorted copy; ties fall back to newest submission first, then id and revision, so the order is stable. */
export function sortQueue(rows: readonly QueueRecord[], sort: QueueSort | null): QueueRecord[] {
  return [...rows].sort((a, b) => {
    const primary = sort ? compareBy(sort.column, a, b) * (sort.desc ? -1 : 1) : 0;
    return primary || compareBy('submittedAt', b, a) || compareBy('id', a, b);
  });
}

/** The distinct operator names, sorted, for the operator filter. */
export function operatorsOf(rows: readonly QueueRecord[]): string[] {
  return [...new Set(rows.map((row) => row.operatorName))].sort(collator.compare);
}

/**
 * The key selected after pressing ↑ (delta -1) or ↓ (+1): from nothing, ↓ picks the first
 * row and ↑ the last; movement stops at either end; a selection no longer visible restarts.
 */
export function moveSelection(keys: readonly string[], current: string | null, delta: -1 | 1): string | null {
  if (keys.length === 0) return null;
  const index = current === null ? -1 : keys.indexOf(current);
  if (index === -1) return delta === 1 ? (keys[0] ?? null) : (keys[keys.length - 1] ?? null);
  const next = Math.min(keys.length - 1, Math.max(0, index + delta));
  return keys[next] ?? null;
}
