/**
 * Revisions: the revision diff (N−1 beside N, masked) and the revision rules' findings, for
 * stored candidates (the app) and for two package folders or zips (`review check --previous`).
 */
export { type RevisionDeps, type RevisionService, createRevisionService } from './revision-service';
export { type PackageDiffOptions, diffPackages, packageRevisionFindings } from './package-diff';
export { MAX_DIFF_TEXT_LINES, type DiffInput, type RevisionSide, type SheetTable, diffRevisions } from './diff-revisions';
