// Where the grid scrolls to show a finding's column: left alone when it is in view, otherwise
// brought in just right of the sticky row numbers.
import { describe, expect, it } from 'vitest';
import { scrollLeftFor, slotOrder } from './PreviewGrid';

describe('scrollLeftFor', () => {
  it('leaves a column in view where it is', () => {
    expect(scrollLeftFor(0, 300, 120, 52, 800)).toBe(0);
    expect(scrollLeftFor(200, 300, 120, 52, 800)).toBe(200);
  });

  it('scrolls a column out of view to just after the row numbers', () => {
    expect(scrollLeftFor(0, 1200, 150, 52, 800)).toBe(1200 - 52 - 24);
    expect(scrollLeftFor(900, 300, 120, 52, 800)).toBe(300 - 52 - 24);
  });
});

describe('preview spots', () => {
  it('are numbered on after one is cleared, so a new request is never taken for a handled one', async () => {
    const { usePreviewStore } = await import('../store');
    const store = usePreviewStore.getState();
    store.showSpot({ candidate: 'A@1', file: 'x.csv', row: 3 });
    const first = usePreviewStore.getState().spot!.seq;
    usePreviewStore.getState().clearSpot(first);
    expect(usePreviewStore.getState().spot).toBeNull();
    usePreviewStore.getState().showSpot({ candidate: 'A@1', file: 'x.csv', row: 9 });
    expect(usePreviewStore.getState().spot!.seq).toBe(first + 1);
    // Clearing an older request leaves a newer one alone.
    usePreviewStore.getState().clearSpot(first);
    expect(usePreviewStore.getState().spot!.row).toBe(9);
  });
});

describe('slotOrder', () => {
  const window = (first: number, count: number) => Array.from({ length: count }, (_, i) => ({ index: first + i }));

  it('gives the rows on screen distinct slots, in slot order', () => {
    const rows = slotOrder(window(1234, 38), 40);
    expect(new Set(rows.map((r) => r.slot)).size).toBe(38);
    expect(rows.map((r) => r.slot)).toEqual([...rows.map((r) => r.slot)].sort((a, b) => a - b));
    expect(rows.every((r) => r.slot === r.item.index % 40)).toBe(true);
  });

  it('keeps the slot of a row that stays on screen and reuses the slots of rows scrolled out', () => {
    for (const shift of [1, 4, 37, 86, 5000]) {
      const before = slotOrder(window(1000, 38), 40);
      const after = slotOrder(window(1000 + shift, 38), 40);
      const slotOf = new Map(before.map((r) => [r.item.index, r.slot]));
      for (const r of after) if (slotOf.has(r.item.index)) expect(r.slot).toBe(slotOf.get(r.item.index));
      // At most the ring's slack of slots is new: the rest were used by rows that left.
      const used = new Set(before.map((r) => r.slot));
      expect(after.filter((r) => !used.has(r.slot)).length).toBeLessThanOrEqual(2);
    }
  });
});
