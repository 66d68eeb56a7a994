/**
 * The grid's cell selection for a reveal: a click selects one cell (or clears it when it was
 * the only one), Ctrl/⌘- or Shift-click adds or removes a cell. Keys name the 1-based row and
 * the column's position, so equal column names cannot collide.
 */

export type CellKey = `${number}:${number}`;

export function cellKey(row: number, column: number): CellKey {
  return `${row}:${column}`;
}

export function parseCellKey(key: CellKey): { row: number; column: number } {
  const [row, column] = key.split(':').map(Number);
  return { row: row ?? 0, column: column ?? 0 };
}

export function nextSelection(current: ReadonlySet<CellKey>, key: CellKey, additive: boolean): Set<CellKey> {
  if (additive) {
    const next = new Set(current);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  }
  return current.size === 1 && current.has(key) ? new Set() : new Set([key]);
}

/** The cells of a selection as the reveal request names them, by row then column. */
export function selectedCells(selection: ReadonlySet<CellKey>, columnNames: readonly string[]): { row: number; column: string }[] {
  return [...selection]
    .map(parseCellKey)
    .sort((a, b) => a.row - b.row || a.column - b.column)
    .flatMap(({ row, column }) => {
      const name = columnNames[column];
      return name === undefined ? [] : [{ row, column: name }];
    });
}
