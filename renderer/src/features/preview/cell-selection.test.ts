/** Selecting cells for a reveal: single click, additive clicks, and the request it becomes. */
import { describe, expect, it } from 'vitest';
import { cellKey, nextSelection, parseCellKey, selectedCells } from './cell-selection';

describe('cell selection', () => {
  it('selects one cell on a plain click and clears it on a second click', () => {
    const one = nextSelection(new Set(), cellKey(3, 1), false);
    expect([...one]).toEqual(['3:1']);
    const other = nextSelection(new Set([cellKey(1, 1), cellKey(2, 1)]), cellKey(5, 0), false);
    expect([...other]).toEqual(['5:0']);
    expect(nextSelection(one, cellKey(3, 1), false).size).toBe(0);
  });

  it('adds and removes cells on additive clicks', () => {
    let selection = nextSelection(new Set(), cellKey(1, 5), true);
    selection = nextSelection(selection, cellKey(2, 5), true);
    expect(selection.size).toBe(2);
    selection = nextSelection(selection, cellKey(1, 5), true);
    expect([...selection]).toEqual(['2:5']);
  });

  it('turns a selection into the cells of a reveal request, in order', () => {
    expect(parseCellKey(cellKey(12, 3))).toEqual({ row: 12, column: 3 });
    const selection = new Set([cellKey(9, 1), cellKey(2, 2), cellKey(2, 1), cellKey(4, 7)]);
    expect(selectedCells(selection, ['a', 'phone', 'id'])).toEqual([
      { row: 2, column: 'phone' },
      { row: 2, column: 'id' },
      { row: 9, column: 'phone' },
    ]);
  });
});
