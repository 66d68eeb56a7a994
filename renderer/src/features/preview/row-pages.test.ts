/**
 * The grid's page cache: it asks main only for the pages on screen and those it is asked to
 * keep around them, once each, never holds more than its limit, keeps the pages on screen and
 * around them, and recovers from a failed page on retry.
 */
import { describe, expect, it } from 'vitest';
import type { MaskedRows } from '../../../../shared/ipc/schemas/preview';
import { createRowPages, pageOf } from './row-pages';

function fakeTable(rowCount: number) {
  const calls: [number, number][] = [];
  let failNext = false;
  const fetchRows = (from: number, count: number): Promise<MaskedRows> => {
    calls.push([from, count]);
    if (failNext) {
      failNext = false;
      return Promise.reject(new Error('boom'));
    }
    const rows = [];
    for (let row = from; row < from + count && row <= rowCount; row++) rows.push({ row, cells: [{ text: `r${row}`, state: 'clear-ok' as const }] });
    return Promise.resolve({ from, rows });
  };
  return { calls, fetchRows, failOnce: () => (failNext = true) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pageOf', () => {
  it('maps 1-based rows to 0-based pages of 200', () => {
    expect(pageOf(1)).toBe(0);
    expect(pageOf(200)).toBe(0);
    expect(pageOf(201)).toBe(1);
    expect(pageOf(1_000_000)).toBe(4999);
  });
});

describe('createRowPages', () => {
  it('fetches only the pages on screen, once each, and serves their rows', async () => {
    const table = fakeTable(1_000_000);
    const pages = createRowPages(table.fetchRows, 1_000_000);
    let notified = 0;
    pages.subscribe(() => notified++);
    pages.show(150, 260);
    pages.show(150, 260);
    expect(table.calls).toEqual([
      [1, 200],
      [201, 200],
    ]);
    expect(pages.row(150)).toBeUndefined();
    await settle();
    expect(pages.row(150)?.cells[0]?.text).toBe('r150');
    expect(pages.row(260)?.cells[0]?.text).toBe('r260');
    expect(pages.row(401)).toBeUndefined();
    expect(notified).toBe(2);
    pages.show(1, 30);
    expect(table.calls).toHaveLength(2);
  });

  it('fetches the pages around those on screen after them, the next ones first, within the table', async () => {
    const table = fakeTable(1_000);
    const pages = createRowPages(table.fetchRows, 1_000);
    pages.show(450, 460, 1);
    expect(table.calls).toEqual([
      [401, 200],
      [601, 200],
      [201, 200],
    ]);
    await settle();
    expect(pages.row(650)?.row).toBe(650);
    // Nothing beyond the table's ends is asked for, nor a page held already.
    pages.show(990, 1_000, 2);
    expect(table.calls.slice(3)).toEqual([[801, 200]]);
    pages.show(1, 10, 1);
    expect(table.calls.slice(4)).toEqual([[1, 200]]);
  });

  it('keeps the pages around those on screen, and drops them before the pages on screen', async () => {
    const table = fakeTable(1_000_000);
    const pages = createRowPages(table.fetchRows, 1_000_000, { maxPages: 3 });
    pages.show(401, 410, 1);
    await settle();
    expect(pages.cachedPages().sort()).toEqual([1, 2, 3]);
    // Shown again: the page on screen is now the most recently shown, its neighbours before it.
    pages.show(401, 410, 1);
    pages.show(2_001, 2_010);
    await settle();
    // Page 10 arrived, so one page had to go: a neighbour, not the page that was on screen.
    expect(pages.cachedPages()).toEqual([3, 2, 10]);
  });

  it('asks for a short last page', async () => {
    const table = fakeTable(450);
    const pages = createRowPages(table.fetchRows, 450);
    pages.show(440, 900);
    expect(table.calls).toEqual([[401, 50]]);
    await settle();
    expect(pages.row(450)?.row).toBe(450);
  });

  it('never holds more than the limit and keeps the pages on screen', async () => {
    const table = fakeTable(1_000_000);
    const pages = createRowPages(table.fetchRows, 1_000_000, { maxPages: 3 });
    for (const first of [1, 201, 401, 601, 801]) {
      pages.show(first, first + 20);
      await settle();
    }
    expect(pages.cachedPages().length).toBeLessThanOrEqual(3);
    expect(pages.cachedPages()).toContain(4);
    expect(pages.row(1)).toBeUndefined();
    // Page 2 was shown again, so it outlives page 3.
    pages.show(401, 410);
    pages.show(10_001, 10_010);
    await settle();
    expect(pages.cachedPages()).toEqual([4, 2, 50]);
  });

  it('does not refetch a failed page until retry', async () => {
    const table = fakeTable(1000);
    const pages = createRowPages(table.fetchRows, 1000);
    table.failOnce();
    pages.show(1, 10);
    await settle();
    expect(pages.error()).toBeInstanceOf(Error);
    pages.show(1, 10);
    expect(table.calls).toHaveLength(1);
    pages.retry();
    await settle();
    expect(table.calls).toHaveLength(2);
    expect(pages.error()).toBeNull();
    expect(pages.row(5)?.row).toBe(5);
  });

  it('does nothing for an empty table', () => {
    const table = fakeTable(0);
    const pages = createRowPages(table.fetchRows, 0);
    pages.show(1, 30);
    expect(table.calls).toEqual([]);
  });
});
