// Where the grid scrolls to show a finding's column: left alone when it is in view, otherwise
// brought in just right of the sticky row numbers.
import { describe, expect, it } from 'vitest';
import { scrollLeftFor } from './PreviewGrid';

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
