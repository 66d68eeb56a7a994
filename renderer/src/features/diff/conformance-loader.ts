/**
 * The conformance rows of one column as an external store for `useSyncExternalStore`: it
 * holds the row list (conformance-model.ts), asks main for the next page when the view says
 * its last visible row is near the end, and tells subscribers when a page arrives or fails.
 * Each row's candidate side is confined to what the required side shows (segments.ts).
 * One loader per column, start row and filter (the view makes a new one when they change).
 */
import type { ConformanceRows } from '../../../../shared/ipc/schemas/review';
import { describeThrown, log } from '../../app/log';
import { addPage, failPage, markPending, nextRequest, retryRows, startRows, wantsMore, type RowList } from './conformance-model';
import { confineToRequired, hasUnmaskedDiffers } from './segments';

export type FetchConformance = (from: number, count: number, onlyNonconforming: boolean) => Promise<ConformanceRows>;

export type ConformanceLoader = {
  /** The list as it stands (a new object after every change). */
  snapshot: () => RowList;
  subscribe: (listener: () => void) => () => void;
  /** The view shows rows up to `lastVisibleIndex` (−1 before any): load more when near the end. */
  show: (lastVisibleIndex: number) => void;
  /** Forgets a failure and asks again. */
  retry: () => void;
  /** Loads the next page now (the "load more" button). */
  more: () => void;
};

export function createConformanceLoader(fetch: FetchConformance, start: number, onlyNonconforming: boolean): ConformanceLoader {
  let list = startRows(start, onlyNonconforming);
  let lastShown = -1;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());

  const load = () => {
    const request = nextRequest(list);
    if (!request) return;
    list = markPending(list, request.from);
    emit();
    fetch(request.from, request.count, request.onlyNonconforming).then(
      (answer) => {
        if (hasUnmaskedDiffers(answer.rows.flatMap((r) => r.candidate))) log.warn('a differs segment carried characters; shown as markers only', { from: request.from });
        let hidden = 0;
        const rows = answer.rows.map((row) => {
          const confined = confineToRequired(row.candidate, row.required);
          hidden += confined.hidden;
          return confined.hidden === 0 ? row : { ...row, candidate: confined.segments };
        });
        if (hidden > 0) log.warn('candidate characters main marked same but the required form does not show there; shown as markers', { from: request.from, hidden });
        list = addPage(list, request.from, request.onlyNonconforming, { ...answer, rows });
        emit();
        // The screen may still be near the end (a short page, a tall window).
        if (wantsMore(list, lastShown)) load();
      },
      (error: unknown) => {
        log.warn('conformance rows failed', { from: request.from, error: describeThrown(error) });
        list = failPage(list, request.from, error);
        emit();
      },
    );
  };

  return {
    snapshot: () => list,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    show: (lastVisibleIndex) => {
      lastShown = lastVisibleIndex;
      if (wantsMore(list, lastVisibleIndex)) load();
    },
    retry: () => {
      list = retryRows(list);
      emit();
      load();
    },
    more: load,
  };
}
