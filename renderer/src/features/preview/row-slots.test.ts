/**
 * The grid's row keys: rows staying on screen keep theirs, rows scrolled in take the keys rows
 * scrolled out left, a slot no row needs stays as a spare holding its last row, no row is in
 * two slots, and the slots come in order — so no row element is created, removed or moved
 * while scrolling once the most rows on screen at once have been seen.
 */
import { describe, expect, it } from 'vitest';
import { createRowSlots, type Slotted } from './row-slots';

type Item = { index: number };
const window = (first: number, count: number): Item[] => Array.from({ length: count }, (_, i) => ({ index: first + i }));
const slotsOf = (rows: Slotted<Item>[]) => rows.map((r) => r.slot);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('createRowSlots', () => {
  it('gives the rows on screen the slots 0…n−1, in slot order', () => {
    const rows = createRowSlots<Item>().assign(window(1234, 38));
    expect(slotsOf(rows)).toEqual(range(38));
    expect(rows.every((r) => !r.spare)).toBe(true);
    expect(rows[0]?.item.index).toBe(1234);
  });

  it('keeps the slot of a row that stays on screen and gives rows scrolled in the slots rows scrolled out left', () => {
    // A shift of 0 is the same rows again (a repeated render): the same slots.
    for (const shift of [0, 1, 4, 37, 38, 86, 5000, -3, -120]) {
      const slots = createRowSlots<Item>();
      const before = slots.assign(window(1000, 38));
      const after = slots.assign(window(1000 + shift, 38));
      const slotOf = new Map(before.map((r) => [r.item.index, r.slot]));
      for (const r of after) if (slotOf.has(r.item.index)) expect(r.slot).toBe(slotOf.get(r.item.index));
      expect(slotsOf(after)).toEqual(range(38));
      expect(after.every((r) => !r.spare)).toBe(true);
      expect(new Set(after.map((r) => r.item.index))).toEqual(new Set(window(1000 + shift, 38).map((i) => i.index)));
    }
  });

  it('keeps a slot no row needs as a spare with its last row, which that row takes back', () => {
    const slots = createRowSlots<Item>();
    slots.assign(window(100, 5));
    const shorter = slots.assign(window(100, 4));
    expect(shorter.map((r) => [r.slot, r.item.index, r.spare])).toEqual([
      [0, 100, false],
      [1, 101, false],
      [2, 102, false],
      [3, 103, false],
      [4, 104, true],
    ]);
    // Row 104 comes back to its spare; row 99 takes the slot row 100 left.
    const back = slots.assign([{ index: 99 }, ...window(101, 4)]);
    expect(back.map((r) => [r.slot, r.item.index, r.spare])).toEqual([
      [0, 99, false],
      [1, 101, false],
      [2, 102, false],
      [3, 103, false],
      [4, 104, false],
    ]);
  });

  it('holds over a long scroll whose window size varies by a row', () => {
    const slots = createRowSlots<Item>();
    let previous = new Map<number, number>();
    let first = 0;
    for (let frame = 0; frame < 2000; frame++) {
      first += [4, 5, 86, 0, 1, -3][frame % 6]!;
      const count = 37 + (frame % 3 === 0 ? 1 : 0);
      const items = window(first, count);
      const rows = slots.assign(items);
      // Slots 0…37 from the first frame with 38 rows on, each once, in order.
      expect(slotsOf(rows)).toEqual(range(frame === 0 ? 38 : Math.max(38, rows.length)));
      expect(rows.length).toBe(38);
      const live = rows.filter((r) => !r.spare);
      expect(live.map((r) => r.item.index).sort((a, b) => a - b)).toEqual(items.map((i) => i.index));
      // No row in two slots, spares included.
      expect(new Set(rows.map((r) => r.item.index)).size).toBe(rows.length);
      for (const r of live) if (previous.has(r.item.index)) expect(r.slot).toBe(previous.get(r.item.index));
      previous = new Map(live.map((r) => [r.item.index, r.slot]));
    }
  });
});
