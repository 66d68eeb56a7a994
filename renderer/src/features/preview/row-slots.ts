/**
 * The React keys ("slots") of the grid's rows: a row keeps its slot while it stays on screen,
 * and a row scrolled in takes a slot that a row scrolled out has just left — so scrolling
 * gives existing row elements new text instead of removing some and creating others, whether
 * the wheel moved the window by a few rows or a scrollbar drag by a whole screen. A slot no
 * row needs for the moment (the window is a row shorter as a partial row scrolls away) stays,
 * as a spare holding its last row, to be hidden rather than removed: it is needed again a
 * frame or two later.
 */

export type Slotted<T> = { item: T; slot: number; spare: boolean };

export type RowSlots<T extends { index: number }> = {
  /**
   * Every slot, in slot order: the rows now on screen (distinct row indices) and the spares
   * with the row they last held. Rendering in slot order moves no element, because the slots
   * are always 0…n−1 for the most rows ever on screen at once, n. A row is never in two slots:
   * a row coming back takes the spare that holds it.
   */
  assign: (items: readonly T[]) => Slotted<T>[];
};

export function createRowSlots<T extends { index: number }>(): RowSlots<T> {
  /** What each slot holds, by slot: a row on screen, or a spare's last row — no row twice. */
  let held: T[] = [];
  return {
    assign: (items) => {
      const slotOf = new Map<number, number>();
      const taken: boolean[] = [];
      for (const item of items) slotOf.set(item.index, -1);
      // Rows that stay, and rows coming back to the spare that holds them, keep their slot.
      held.forEach((item, slot) => {
        if (slotOf.has(item.index)) {
          slotOf.set(item.index, slot);
          taken[slot] = true;
        }
      });
      // Other rows take the lowest slots no row on screen holds.
      const placed: T[] = [];
      let free = 0;
      for (const item of items) {
        let slot = slotOf.get(item.index)!;
        if (slot < 0) {
          while (taken[free]) free++;
          slot = free;
          taken[slot] = true;
        }
        placed[slot] = item;
      }
      const slotted: Slotted<T>[] = [];
      for (let slot = 0; slot < Math.max(held.length, placed.length); slot++) {
        const item = placed[slot];
        slotted.push(item ? { item, slot, spare: false } : { item: held[slot]!, slot, spare: true });
      }
      held = slotted.map((s) => s.item);
      return slotted;
    },
  };
}
