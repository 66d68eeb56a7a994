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

export const TableRef = CandidateRef.extend({
  file: z.string().min(1).max(1024),
  sheet: z.string().max(200).optional(),
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

export const TableInfo = z.strictObject({
  file: z.string(),
  sheet: z.string().optional(),
  mediaType: z.string(),
  encoding: z.string(),
  encodingGuessed: z.boolean(),
  columns: z.array(ColumnInfo),
  /** Data rows (header excluded). */
  rows: z.number().int().min(0),
  raggedRows: z.number().int().min(0),
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
  error: z.string().optional(),
});
export type ScanProgress = z.output<typeof ScanProgress>;
