/**
 * The revision diff's model (N−1 beside N): the notice over it (no previous revision, a
 * broken chain), the manifest changes as before/after rows, the changed files with their table
 * rows laid out over the union of the columns they touch, and text changes line by line — a
 * changed line as a removed and an added line with their word parts — with long runs of
 * unchanged lines folded and a gap marked where main left unchanged lines out. Every text here
 * is already masked by main.
 */
import type { FileChange, ManifestChange, RevisionDiff, TableRowChange, TextLineChange, WordPart } from '../../../../shared/ipc/schemas/review';

export type FileChangeT = FileChange;
export type TableRowChangeT = TableRowChange;
export type TextLineChangeT = TextLineChange;
export type WordPartT = WordPart;
export type ManifestChangeT = ManifestChange;

/** Unchanged lines kept around a change; longer runs fold. */
export const CONTEXT_LINES = 3;

export type RevisionNotice = 'no-previous' | 'chain-broken' | 'chain-intact' | 'chain-unknown';

/** What the banner over the revision diff says. */
export function revisionNotice(diff: Pick<RevisionDiff, 'before' | 'chainIntact'>): RevisionNotice {
  if (diff.before === null) return 'no-previous';
  if (diff.chainIntact === false) return 'chain-broken';
  return diff.chainIntact === true ? 'chain-intact' : 'chain-unknown';
}

export type ManifestRow = ManifestChangeT & { kind: 'added' | 'removed' | 'changed' };

export function manifestRows(changes: readonly ManifestChangeT[]): ManifestRow[] {
  return changes.map((c) => ({ ...c, kind: c.before === null ? 'added' : c.after === null ? 'removed' : 'changed' }));
}

/** Files that changed (added, removed, changed) in the manifest's order, and those that did not. */
export function splitFiles(files: readonly FileChangeT[]): { changed: FileChangeT[]; same: FileChangeT[] } {
  return { changed: files.filter((f) => f.status !== 'same'), same: files.filter((f) => f.status === 'same') };
}

/** The file change a focus points at (by path, and sheet when given), or null. */
export function fileTarget(files: readonly FileChangeT[], focus: { file?: string | undefined; sheet?: string | undefined } | undefined): FileChangeT | null {
  if (focus?.file === undefined) return null;
  const inFile = files.filter((f) => f.path === focus.file);
  return inFile.find((f) => f.sheet === focus.sheet) ?? inFile[0] ?? null;
}

/** `+`, `−` or `~` before a row or line, so the change does not rest on colour alone. */
export function changeMarker(kind: 'added' | 'removed' | 'changed' | 'same'): string {
  switch (kind) {
    case 'added':
      return '+';
    case 'removed':
      return '−';
    case 'changed':
      return '~';
    case 'same':
      return ' ';
  }
}

/**
 * The columns the listed row changes touch, in the table's order as the full rows (added,
 * removed) give it — but the columns changed rows touch first, so a narrow view shows what
 * changed without scrolling past the unchanged ones.
 */
export function tableColumns(rows: readonly TableRowChangeT[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (column: string) => {
    if (!seen.has(column)) {
      seen.add(column);
      out.push(column);
    }
  };
  for (const row of rows) if (row.kind !== 'changed') row.cells.forEach((c) => add(c.column));
  const changed = new Set<string>();
  for (const row of rows) {
    if (row.kind !== 'changed') continue;
    for (const c of row.cells) {
      add(c.column);
      changed.add(c.column);
    }
  }
  return [...out.filter((c) => changed.has(c)), ...out.filter((c) => !changed.has(c))];
}

export type CellView =
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'changed'; before: string; after: string }
  /** A cell the change does not touch. */
  | { kind: 'untouched' };

/** The cells of a row change laid out over `columns`. */
export function rowCells(row: TableRowChangeT, columns: readonly string[]): CellView[] {
  const byColumn = new Map(row.cells.map((c) => [c.column, c]));
  return columns.map((column): CellView => {
    const cell = byColumn.get(column);
    if (!cell) return { kind: 'untouched' };
    if (row.kind === 'added') return { kind: 'added', text: cell.after };
    if (row.kind === 'removed') return { kind: 'removed', text: cell.before };
    return cell.before === cell.after ? { kind: 'untouched' } : { kind: 'changed', before: cell.before, after: cell.after };
  });
}

/** Row changes listed against the totals (main lists at most 500). */
export function tableTruncation(table: NonNullable<FileChangeT['table']>): { listed: number; total: number } {
  return { listed: table.rows.length, total: table.added + table.removed + table.changed };
}

/** A changed line's word parts as the line before (same + removed) and after (same + added). */
export function splitChangedLine(parts: readonly WordPartT[]): { before: WordPartT[]; after: WordPartT[] } {
  return { before: parts.filter((p) => p.kind !== 'added'), after: parts.filter((p) => p.kind !== 'removed') };
}

/** One drawn line of a text diff. */
export type TextRow = {
  kind: 'same' | 'added' | 'removed';
  before: number | null;
  after: number | null;
  /** Plain text (same, added, removed lines) … */
  text?: string;
  /** … or word parts (either side of a changed line). */
  parts?: WordPartT[];
};

/** The drawn lines of a text change: a changed line becomes its removed and its added line. */
export function textRows(lines: readonly TextLineChangeT[]): TextRow[] {
  const out: TextRow[] = [];
  for (const line of lines) {
    if (line.kind === 'changed') {
      const parts = line.parts ?? [];
      const { before, after } = splitChangedLine(parts);
      out.push({ kind: 'removed', before: line.before, after: null, ...(parts.length > 0 ? { parts: before } : { text: line.text ?? '' }) });
      out.push({ kind: 'added', before: null, after: line.after, ...(parts.length > 0 ? { parts: after } : { text: line.text ?? '' }) });
    } else {
      out.push({ kind: line.kind, before: line.before, after: line.after, text: line.text ?? '' });
    }
  }
  return out;
}

export type TextItem =
  | { type: 'row'; index: number; row: TextRow }
  | { type: 'fold'; start: number; count: number }
  /** Unchanged lines main did not list (it sends a few around each change). */
  | { type: 'gap'; before: number };

/**
 * The rows to draw with unchanged runs folded: `context` unchanged rows stay beside each
 * change; a fold whose start is in `expanded` is drawn open. A fold of one row is not worth it.
 */
export function foldRows(rows: readonly TextRow[], context = CONTEXT_LINES, expanded: ReadonlySet<number> = new Set()): TextItem[] {
  const keep = rows.map((r) => r.kind !== 'same');
  const near = keep.slice();
  for (let i = 0; i < rows.length; i++) {
    if (!keep[i]) continue;
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) near[j] = true;
  }
  const out: TextItem[] = [];
  let lastBefore: number | null = null;
  let lastAfter: number | null = null;
  const push = (index: number) => {
    const row = rows[index]!;
    const jumped = (row.before !== null && lastBefore !== null && row.before > lastBefore + 1) || (row.after !== null && lastAfter !== null && row.after > lastAfter + 1);
    if (jumped) out.push({ type: 'gap', before: index });
    if (row.before !== null) lastBefore = row.before;
    if (row.after !== null) lastAfter = row.after;
    out.push({ type: 'row', index, row });
  };
  const skip = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const row = rows[k]!;
      if (row.before !== null) lastBefore = row.before;
      if (row.after !== null) lastAfter = row.after;
    }
  };
  let i = 0;
  while (i < rows.length) {
    if (near[i]) {
      push(i);
      i++;
      continue;
    }
    let end = i;
    while (end < rows.length && !near[end]) end++;
    const count = end - i;
    if (count <= 1 || expanded.has(i)) {
      for (let k = i; k < end; k++) push(k);
    } else {
      out.push({ type: 'fold', start: i, count });
      skip(i, end);
    }
    i = end;
  }
  return out;
}
