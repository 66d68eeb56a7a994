/**
 * The revision diff and the revision rules for `review check --previous <package>`: two
 * packages (folders, or zips of them) read as plain files, outside the store. A zip's payloads
 * are extracted to a scratch folder as the diff needs them; workbook sheets are derived into a
 * scratch folder as they are read. Both are removed when the diff is done.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Candidate, CandidateFile } from '../../../shared/formats/candidate';
import type { Finding } from '../../../shared/formats/findings';
import type { Policy } from '../../../shared/formats/policy';
import { ServiceError } from '../../../shared/ipc/result';
import type { RevisionDiff } from '../../../shared/ipc/schemas/review';
import { evaluateRevisionRules } from '../../../shared/rules/revision';
import { openInspection, type OpenedPackage } from '../check/inspect-package';
import { declaredSheetOf, derivedName, derivedPath } from '../scan/workbook-scan';
import { readWorkbook } from '../tables';
import { openPlain } from '../tables/open-bytes';
import { readTextLines } from '../tables/text-lines';
import { diffRevisions, type RevisionSide } from './diff-revisions';
import { derivingSheetSource, fileTableSource } from './table-sources';
import { chinaDay } from '../../../shared/formats/china-day';

export type PackageDiffOptions = {
  /** Evaluation date `YYYY-MM-DD` for the detectors; defaults to today. */
  asOf?: string;
  /** Where the scratch folder is made (default: the system's temporary directory). */
  tmp?: string;
};

/** A package's side of the diff: its files on disk (a zip's extracted on first use), sheets derived under `scratch`. */
function packageSide(opened: OpenedPackage, policy: Policy | null, scratch: string): RevisionSide {
  const { source, manifest } = opened;
  const extracted = new Map<string, Promise<string>>();
  const locate = (file: CandidateFile): Promise<string> => {
    if (!opened.present.has(file.path)) {
      return Promise.reject(new ServiceError('check.missing-file', `"${file.path}" is listed in candidate.json but the package ${source.name} does not contain it.`, { file: file.path }));
    }
    if (source.localPath) return source.localPath(file.path);
    let path = extracted.get(file.path);
    if (!path) {
      const target = join(scratch, 'files', ...file.path.split('/'));
      path = (async () => {
        await mkdir(dirname(target), { recursive: true });
        await pipeline(await source.open(file.path), createWriteStream(target, { flags: 'wx' }));
        return target;
      })();
      extracted.set(file.path, path);
    }
    return path;
  };
  return {
    manifest,
    policy,
    async table(file) {
      return fileTableSource(await locate(file), file.mediaType, { file: file.path, open: openPlain });
    },
    async sheets(file) {
      const path = await locate(file);
      const summary = await readWorkbook(path, { file: file.path });
      const declared = declaredSheetOf(summary, file.table?.sheet);
      await mkdir(join(scratch, 'derived'), { recursive: true });
      const seen = new Set<string>();
      // Excel refuses two sheets of one name; a workbook that has them anyway is read by the first (as the scan does).
      return summary.sheets
        .filter((s) => s.kind === 'worksheet' && !seen.has(s.name) && seen.add(s.name))
        .map((s) => ({
          name: s.name,
          declared: s.name === declared,
          source: derivingSheetSource(path, { file: file.path, sheet: s.name, derivedPath: derivedPath(scratch, derivedName(file.path, s.name)), open: openPlain }),
        }));
    },
    async *lines(file) {
      for await (const { text } of readTextLines(openPlain, await locate(file), file.path)) yield text;
    },
  };
}

/**
 * The revision diff of the package at `previousPath` (revision N−1) beside the one at
 * `currentPath` (revision N), values masked for `policy` (null: as without a policy).
 * `chainIntact` says whether N's previousRevisionDigest is N−1's candidate digest.
 */
export async function diffPackages(previousPath: string, currentPath: string, policy: Policy | null, options: PackageDiffOptions = {}): Promise<RevisionDiff> {
  const asOf = options.asOf ?? chinaDay();
  const previous = await openInspection(previousPath);
  let current: OpenedPackage | undefined;
  let scratch: string | undefined;
  try {
    current = await openInspection(currentPath);
    scratch = await mkdtemp(join(options.tmp ?? tmpdir(), 'review-revision-diff-'));
    const [before, after] = await Promise.all([mkdtemp(join(scratch, 'before-')), mkdtemp(join(scratch, 'after-'))]);
    return await diffRevisions({
      id: current.manifest.id,
      before: { revision: previous.manifest.revision, side: packageSide(previous, policy, before) },
      after: { revision: current.manifest.revision, side: packageSide(current, policy, after) },
      chainIntact: current.manifest.previousRevisionDigest === previous.digest,
      asOf,
    });
  } finally {
    await previous.source.close();
    await current?.source.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The revision rules for revision N (`current`) against the package at `previousPath`; with no
 * previous package (null), revision N > 1 gets `revision.chain-broken` saying N−1 is not available.
 */
export async function packageRevisionFindings(current: Candidate, previousPath: string | null): Promise<Finding[]> {
  if (previousPath === null) return evaluateRevisionRules(current, null);
  const previous = await openInspection(previousPath);
  try {
    return evaluateRevisionRules(current, { manifest: previous.manifest, digest: previous.digest });
  } finally {
    await previous.source.close();
  }
}
