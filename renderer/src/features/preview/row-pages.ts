/**
 * The grid's window onto a table's masked rows: fetches pages of 200 rows on demand (the
 * pages on screen first, then the pages next to them, so rows scrolled into view are usually
 * there already; one request per page), keeps at most 20 pages — the least recently shown
 * go first, never one on screen or next to it — and tells subscribers when a page arrives.
 */
import type { MaskedRows } from '../../../../shared/ipc/schemas/preview';

export type MaskedRow = MaskedRows['rows'][number];
export type FetchRows = (from: number, count: number) => Promise<MaskedRows>;

export const PAGE_SIZE = 200;
export const MAX_PAGES = 20;

export type RowPages = {
  /** The row (1-based) when its page is loaded. */
  row: (row: number) => MaskedRow | undefined;
  /**
   * Marks rows first..last as on screen and fetches those of their pages not cached or on the
   * way, then `around` pages on each side of them (the next ones first).
   */
  show: (first: number, last: number, around?: number) => void;
  /** Forgets failed pages and fetches the rows on screen again. */
  retry: () => void;
  subscribe: (listener: () => void) => () => void;
  /** Changes whenever a page arrives or fails (a useSyncExternalStore snapshot). */
  version: () => number;
  /** The error of the last failed page, until retry. */
  error: () => unknown;
  /** Pages held now (for tests and diagnostics). */
  cachedPages: () => number[];
};

/** The 0-based page that holds 1-based `row`. */
export function pageOf(row: number, pageSize = PAGE_SIZE): number {
  return Math.floor((Math.max(1, row) - 1) / pageSize);
}

export function createRowPages(fetchRows: FetchRows, rowCount: number, options: { pageSize?: number; maxPages?: number } = {}): RowPages {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const maxPages = Math.max(1, options.maxPages ?? MAX_PAGES);
  /** Page → its rows by offset; Map order is least recently shown first. */
  const pages = new Map<number, (MaskedRow | undefined)[]>();
  const inFlight = new Set<number>();
  const failed = new Set<number>();
  const listeners = new Set<() => void>();
  /** The pages on screen and around them: never evicted. */
  let kept = new Set<number>();
  let lastRange: [number, number, number] | null = null;
  let version = 0;
  let lastError: unknown = null;

  const changed = () => {
    version++;
    for (const listener of [...listeners]) listener();
  };

  const evict = () => {
    for (const page of pages.keys()) {
      if (pages.size <= maxPages) break;
      if (!kept.has(page)) pages.delete(page);
    }
  };

  const load = async (page: number) => {
    const from = page * pageSize + 1;
    const count = Math.min(pageSize, rowCount - from + 1);
    inFlight.add(page);
    try {
      const answer = await fetchRows(from, count);
      const rows: (MaskedRow | undefined)[] = new Array<MaskedRow | undefined>(count);
      for (const row of answer.rows) {
        const offset = row.row - from;
        if (offset >= 0 && offset < count) rows[offset] = row;
      }
      pages.delete(page);
      pages.set(page, rows);
      evict();
    } catch (error) {
      failed.add(page);
      lastError = error;
    } finally {
      inFlight.delete(page);
    }
    changed();
  };

  const show = (first: number, last: number, around = 0) => {
    if (rowCount <= 0) return;
    const lo = Math.min(Math.max(1, first), rowCount);
    const hi = Math.min(Math.max(lo, last), rowCount);
    lastRange = [lo, hi, around];
    const firstPage = pageOf(lo, pageSize);
    const lastPage = pageOf(hi, pageSize);
    const wanted: number[] = [];
    for (let page = firstPage; page <= lastPage; page++) wanted.push(page);
    const pageCount = pageOf(rowCount, pageSize) + 1;
    for (let step = 1; step <= around; step++) {
      if (lastPage + step < pageCount) wanted.push(lastPage + step);
      if (firstPage - step >= 0) wanted.push(firstPage - step);
    }
    kept = new Set(wanted);
    // The pages around go before those on screen in recency, so the cache drops them first.
    for (const page of [...wanted].reverse()) {
      const cached = pages.get(page);
      if (cached) {
        pages.delete(page);
        pages.set(page, cached);
      }
    }
    for (const page of wanted) {
      if (!pages.has(page) && !inFlight.has(page) && !failed.has(page)) void load(page);
    }
  };

  return {
    row: (row) => pages.get(pageOf(row, pageSize))?.[(row - 1) % pageSize],
    show,
    retry: () => {
      failed.clear();
      lastError = null;
      changed();
      if (lastRange) show(...lastRange);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    error: () => lastError,
    cachedPages: () => [...pages.keys()],
  };
}
