/**
 * Which payload files differ between two revisions of a candidate, judged by the digests their
 * manifests pin (FORMATS.md §1: the manifest holds every file's sha256 and sm3), and how each
 * file's content can be compared: as a table, as text lines, or not at all (binary).
 */
import { TABLE_MEDIA_TYPES, type Candidate, type CandidateFile } from '../formats/candidate';

export type FileKind = 'table' | 'text' | 'binary';
export type FileStatus = 'added' | 'removed' | 'changed' | 'same';

export type FileComparison = {
  path: string;
  status: FileStatus;
  /** How the file's content is compared: by the revision N entry, or N−1's for a removed file. */
  kind: FileKind;
  before: CandidateFile | null;
  after: CandidateFile | null;
};

/** Text payloads the scan reads line by line (reports, model cards, API specs in JSON or YAML). */
const TEXT_TYPES = /^(text\/(plain|markdown|yaml)|application\/(json|yaml|x-yaml))$/;
const TABLE_TYPES: ReadonlySet<string> = new Set(TABLE_MEDIA_TYPES);

/** The media type without parameters, lower case. */
function baseType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

/** How a file's content is compared: a described table of a table media type, a text type, else binary. */
export function fileKind(file: CandidateFile): FileKind {
  const type = baseType(file.mediaType);
  if (file.table && TABLE_TYPES.has(type)) return 'table';
  if (TEXT_TYPES.test(type)) return 'text';
  return 'binary';
}

/** Whether two manifest entries pin the same bytes (size, sha256 and sm3 all equal). */
export function sameContent(a: CandidateFile, b: CandidateFile): boolean {
  return a.bytes === b.bytes && a.sha256 === b.sha256 && a.sm3 === b.sm3;
}

/**
 * Every file of either revision with its status: revision N's files in manifest order, then the
 * files only revision N−1 had, in its order. Paths are compared exactly (they are NFC already).
 */
export function compareFiles(before: Candidate, after: Candidate): FileComparison[] {
  const previous = new Map(before.files.map((f) => [f.path, f]));
  const current = new Set(after.files.map((f) => f.path));
  const out: FileComparison[] = [];
  for (const file of after.files) {
    const old = previous.get(file.path) ?? null;
    const status: FileStatus = old === null ? 'added' : sameContent(old, file) ? 'same' : 'changed';
    out.push({ path: file.path, status, kind: fileKind(file), before: old, after: file });
  }
  for (const file of before.files) {
    if (!current.has(file.path)) out.push({ path: file.path, status: 'removed', kind: fileKind(file), before: file, after: null });
  }
  return out;
}
