/**
 * The revision diff (issue 4, "Revision diff"): revision N−1 beside N — the manifest field by
 * field, text files line by line with word-level parts, tables by key with their changed cells.
 * Pure functions over values the main process reads; everything they return is masked.
 */
export { type FileComparison, type FileKind, type FileStatus, compareFiles, fileKind, sameContent } from './files';
export { diffManifests, flattenManifest } from './manifest-diff';
export { type CellDetector, type CellMasker, createCellMasker, requiredTransforms } from './mask-cells';
export { MAX_TEXT_ENTRIES, type TextDetector, type TextDiff, type TextDiffOptions, diffTextLines, maskLine, wordParts } from './text-diff';
export {
  MAX_ROW_CHANGES,
  STRING_KEY_ROWS,
  HashIndex,
  type KeyColumn,
  type ListedRow,
  type RowsOfSide,
  type TableMatch,
  type TableSide,
  type TableSideSummary,
  columnsToIgnore,
  createTableSide,
  describeRowChanges,
  hash53,
  matchTableRows,
  rowsToRead,
} from './table-diff';
