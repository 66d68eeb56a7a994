/**
 * Brings a finding's location into view in the preview: once the preview shows the finding's
 * table (the file and sheet are chosen through the preview store), scrolls its grid to the
 * first row and across to the column, and opens that column's profile, which marks its header
 * — or scrolls a text to the line.
 *
 * The preview keeps its scroll position and open profile inside its own components, so this
 * works through what they render: the grid's scroll container, its row height, and the header
 * button a reviewer would click (data-testid/data-* attributes the e2e suite relies on too).
 * A jump request the table preview reads itself would be cleaner; see the findings e2e spec,
 * which fails if these attributes change.
 */
import { useEffect } from 'react';
import { ROW_HEIGHT } from '../preview/components/PreviewGrid';
import { useFindingsStore, type PreviewSpot } from './store';

/** How long to wait for the preview to show the table (its overview and rows load first). */
const WAIT_MS = 10_000;
/** A text preview's line height and top padding (TextPreview). */
const TEXT_LINE_HEIGHT = 20;
const TEXT_PADDING = 6;

/**
 * The scroll offset that puts `row` (1-based) a third of the way down a grid whose rows are
 * `rowHeight` high under a sticky header `header` high, in a viewport `viewport` high.
 */
export function gridScrollTop(row: number, rowHeight: number, header: number, viewport: number): number {
  const band = Math.max(0, viewport - header);
  return Math.max(0, Math.round((row - 1) * rowHeight - band / 3));
}

/**
 * The horizontal scroll offset that shows a column starting `left` px into the canvas and
 * `width` wide, right of a sticky row-number column `pinned` wide: unchanged when it is in view.
 */
export function gridScrollLeft(current: number, left: number, width: number, pinned: number, viewport: number): number {
  const start = left - pinned;
  const visibleStart = current;
  const visibleEnd = current + viewport - pinned;
  if (start >= visibleStart && start + width <= visibleEnd) return current;
  return Math.max(0, Math.round(start - 24));
}

/** The scroll offset that puts `line` (1-based) a third of the way down a text preview. */
export function textScrollTop(line: number, viewport: number): number {
  return Math.max(0, Math.round(TEXT_PADDING + (line - 1) * TEXT_LINE_HEIGHT - viewport / 3));
}

function byData(root: ParentNode, testId: string, match: (el: HTMLElement) => boolean): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)].find(match);
}

/** Read through a call: the checker would take `signal.aborted` as unchanged across an await. */
function stopped(signal: AbortSignal): boolean {
  return signal.aborted;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Waits (frame by frame, up to WAIT_MS) for `find` to return an element. */
async function waitFor(find: () => HTMLElement | undefined, signal: AbortSignal): Promise<HTMLElement | undefined> {
  const until = performance.now() + WAIT_MS;
  while (!signal.aborted && performance.now() < until) {
    const found = find();
    if (found) return found;
    await nextFrame();
  }
  return undefined;
}

async function showTableSpot(spot: PreviewSpot, signal: AbortSignal): Promise<void> {
  const grid = await waitFor(() => {
    const table = byData(document, 'table-preview', (el) => el.dataset.file === spot.file && el.dataset.sheet === spot.sheet && el.dataset.provisional === undefined);
    const found = table?.querySelector<HTMLElement>('[data-testid="preview-grid"]');
    return found && found.clientHeight > 0 && Number(found.dataset.rows) > 0 ? found : undefined;
  }, signal);
  if (!grid || signal.aborted) return;

  if (spot.column !== undefined) {
    const header = byData(grid, 'grid-header', (el) => el.dataset.column === spot.column);
    const button = header?.querySelector<HTMLButtonElement>('[data-testid="grid-header-button"]');
    // The profile marks the column's header and shows what was detected in it.
    if (button && button.getAttribute('aria-pressed') !== 'true') button.click();
    // The profile takes room beside the grid: measure once it is laid out.
    await nextFrame();
    if (header && !stopped(signal)) {
      const pinned = grid.querySelector<HTMLElement>('.grid-header .grid-rownum')?.offsetWidth ?? 0;
      const left = header.getBoundingClientRect().left - grid.getBoundingClientRect().left + grid.scrollLeft;
      grid.scrollLeft = gridScrollLeft(grid.scrollLeft, left, header.offsetWidth, pinned, grid.clientWidth);
    }
  }
  if (spot.row !== undefined && !stopped(signal)) {
    const rows = Number(grid.dataset.rows);
    const header = grid.querySelector<HTMLElement>('.grid-header')?.offsetHeight ?? 0;
    grid.scrollTop = gridScrollTop(Math.min(spot.row, rows), ROW_HEIGHT, header, grid.clientHeight);
  }
}

async function showTextSpot(spot: PreviewSpot & { line: number }, signal: AbortSignal): Promise<void> {
  const text = await waitFor(() => {
    const file = byData(document, 'text-file-preview', (el) => el.dataset.file === spot.file);
    const found = file?.querySelector<HTMLElement>('[data-testid="text-preview"]');
    return found && found.clientHeight > 0 ? found : undefined;
  }, signal);
  if (text && !signal.aborted) text.scrollTop = textScrollTop(spot.line, text.clientHeight);
}

/** Follows the findings store's preview requests for this candidate while the preview is shown. */
export function usePreviewLocator(candidate: string): void {
  const spot = useFindingsStore((s) => s.spot);
  useEffect(() => {
    if (!spot || spot.candidate !== candidate) return;
    if (spot.row === undefined && spot.column === undefined && spot.line === undefined) return;
    const controller = new AbortController();
    void (spot.line !== undefined ? showTextSpot({ ...spot, line: spot.line }, controller.signal) : showTableSpot(spot, controller.signal));
    return () => controller.abort();
  }, [spot, candidate]);
}
