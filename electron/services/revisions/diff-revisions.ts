/**
 * Revision N−1 beside revision N (issue 4, "Revision diff"), from any two sources of payload
 * files — the encrypted store or two package folders: the manifest field by field, and each
 * changed file by its content — tables by key with their changed cells (every sheet of a
 * workbook), text files line by line with word-level parts, binary files by digest only.
 * Raw values are compared; every value in the result is masked as the preview masks it.
 */
import { findInText } from '../../../shared/detect';
import { compareFiles, createCellMasker, diffManifests, diffTextLines, fileKind, type FileComparison } from '../../../shared/diff';
import type { Candidate, CandidateFile } from '../../../shared/formats/candidate';
import type { Policy } from '../../../shared/formats/policy';
import { ServiceError } from '../../../shared/ipc/result';
import type { FileChange, RevisionDiff } from '../../../shared/ipc/schemas/review';
import { cellDetections } from '../scan/cell-detections';
import { isWorkbook } from '../tables';
import { diffTable } from './diff-table';
import type { TableRowsSource } from './table-sources';

/** Lines of a text file read per revision; a longer file is compared up to here. */
export const MAX_DIFF_TEXT_LINES = 100_000;

export type SheetTable = { name: string; declared: boolean; source: TableRowsSource };

/** One revision's payload, as the diff reads it. */
export type RevisionSide = {
  manifest: Candidate;
  /** The policy its values are masked for (the latest of its agreement), or null. */
  policy: Policy | null;
  /** A CSV, TSV, JSON or NDJSON table's rows. */
  table(file: CandidateFile): TableRowsSource | Promise<TableRowsSource>;
  /** A workbook's worksheets in workbook order, or a reason they cannot be read here. */
  sheets(file: CandidateFile): SheetTable[] | { unavailable: string } | Promise<SheetTable[] | { unavailable: string }>;
  /** A text file's lines, as the scan and the text preview count them. */
  lines(file: CandidateFile): AsyncIterable<string>;
};

export type DiffInput = {
  id: string;
  before: { revision: number; side: RevisionSide };
  after: { revision: number; side: RevisionSide };
  /** `previousRevisionDigest` of N against N−1's candidate digest. */
  chainIntact: boolean;
  /** Evaluation date `YYYY-MM-DD` for the detectors (resident IDs born later are not IDs). */
  asOf: string;
};

async function readLines(lines: AsyncIterable<string>): Promise<{ lines: string[]; cut: boolean }> {
  const out: string[] = [];
  for await (const line of lines) {
    if (out.length === MAX_DIFF_TEXT_LINES) return { lines: out, cut: true };
    out.push(line);
  }
  return { lines: out, cut: false };
}

/** Why a file's content could not be compared, for a person. */
/**
 * Why a file's content could not be compared, for the renderer. Our own errors say it without
 * values; anything else is named only by its kind — a parser's own message can quote the bytes
 * it choked on (V8's JSON.parse does), which may be a raw value.
 */
export function problem(error: unknown): string {
  if (error instanceof ServiceError) return error.message;
  return `it could not be read (${error instanceof Error ? error.name : 'unknown error'})`;
}

async function diffText(input: DiffInput, file: FileComparison): Promise<FileChange> {
  const [old, current] = await Promise.all([readLines(input.before.side.lines(file.before!)), readLines(input.after.side.lines(file.after!))]);
  const text = diffTextLines(old.lines, current.lines, { detect: (line) => findInText(line, { asOf: input.asOf }) });
  const cut = old.cut || current.cut;
  return {
    path: file.path,
    status: 'changed',
    kind: 'text',
    text: { added: text.added, removed: text.removed, lines: text.lines, ...(text.truncated ? { truncated: true } : {}) },
    ...(cut
      ? { note: `Only the first ${MAX_DIFF_TEXT_LINES.toLocaleString('en-US')} lines of each revision are compared.` }
      : text.added === 0 && text.removed === 0
        ? { note: 'The lines are the same; the bytes differ (line endings, a byte order mark or the encoding).' }
        : {}),
  };
}

async function diffSheets(input: DiffInput, file: FileComparison): Promise<FileChange[]> {
  const [old, current] = await Promise.all([input.before.side.sheets(file.before!), input.after.side.sheets(file.after!)]);
  if ('unavailable' in old) return [{ path: file.path, status: 'changed', kind: 'table', note: old.unavailable }];
  if ('unavailable' in current) return [{ path: file.path, status: 'changed', kind: 'table', note: current.unavailable }];
  const previous = new Map(old.map((s) => [s.name, s]));
  const names = new Set(current.map((s) => s.name));
  const out: FileChange[] = [];
  for (const sheet of current) {
    const was = previous.get(sheet.name);
    if (!was) {
      out.push({ path: file.path, sheet: sheet.name, status: 'added', kind: 'table' });
      continue;
    }
    const table = await diffTable(
      { source: was.source, mask: maskerFor(input, 'before', file.before!, was.declared) },
      { source: sheet.source, mask: maskerFor(input, 'after', file.after!, sheet.declared) },
    );
    const same = table.added + table.removed + table.changed + table.columnsAdded.length + table.columnsRemoved.length === 0;
    out.push({ path: file.path, sheet: sheet.name, status: same ? 'same' : 'changed', kind: 'table', ...(same ? {} : { table }) });
  }
  for (const sheet of old) if (!names.has(sheet.name)) out.push({ path: file.path, sheet: sheet.name, status: 'removed', kind: 'table' });
  return out;
}

/** Cells masked with the side's declarations (the declared sheet's only) and policy, and the detectors. */
function maskerFor(input: DiffInput, which: 'before' | 'after', file: CandidateFile, declared: boolean) {
  const { side } = input[which];
  const asOf = input.asOf;
  return createCellMasker({ fields: declared ? (file.table?.fields ?? []) : [], policy: side.policy, detect: (value) => cellDetections(value, asOf) });
}

async function diffFile(input: DiffInput, file: FileComparison): Promise<FileChange[]> {
  const base: FileChange = { path: file.path, status: file.status, kind: file.kind };
  if (file.status !== 'changed') return [base];
  const { before, after } = file as FileComparison & { before: CandidateFile; after: CandidateFile };
  if (fileKind(before) !== file.kind || isWorkbook(before.mediaType) !== isWorkbook(after.mediaType)) {
    return [{ ...base, note: `The file changed its kind (${before.mediaType} → ${after.mediaType}); its content is not compared.` }];
  }
  try {
    if (file.kind === 'text') return [await diffText(input, file)];
    if (file.kind === 'table') {
      if (isWorkbook(after.mediaType)) return await diffSheets(input, file);
      const table = await diffTable(
        { source: await input.before.side.table(before), mask: maskerFor(input, 'before', before, true) },
        { source: await input.after.side.table(after), mask: maskerFor(input, 'after', after, true) },
      );
      return [{ ...base, table }];
    }
    return [base];
  } catch (error) {
    // A locked workspace or a store of another key concerns every file: the diff as a whole fails.
    if ((error as Error | undefined)?.name === 'AbortError' || (error instanceof ServiceError && error.code.startsWith('store.'))) throw error;
    return [{ ...base, note: `The content is not compared: ${problem(error)}` }];
  }
}

/** The revision diff of two revisions read through their sides. */
export async function diffRevisions(input: DiffInput): Promise<RevisionDiff> {
  const files: FileChange[] = [];
  for (const file of compareFiles(input.before.side.manifest, input.after.side.manifest)) files.push(...(await diffFile(input, file)));
  return {
    id: input.id,
    before: input.before.revision,
    after: input.after.revision,
    chainIntact: input.chainIntact,
    manifest: diffManifests(input.before.side.manifest, input.after.side.manifest),
    files,
  };
}
