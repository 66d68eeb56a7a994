/**
 * Integrity inspection for `review check`: where the import refuses a package at the first
 * problem, a check reports every integrity problem as a finding (FORMATS.md §3) so the
 * reviewer sees them all — missing, undeclared and unsafe files, and digest mismatches.
 * Only an unusable package (no readable manifest) is an error.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createFileDigester } from '../intake/digester';
import { makeFinding, type Finding } from '../../../shared/formats/findings';
import type { Candidate } from '../../../shared/formats/candidate';
import { canonicalSm3 } from '../../../shared/formats/canonical';
import { ServiceError } from '../../../shared/ipc/result';
import { parseManifest, readManifest } from '../intake/import-package';
import { openPackage, type PackageSource } from '../intake/package-source';

/** A package whose manifest has been read: what is listed, and what is missing or extra. */
export type OpenedPackage = {
  manifest: Candidate;
  digest: string;
  source: PackageSource;
  /** Undeclared and missing files. */
  findings: Finding[];
  /** Listed files the package holds (not yet checked against their digests). */
  present: Set<string>;
};

export type Verification = {
  /** Digest mismatches. */
  findings: Finding[];
  /** Files present, listed and intact: the ones later checks may read. */
  intact: Set<string>;
};

export type Inspection = OpenedPackage & Verification;

/** Opens a package and reads its manifest; the caller closes `source`. */
export async function openInspection(path: string): Promise<OpenedPackage> {
  let source: PackageSource;
  try {
    source = await openPackage(path);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'import.unsafe-path') {
      // An unsafe entry makes the whole package untrustworthy: report it and read nothing else.
      const file = String(error.params.file);
      throw new UnsafePackage(
        makeFinding('intake.unsafe-path', error.message, { file }, { zh: `候选包中的条目“${file}”不安全，已拒绝：${unsafeReasonZh(String(error.params.reason))}。请经办人提供不含该条目的候选包。` }),
      );
    }
    throw error;
  }
  try {
    const { manifest, raw } = parseManifest(await readManifest(source));
    const digest = await canonicalSm3(raw);
    const findings: Finding[] = [];
    const present = new Set<string>();
    const listed = new Set(manifest.files.map((f) => f.path));
    for (const path of source.entries.keys()) {
      if (path !== 'candidate.json' && !listed.has(path)) {
        findings.push(
          makeFinding('intake.undeclared-file', `"${path}" is in the package but not listed in candidate.json.`, { file: path }, { zh: `“${path}”在候选包中，但未列入 candidate.json。` }),
        );
      }
    }
    for (const file of manifest.files) {
      if (!source.entries.has(file.path)) {
        findings.push(
          makeFinding('intake.missing-file', `candidate.json lists "${file.path}" but the package does not contain it.`, { file: file.path }, { zh: `candidate.json 列有“${file.path}”，但候选包中没有该文件。` }),
        );
      } else {
        present.add(file.path);
      }
    }
    return { manifest, digest, source, findings, present };
  } catch (error) {
    await source.close();
    throw error;
  }
}

/**
 * Checks every present file against its size and digests in the manifest. With `extractTo`,
 * each file is also written there as it is read (a zip's payloads, for the table readers),
 * so what is checked is exactly what is later scanned.
 */
export async function verifyFiles(opened: OpenedPackage, options: { extractTo?: (path: string) => string } = {}): Promise<Verification> {
  const { manifest, source } = opened;
  const findings: Finding[] = [];
  const intact = new Set<string>();
  for (const file of manifest.files) {
    if (!opened.present.has(file.path)) continue;
    const digester = await createFileDigester();
    let bytes = 0;
    const target = options.extractTo?.(file.path);
    const out = target ? await openTarget(target) : null;
    try {
      if (!out && source.readEach) {
        bytes = await source.readEach(file.path, (chunk) => digester.update(chunk));
      } else {
        for await (const chunk of await source.open(file.path)) {
          bytes += (chunk as Buffer).length;
          digester.update(chunk as Buffer);
          if (out && !out.write(chunk as Buffer)) await once(out, 'drain');
        }
      }
    } finally {
      if (out) {
        out.end();
        await once(out, 'close');
      }
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
          { zh: `“${file.path}”与 candidate.json 中的 files[].${wrong.join('、files[].')} 不符：该文件在生成清单后被修改或损坏。` },
        ),
      );
      continue;
    }
    intact.add(file.path);
  }
  return { findings, intact };
}

async function openTarget(path: string): Promise<WriteStream> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { flags: 'wx' });
  await once(out, 'open');
  return out;
}

/** Opens and inspects a package in one go; the caller closes `source`. */
export async function inspectPackage(path: string): Promise<Inspection> {
  const opened = await openInspection(path);
  try {
    const verified = await verifyFiles(opened);
    return { ...opened, findings: [...opened.findings, ...verified.findings], intact: verified.intact };
  } catch (error) {
    await opened.source.close();
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

/** The common reasons of package-source.ts and `unsafePathReason` in Chinese; any other (a zip library's message) is quoted as it is. */
const UNSAFE_REASONS_ZH: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^it is a symbolic link$/, () => '该条目是符号链接'],
  [/^it is not a regular file$/, () => '该条目不是普通文件'],
  [/^it changed into something other than a regular file while importing$/, () => '导入过程中该条目变成了非普通文件'],
  [/^it has the same name as "(.*)" once case and Unicode normalisation are ignored$/, (m) => `忽略大小写和 Unicode 规范化后，它与“${m[1]!}”同名`],
  [/^the path is empty$/, () => '路径为空'],
  [/^the path is longer than 1024 characters$/, () => '路径超过 1024 个字符'],
  [/^the path is absolute$/, () => '路径为绝对路径'],
  [/^the path contains a backslash$/, () => '路径含有反斜杠'],
  [/^the path contains a control character$/, () => '路径含有控制字符'],
  [/^the path is not in Unicode NFC form$/, () => '路径不是 Unicode NFC 规范形式'],
  [/^the path has an empty segment$/, () => '路径含有空的层级'],
  [/^the path contains a "(.*)" segment$/, (m) => `路径含有“${m[1]!}”层级`],
];

function unsafeReasonZh(reason: string): string {
  for (const [pattern, zh] of UNSAFE_REASONS_ZH) {
    const m = pattern.exec(reason);
    if (m) return zh(m);
  }
  return `原因为“${reason}”`;
}
