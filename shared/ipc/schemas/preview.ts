/**
 * Schemas of the scan and preview channels: starting, following and cancelling the scan of a
 * candidate, the tables and text files it holds, masked row ranges for the grid, column
 * profiles, and the audited reveal of original values. Nothing here carries a raw value
 * except a reveal's answer, which main returns only after writing the reveal to the audit log.
 */
import { z } from 'zod';

export const CandidateRef = z.strictObject({
  id: z.string().min(1).max(64),
  revision: z.number().int().min(1).max(100_000),
});
export type CandidateRef = z.output<typeof CandidateRef>;

/** A table: a file, and for a workbook the sheet (every sheet of a workbook is a table). */
export const TableRef = CandidateRef.extend({
  file: z.string().min(1).max(1024),
  sheet: z.string().min(1).max(200).optional(),
});
export type TableRef = z.output<typeof TableRef>;

/** How one cell is shown: the text is always safe to display. */
export const CellState = z.enum([
  'clear-ok', // not personal, or the policy lets it leave as is
  'masked-by-candidate', // the candidate already masked it
  'masked-for-display', // the candidate carries it in clear; masked here as the policy requires
  'suppressed',
  'empty',
]);
export type CellState = z.output<typeof CellState>;

export const MaskedCell = z.strictObject({
  text: z.string(),
  state: CellState,
  /** Detectors that fired on the cell (no values). */
  hits: z.array(z.string()).optional(),
});
export type MaskedCell = z.output<typeof MaskedCell>;

export const MaskedRows = z.strictObject({
  from: z.number().int().min(1),
  rows: z.array(z.strictObject({ row: z.number().int().min(1), cells: z.array(MaskedCell) })),
});
export type MaskedRows = z.output<typeof MaskedRows>;

export const ColumnInfo = z.strictObject({
  name: z.string(),
  declared: z
    .strictObject({ class: z.string(), grade: z.number().int(), transform: z.string() })
    .nullable(),
  /** Transforms the policy accepts for this column (empty when no policy applies or the field is not authorized). */
  required: z.array(z.string()),
});
export type ColumnInfo = z.output<typeof ColumnInfo>;

export const SheetState = z.enum(['visible', 'hidden', 'veryHidden']);
export type SheetState = z.output<typeof SheetState>;

/** A workbook sheet as Excel shows it (or does not): visibility, and the rows and columns it hides. */
export const SheetInfo = z.strictObject({
  state: SheetState,
  /** The sheet the manifest's `table` describes; the workbook's other sheets are undeclared tables. */
  declared: z.boolean(),
  /** Data rows hidden in Excel: how many, and the first (at most 100). */
  hiddenRows: z.strictObject({ count: z.number().int().min(0), first: z.array(z.number().int().min(1)).max(100) }),
  /** Columns hidden in Excel, by name. */
  hiddenColumns: z.array(z.string()),
});
export type SheetInfo = z.output<typeof SheetInfo>;

export const TableInfo = z.strictObject({
  file: z.string(),
  /** A workbook sheet: its name (with `file`, it addresses the table in the other channels). */
  sheet: z.string().optional(),
  sheetInfo: SheetInfo.optional(),
  mediaType: z.string(),
  encoding: z.string(),
  encodingGuessed: z.boolean(),
  columns: z.array(ColumnInfo),
  /** Data rows (header excluded); while `provisional`, the rows readable before the scan. */
  rows: z.number().int().min(0),
  raggedRows: z.number().int().min(0),
  /**
   * The table has not been scanned yet: its first `rows` rows are shown (read from the top of
   * the file), the rest — and its profiles — once the scan has indexed it.
   */
  provisional: z.literal(true).optional(),
});
export type TableInfo = z.output<typeof TableInfo>;

export const ScanState = z.enum(['not-started', 'running', 'done', 'cancelled', 'failed']);

export const ScanProgress = z.strictObject({
  id: z.string(),
  revision: z.number().int(),
  state: ScanState,
  file: z.string().optional(),
  bytesDone: z.number().int().min(0),
  bytesTotal: z.number().int().min(0),
  rowsDone: z.number().int().min(0),
  /** Seconds left at the current rate; null until there is a rate. */
  etaSeconds: z.number().nullable(),
  /**
   * While running: `reading` every cell, then `reversibility` — the active test on digest columns
   * (`recover` counts the sampled values searched).
   */
  phase: z.enum(['reading', 'reversibility']).optional(),
  recover: z.strictObject({ done: z.number().int().min(0), total: z.number().int().min(0) }).optional(),
  error: z.string().optional(),
});
export type ScanProgress = z.output<typeof ScanProgress>;

export const TextInfo = z.strictObject({
  file: z.string(),
  role: z.string(),
  mediaType: z.string(),
  lines: z.number().int().min(0),
  /** Identifiers found in the text (personal or not), total. */
  hitCount: z.number().int().min(0),
});
export type TextInfo = z.output<typeof TextInfo>;

export const PreviewOverview = z.strictObject({
  scan: ScanProgress,
  /** The policy used for masking, when one is stored for the candidate's agreement. */
  policy: z.strictObject({ id: z.string(), version: z.number().int() }).nullable(),
  tables: z.array(TableInfo),
  texts: z.array(TextInfo),
  /** Files that are neither a readable table nor a text (e.g. a workbook with no worksheet). */
  unsupported: z.array(z.strictObject({ file: z.string(), mediaType: z.string() })),
});
export type PreviewOverview = z.output<typeof PreviewOverview>;

export const MaskedText = z.strictObject({
  file: z.string(),
  lines: z.array(
    z.strictObject({
      line: z.number().int().min(1),
      text: z.string(),
      /** Where identifiers were masked in `text` (UTF-16 offsets), for highlighting. */
      ranges: z.array(z.strictObject({ start: z.number().int(), end: z.number().int(), detector: z.string() })),
    }),
  ),
  truncated: z.boolean(),
});
export type MaskedText = z.output<typeof MaskedText>;

export const CellRef = z.strictObject({ row: z.number().int().min(1), column: z.string().min(1).max(200) });

export const RevealRequest = TableRef.extend({
  cells: z.array(CellRef).min(1).max(1000),
  reason: z.string().trim().min(4, 'give a reason of at least 4 characters').max(500),
});

export const RevealResult = z.strictObject({
  cells: z.array(z.strictObject({ row: z.number().int(), column: z.string(), value: z.string() })),
  /** The audit event that recorded the reveal. */
  auditSeq: z.number().int(),
});
export type RevealResult = z.output<typeof RevealResult>;
