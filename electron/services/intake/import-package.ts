/**
 * Imports one export candidate package into the store as a transaction: the manifest is
 * decoded, parsed strictly (no duplicate keys) and validated against FORMATS.md §1; every
 * listed file must be present, every present file must be listed, and each file is copied
 * into staging — encrypted with the workspace key — while its size, SHA-256 and SM3 are
 * checked against the manifest. Only when
 * everything matches is the staging directory renamed into place; on any failure nothing
 * remains and the error names the file and field.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Candidate } from '../../../shared/formats/candidate';
import { canonicalSm3 } from '../../../shared/formats/canonical';
import { describeIssues } from '../../../shared/formats/issues';
import { StrictJsonError, parseStrictJson } from '../../../shared/formats/strict-json';
import { encryptToFile, keyIdOf, openEncryptedFile } from '../at-rest/encrypted-file';
import { isWorkbook, openTable, readWorkbook } from '../tables';
import type { OpenBytes } from '../tables/open-bytes';
import { createFileDigester } from './digester';
import { ServiceError } from '../../../shared/ipc/result';
import type { ImportProgress } from '../../../shared/ipc/schemas/candidates';
import type { CandidateStore, StoredMeta } from '../candidates/candidate-store';
import { DEFAULT_LIMITS, openPackage, type PackageLimits, type PackageSource } from './package-source';

const MANIFEST = 'candidate.json';
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export type ImportOptions = {
  /** The workspace data key: payload files are stored encrypted with it (at-rest/encrypted-file.ts). */
  key: Uint8Array;
  limits?: PackageLimits;
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
};

export type Imported = { meta: StoredMeta; manifest: Candidate };

export async function importPackage(store: CandidateStore, path: string, options: ImportOptions): Promise<Imported> {
  const now = options.now ?? (() => new Date());
  const source = await openPackage(path, options.limits ?? DEFAULT_LIMITS);
  try {
    const manifestBytes = await readManifest(source);
    const { manifest, raw } = parseManifest(manifestBytes);
    checkFileSet(source, manifest);

    const digest = await canonicalSm3(raw);
    const existing = await store.read(manifest.id, manifest.revision);
    if (existing) {
      if (existing.meta.digest === digest) {
        throw new ServiceError('import.duplicate', `${manifest.id} revision ${manifest.revision} is already in the queue; nothing was changed.`, {
          id: manifest.id,
          revision: manifest.revision,
        });
      }
      throw new ServiceError(
        'import.revision-conflict',
        `The queue already holds a different ${manifest.id} revision ${manifest.revision}. A changed package must carry a new revision number; ask the operator to resubmit it as such.`,
        { id: manifest.id, revision: manifest.revision },
      );
    }

    const staging = await store.createStaging();
    try {
      const total = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
      let done = 0;
      const progress = (phase: ImportProgress['phase'], file?: string) =>
        options.onProgress?.({ source: source.name, phase, bytesDone: done, bytesTotal: total, ...(file ? { file } : {}) });
      progress('verifying');
      const verifiedAt = now().toISOString();
      const integrity: StoredMeta['integrity'] = [];
      for (const file of manifest.files) {
        const target = join(staging, 'files', ...file.path.split('/'));
        await mkdir(dirname(target), { recursive: true });
        const digester = await createFileDigester();
        let bytes = 0;
        // Digests are of the plaintext as the package holds it; the store keeps it encrypted.
        async function* tapped(readable: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
          try {
            for await (const chunk of readable) {
              bytes += chunk.length;
              if (bytes > file.bytes) throw sizeMismatch(file.path, file.bytes, bytes);
              digester.update(chunk);
              done += chunk.length;
              yield chunk;
            }
          } catch (error) {
            if (error instanceof ServiceError) throw error;
            throw new ServiceError('import.read-failed', `The file "${file.path}" could not be read from the package: ${(error as Error).message}.`, { file: file.path });
          }
        }
        progress('verifying', file.path);
        await encryptToFile(tapped((await source.open(file.path)) as AsyncIterable<Buffer>), target, options.key, { name: file.path });
        if (bytes !== file.bytes) throw sizeMismatch(file.path, file.bytes, bytes);
        const actual = digester.digest();
        for (const field of ['sha256', 'sm3'] as const) {
          if (actual[field] !== file[field]) {
            throw new ServiceError(
              'import.digest-mismatch',
              `The ${field} digest of "${file.path}" does not match files[].${field} in candidate.json: the file was changed or damaged after the manifest was made. Ask the operator for an intact package.`,
              { file: file.path, field },
            );
          }
        }
        if (file.table) await checkReadable(target, file.path, file.mediaType, options.key);
        integrity.push({ path: file.path, bytes, sha256: 'verified', sm3: 'verified', verifiedAt });
      }
      progress('storing');
      const meta: StoredMeta = {
        id: manifest.id,
        revision: manifest.revision,
        digest,
        encryption: { format: 'ERWENC01', keyId: keyIdOf(options.key) },
        importedAt: now().toISOString(),
        source: { kind: source.kind, name: source.name },
        integrity,
      };
      await writeFile(join(staging, MANIFEST), manifestBytes, { flag: 'wx' });
      await writeFile(join(staging, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`, { flag: 'wx' });
      await store.commit(staging, manifest.id, manifest.revision);
      progress('done');
      return { meta, manifest };
    } catch (error) {
      await store.discardStaging(staging);
      options.onProgress?.({ source: source.name, phase: 'failed', bytesDone: 0, bytesTotal: 0 });
      throw error;
    }
  } finally {
    await source.close();
  }
}

/**
 * Reads a table payload once, as the scan will, so a file the workstation cannot read — bytes
 * in no supported encoding, JSON that does not parse, a record that never ends, a workbook that
 * is not one — is refused at the door instead of failing its scan later. Ragged rows and quote
 * trouble are not refusals (the scan reports them). Reads the staged (encrypted) copy.
 */
async function checkReadable(path: string, file: string, mediaType: string, key: Uint8Array): Promise<void> {
  const open: OpenBytes = (p, name) => openEncryptedFile(p, key, { name });
  try {
    if (isWorkbook(mediaType)) {
      const workbook = await readWorkbook(path, { file, open });
      if (!workbook.sheets.some((s) => s.kind === 'worksheet')) {
        throw new ServiceError('tables.xlsx-invalid', `"${file}" is a workbook without a single worksheet, so it holds no table.`, { file });
      }
      return;
    }
    const table = await openTable(path, mediaType, { file, open });
    await table.scan({ file, onBatch: () => undefined });
  } catch (error) {
    if (!(error instanceof ServiceError) || error.code.startsWith('store.')) throw error;
    throw new ServiceError('import.unreadable-table', `${error.message} Nothing was imported.`, { ...error.params, file, reason: error.code });
  }
}

function sizeMismatch(file: string, expected: number, actual: number): ServiceError {
  return new ServiceError(
    'import.size-mismatch',
    `"${file}" has ${actual}${actual > expected ? '+' : ''} bytes but files[].bytes in candidate.json says ${expected}. Ask the operator for an intact package.`,
    { file, expected, actual },
  );
}

/** Reads `candidate.json` from a package, refusing a missing or oversized manifest. */
export async function readManifest(source: PackageSource): Promise<Buffer> {
  const entry = source.entries.get(MANIFEST);
  if (!entry) {
    throw new ServiceError('import.manifest-missing', `${source.name} has no candidate.json at its root, so it is not an export candidate package.`, {
      file: MANIFEST,
    });
  }
  if (entry.size > MAX_MANIFEST_BYTES) {
    throw new ServiceError('import.manifest-invalid', `candidate.json is larger than ${MAX_MANIFEST_BYTES} bytes; a manifest is never that large.`, {
      field: '(root)',
      problem: 'too large',
    });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await source.open(MANIFEST)) {
    size += (chunk as Buffer).length;
    if (size > MAX_MANIFEST_BYTES) throw new ServiceError('import.manifest-invalid', 'candidate.json is too large.', { field: '(root)', problem: 'too large' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Decodes (UTF-8, fatal), parses strictly and validates a manifest; errors name line or field. */
export function parseManifest(bytes: Buffer): { manifest: Candidate; raw: unknown } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ServiceError('import.manifest-encoding', 'candidate.json is not valid UTF-8. The manifest must be saved as UTF-8.', { file: MANIFEST });
  }
  let raw: unknown;
  try {
    raw = parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError) {
      throw new ServiceError('import.manifest-json', `candidate.json, line ${error.line}, column ${error.column}: ${error.message}. Fix the manifest and import again.`, {
        file: MANIFEST,
        line: error.line,
        column: error.column,
        problem: error.message,
      });
    }
    throw error;
  }
  const parsed = Candidate.safeParse(raw);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more: ${problems.slice(1, 4).map((p) => p.field).join(', ')})` : '';
    throw new ServiceError('import.manifest-invalid', `candidate.json, field ${first.field}: ${first.problem}${more}. Fix the manifest and import again.`, {
      file: MANIFEST,
      field: first.field,
      problem: first.problem,
    });
  }
  return { manifest: parsed.data, raw };
}

function checkFileSet(source: PackageSource, manifest: Candidate): void {
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const file of manifest.files) {
    if (!source.entries.has(file.path)) {
      throw new ServiceError('import.missing-file', `candidate.json lists "${file.path}" but the package does not contain it. Ask the operator for the complete package.`, {
        file: file.path,
      });
    }
  }
  for (const path of source.entries.keys()) {
    if (path !== MANIFEST && !listed.has(path)) {
      throw new ServiceError('import.undeclared-file', `The package contains "${path}", which candidate.json does not list. Every payload file must be declared.`, {
        file: path,
      });
    }
  }
}
