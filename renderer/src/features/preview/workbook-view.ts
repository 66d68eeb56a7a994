/**
 * How the preview shows workbooks: the overview lists every sheet of a workbook as a table of
 * its own; the file switcher shows the workbook once and the sheet switcher its sheets. These
 * helpers group the tables by file, pick the sheet to show, and move between sheet tabs with
 * the keyboard (the WAI-ARIA tabs pattern: arrows, Home, End).
 */
import type { TableInfo } from '../../../../shared/ipc/schemas/preview';

/** One file of the preview: a plain table, or a workbook with its sheets in workbook order. */
export type TableFile = { file: string; workbook: boolean; tables: TableInfo[] };

/** The tables grouped by file, files in the order they first appear. */
export function groupTables(tables: readonly TableInfo[]): TableFile[] {
  const byFile = new Map<string, TableFile>();
  for (const table of tables) {
    let entry = byFile.get(table.file);
    if (!entry) {
      entry = { file: table.file, workbook: false, tables: [] };
      byFile.set(table.file, entry);
    }
    entry.tables.push(table);
    if (table.sheet !== undefined) entry.workbook = true;
  }
  return [...byFile.values()];
}

/** The sheet to show: the one chosen before, else the sheet the manifest declares, else the first. */
export function pickTable(file: TableFile, chosenSheet: string | undefined): TableInfo | undefined {
  if (!file.workbook) return file.tables[0];
  return file.tables.find((t) => t.sheet === chosenSheet) ?? file.tables.find((t) => t.sheetInfo?.declared) ?? file.tables[0];
}

/** Sheets Excel would not show (hidden or very hidden). */
export function hiddenSheets(file: TableFile): number {
  return file.tables.filter((t) => t.sheetInfo !== undefined && t.sheetInfo.state !== 'visible').length;
}

/** The tab index a key moves to in a row of `count` tabs (wrapping), or null for any other key. */
export function tabKeyTarget(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
