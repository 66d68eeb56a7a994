/**
 * Integrity inspection for `review check`: where the import refuses a package at the first
 * problem, a check reports every integrity problem as a finding (FORMATS.md §3) so the
 * reviewer sees them all — missing, undeclared and unsafe files, and digest mismatches.
 * Only an unusable package (no readable manifest) is an error.
 */
import { createDigester } from '../../../shared/crypto/digest';
import { makeFinding, type Finding } from '../../../shared/formats/findings';
import type { Candidate } from '../../../shared/formats/candidate';
import { canonicalSm3 } from '../../../shared/formats/canonical';
import { ServiceError } from '../../../shared/ipc/result';
import { parseManifest, readManifest } from '../intake/import-package';
import { openPackage, type PackageSource } from '../intake/package-source';

export type Inspection = {
  manifest: Candidate;
  digest: string;
  source: PackageSource;
  findings: Finding[];
  /** Files present, listed and intact: the ones later checks may read. */
  intact: Set<string>;
};

/** Opens and inspects a package; the caller closes `source`. */
export async function inspectPackage(path: string): Promise<Inspection> {
  let source: PackageSource;
  try {
    source = await openPackage(path);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'import.unsafe-path') {
      // An unsafe entry makes the whole package untrustworthy: report it and read nothing else.
      throw new UnsafePackage(makeFinding('intake.unsafe-path', error.message, { file: String(error.params.file) }));
    }
    throw error;
  }
  try {
    const { manifest, raw } = parseManifest(await readManifest(source));
    const digest = await canonicalSm3(raw);
    const findings: Finding[] = [];
    const intact = new Set<string>();
    const listed = new Set(manifest.files.map((f) => f.path));
    for (const path of source.entries.keys()) {
      if (path !== 'candidate.json' && !listed.has(path)) {
        findings.push(makeFinding('intake.undeclared-file', `"${path}" is in the package but not listed in candidate.json.`, { file: path }));
      }
    }
    for (const file of manifest.files) {
      if (!source.entries.has(file.path)) {
        findings.push(makeFinding('intake.missing-file', `candidate.json lists "${file.path}" but the package does not contain it.`, { file: file.path }));
        continue;
      }
      const digester = await createDigester();
      let bytes = 0;
      for await (const chunk of await source.open(file.path)) {
        bytes += (chunk as Buffer).length;
        digester.update(chunk as Buffer);
      }
      const actual = digester.digest();
      const wrong: string[] = [];
      if (bytes !== file.bytes) wrong.push('bytes');
      for (const alg of ['sha256', 'sm3'] as const) if (actual[alg] !== file[alg]) wrong.push(alg);
      if (wrong.length > 0) {
        findings.push(
          makeFinding(
            'intake.digest-mismatch',
            `"${file.path}" does not match files[].${wrong.join(', files[].')} in candidate.json: it was changed or damaged after the manifest was made.`,
            { file: file.path, field: `files[${manifest.files.indexOf(file)}].${wrong[0]!}` },
          ),
        );
        continue;
      }
      intact.add(file.path);
    }
    return { manifest, digest, source, findings, intact };
  } catch (error) {
    await source.close();
    throw error;
  }
}

/** Thrown when a package holds an unsafe entry; carries the finding to report. */
export class UnsafePackage extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
    this.name = 'UnsafePackage';
  }
}
