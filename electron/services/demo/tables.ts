/**
 * The demo's in-memory tables and their serialisations (CSV, TSV, NDJSON, JSON array), plus
 * the `table` block a candidate manifest carries for them. Output is byte-stable: columns in
 * declared order, `\n` line endings, a final newline.
 */
import type { CandidateFile } from '../../../shared/formats/candidate';

export type Cell = string | number;
export type TableDescription = NonNullable<CandidateFile['table']>;
export type FieldDeclaration = TableDescription['fields'][number];

export type Column = FieldDeclaration & { type: 'string' | 'integer' | 'number' };

export type DemoTable = {
  columns: Column[];
  /** Each row holds one cell per column, in column order. */
  rows: Cell[][];
  kind: 'microdata' | 'aggregate';
  quasiIdentifiers?: string[];
  sensitive?: string[];
  countColumn?: string;
  magnitude?: { totalColumn: string; largestColumns: string[] };
};

/** The manifest's `table` block, keys in the order of FORMATS.md §1. */
export function describeTable(table: DemoTable): TableDescription {
  return {
    kind: table.kind,
    quasiIdentifiers: table.quasiIdentifiers ?? [],
    sensitive: table.sensitive ?? [],
    countColumn: table.countColumn ?? null,
    magnitude: table.magnitude ?? null,
    fields: table.columns.map((c) => ({ name: c.name, dataset: c.dataset, type: c.type, class: c.class, grade: c.grade, transform: c.transform })),
  };
}

function csvCell(cell: Cell): string {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row and `\n` line endings. */
export function toCsv(table: DemoTable): string {
  const lines = [table.columns.map((c) => csvCell(c.name)).join(',')];
  for (const row of table.rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/** Tab-separated values (IANA text/tab-separated-values): no quoting, so a tab or newline in a cell is an error. */
export function toTsv(table: DemoTable): string {
  const cell = (value: Cell) => {
    const text = String(value);
    if (/[\t\r\n]/.test(text)) throw new Error(`a TSV cell cannot hold a tab or a line break: ${JSON.stringify(text)}`);
    return text;
  };
  const lines = [table.columns.map((c) => cell(c.name)).join('\t')];
  for (const row of table.rows) lines.push(row.map(cell).join('\t'));
  return `${lines.join('\n')}\n`;
}

function toObjects(table: DemoTable): Array<Record<string, Cell>> {
  return table.rows.map((row) => {
    const object: Record<string, Cell> = {};
    table.columns.forEach((column, index) => {
      object[column.name] = row[index]!;
    });
    return object;
  });
}

/** One JSON object per line. */
export function toNdjson(table: DemoTable): string {
  return toObjects(table)
    .map((object) => `${JSON.stringify(object)}\n`)
    .join('');
}

/** A pretty-printed JSON array of objects. */
export function toJsonArray(table: DemoTable): string {
  return `${JSON.stringify(toObjects(table), null, 2)}\n`;
}
