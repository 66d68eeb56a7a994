// Where the preview is scrolled to show a finding: its first row a third of the way down, its
// column brought in from the side only when it is out of view, a text's line likewise.
import { describe, expect, it } from 'vitest';
import { gridScrollLeft, gridScrollTop, textScrollTop } from './preview-locator';

describe('gridScrollTop', () => {
  it('puts the row a third of the way down the rows under the header', () => {
    // 28 px rows, 32 px header, 632 px viewport: 600 px of rows, a third is 200.
    expect(gridScrollTop(101, 28, 32, 632)).toBe(100 * 28 - 200);
  });

  it('stays at the top for the first rows', () => {
    expect(gridScrollTop(1, 28, 32, 632)).toBe(0);
    expect(gridScrollTop(5, 28, 32, 632)).toBe(0);
  });
});

describe('gridScrollLeft', () => {
  it('leaves a column in view where it is', () => {
    expect(gridScrollLeft(0, 300, 120, 52, 800)).toBe(0);
    expect(gridScrollLeft(200, 300, 120, 52, 800)).toBe(200);
  });

  it('scrolls a column out of view to just after the row numbers', () => {
    expect(gridScrollLeft(0, 1200, 150, 52, 800)).toBe(1200 - 52 - 24);
    expect(gridScrollLeft(900, 300, 120, 52, 800)).toBe(300 - 52 - 24);
  });
});

describe('textScrollTop', () => {
  it('puts the line a third of the way down', () => {
    expect(textScrollTop(1, 600)).toBe(0);
    expect(textScrollTop(201, 600)).toBe(6 + 200 * 20 - 200);
  });
});
