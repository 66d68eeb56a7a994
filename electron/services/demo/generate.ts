/**
 * Writes the demo workspace: export-candidate package folders (clean and problematic, every
 * product kind) and the export policies of their agreements, deterministically from a seed so
 * demos, screenshots and end-to-end tests see byte-identical files. Beside them, `broken/` holds
 * packages with integrity problems (digest mismatch, missing, undeclared and unsafe files) that
 * the import refuses outright: they are for `review check`, and not part of `packages`.
 */
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import yazl from 'yazl';
import type { z } from 'zod';
import { createDigester } from '../../../shared/crypto/digest';
import { Candidate, type ProductKind } from '../../../shared/formats/candidate';
import { canonicalSm3 } from '../../../shared/formats/canonical';
import { unsafePathReason } from '../../../shared/formats/common';
import { describeIssues } from '../../../shared/formats/issues';
import { Policy } from '../../../shared/formats/policy';
import { AGREEMENTS } from './catalogue';
import type { Damage, DemoPackageSpec, PackageDraft } from './package-kit';
import { DEMO_PACKAGES } from './packages';

/** The seed of the shipped demo workspace. */
export const DEMO_SEED = 20261001;

export type DemoWorkspace = {
  /** Absolute paths of the package folders (`<outDir>/packages/<id>-r<revision>`), in generation order. */
  packages: string[];
  /**
   * Absolute paths of the deliberately broken packages (`<outDir>/broken/<id>-r<revision>`, a
   * folder or a `.zip`): integrity problems the import refuses, for `review check` only.
   */
  broken: string[];
  /** Absolute paths of the policy files (`<outDir>/policies/<policy-id>.json`). */
  policies: string[];
};

export type DemoPackageInfo = {
  /** The folder (or, for a zipped broken package, file) name under `dir`. */
  folder: string;
  /** `packages` for the workspace the app imports, `broken` for packages only `review check` reads. */
  dir: 'packages' | 'broken';
  id: string;
  revision: number;
  kind: ProductKind;
  /** The id of the policy (`policies/<id>.json`) the package is reviewed against. */
  policy: string;
  /** One line of English: what the package exercises. */
  description: string;
  /** RULES.md rule IDs the package is built to trigger; empty for a clean package. */
  targets: readonly string[];
};

/** What each demo package exercises, for the README and for tests that expect its findings. */
export function describeDemo(): DemoPackageInfo[] {
  return DEMO_PACKAGES.map((spec) => ({
    folder: folderName(spec),
    dir: spec.damage ? 'broken' : 'packages',
    id: spec.id,
    revision: spec.revision,
    kind: spec.kind,
    policy: spec.policy,
    description: spec.description,
    targets: spec.targets,
  }));
}

/**
 * Generates the demo workspace into `outDir`, which must be empty or absent. The same seed
 * always yields byte-identical files. Throws when the directory holds anything, or when a
 * generated manifest or policy would not pass its schema (a bug in the generator).
 */
export async function generateDemoWorkspace(outDir: string, options: { seed?: number } = {}): Promise<DemoWorkspace> {
  const seed = options.seed ?? DEMO_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`the demo seed must be a non-negative integer, got ${seed}`);
  const root = path.resolve(outDir);
  await ensureEmptyDirectory(root);

  const written = new Map<string, { manifest: CandidateInput; digest: string }>();
  const earlier = (id: string, revision: number) => {
    const found = written.get(`${id}@${revision}`);
    if (!found) throw new Error(`demo package ${id} revision ${revision} must be generated before the revision that follows it`);
    return found;
  };
  const packages: string[] = [];
  const broken: string[] = [];
  for (const spec of DEMO_PACKAGES) {
    const draft = await spec.build({
      seed,
      candidateDigest: (id, revision) => earlier(id, revision).digest,
      candidateManifest: (id, revision) => structuredClone(earlier(id, revision).manifest),
    });
    const { manifest, payload } = await assemble(spec, draft);
    const target = path.join(root, spec.damage ? 'broken' : 'packages', folderName(spec));
    if (spec.damage) await writeDamaged(target, manifest, payload, spec.damage);
    else await writeFolder(target, manifest, payload);
    written.set(`${spec.id}@${spec.revision}`, { manifest, digest: await canonicalSm3(manifest) });
    (spec.damage ? broken : packages).push(target);
  }

  const policies: string[] = [];
  await mkdir(path.join(root, 'policies'), { recursive: true });
  for (const agreement of Object.values(AGREEMENTS)) {
    const result = Policy.safeParse(agreement.policy);
    if (!result.success) throw new Error(`demo policy ${agreement.policy.id} is invalid: ${problemsOf(result.error)}`);
    const file = path.join(root, 'policies', `${agreement.policy.id}.json`);
    await writeFile(file, json(agreement.policy));
    policies.push(file);
  }
  return { packages, broken, policies };
}

type CandidateInput = z.input<typeof Candidate>;

type Payload = Array<{ path: string; content: Uint8Array }>;

/** Digests the payload files and builds `candidate.json`; throws when the manifest would not pass its schema. */
async function assemble(spec: DemoPackageSpec, draft: PackageDraft): Promise<{ manifest: CandidateInput; payload: Payload }> {
  const files: CandidateInput['files'] = [];
  for (const file of draft.files) {
    const unsafe = unsafePathReason(file.path);
    if (unsafe) throw new Error(`demo package ${folderName(spec)}: ${file.path}: ${unsafe}`);
    const digester = await createDigester();
    digester.update(file.content);
    const { sha256, sm3 } = digester.digest();
    files.push({
      path: file.path,
      role: file.role,
      mediaType: file.mediaType,
      bytes: file.content.byteLength,
      sha256,
      sm3,
      ...(file.table ? { table: file.table } : {}),
    });
  }
  const { agreement } = draft;
  const manifest: CandidateInput = {
    format: 'export-candidate',
    formatVersion: 1,
    id: spec.id,
    revision: spec.revision,
    ...(draft.previousRevisionDigest ? { previousRevisionDigest: draft.previousRevisionDigest } : {}),
    submittedAt: draft.submittedAt,
    product: draft.product,
    operator: draft.operator,
    authorization: {
      agreementId: agreement.agreementId,
      level: agreement.level,
      region: agreement.region,
      validFrom: agreement.validFrom,
      validTo: agreement.validTo,
    },
    scenario: draft.scenario,
    recipient: draft.recipient,
    sources: draft.sources,
    processing: draft.processing,
    files,
  };
  const result = Candidate.safeParse(manifest);
  if (!result.success) throw new Error(`demo package ${folderName(spec)} has an invalid manifest: ${problemsOf(result.error)}`);
  return { manifest, payload: draft.files.map((f) => ({ path: f.path, content: f.content })) };
}

/** Writes the payload files and `candidate.json` into `folder`. */
async function writeFolder(folder: string, manifest: CandidateInput, payload: Payload): Promise<void> {
  for (const file of payload) {
    const target = path.join(folder, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  await writeFile(path.join(folder, 'candidate.json'), json(manifest));
}

/** A fixed time for every zip entry, so a zip's bytes depend on its contents alone. */
const ZIP_MTIME = new Date('2026-11-20T00:00:00Z');
/** `S_IFLNK | 0777`: a symbolic link in a zip entry's Unix mode. */
const SYMLINK_MODE = 0o120777;

/** Writes a correct package, then damages it as `damage` says (see package-kit.ts). */
async function writeDamaged(target: string, manifest: CandidateInput, payload: Payload, damage: Damage): Promise<void> {
  if (damage.kind === 'zip-with-link') {
    const zip = new yazl.ZipFile();
    // Stored, not deflated: the bytes do not depend on the zlib build.
    const options = { mtime: ZIP_MTIME, compress: false };
    zip.addBuffer(Buffer.from(json(manifest)), 'candidate.json', { ...options, mode: 0o100644 });
    for (const file of payload) zip.addBuffer(Buffer.from(file.content), file.path, { ...options, mode: 0o100644 });
    zip.addBuffer(Buffer.from(damage.target), damage.link, { ...options, mode: SYMLINK_MODE });
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, Buffer.concat(chunks));
    return;
  }
  await writeFolder(target, manifest, payload);
  if (damage.kind === 'edited-after-manifest') {
    const file = payload.find((f) => f.path === damage.path);
    if (!file) throw new Error(`demo package ${path.basename(target)} has no file ${damage.path} to edit`);
    const edited = damage.edit(file.content);
    if (Buffer.from(edited).equals(Buffer.from(file.content))) throw new Error(`the edit of ${damage.path} changes nothing`);
    await writeFile(path.join(target, ...damage.path.split('/')), edited);
  } else {
    const to = path.join(target, ...damage.to.split('/'));
    await mkdir(path.dirname(to), { recursive: true });
    await rename(path.join(target, ...damage.from.split('/')), to);
  }
}

function folderName(spec: Pick<DemoPackageSpec, 'id' | 'revision' | 'damage'>): string {
  return `${spec.id}-r${spec.revision}${spec.damage?.kind === 'zip-with-link' ? '.zip' : ''}`;
}

/** Two-space JSON with a final newline; key order is the order the objects were built in. */
function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function problemsOf(error: z.ZodError): string {
  return describeIssues(error)
    .map((p) => `${p.field}: ${p.problem}`)
    .join('; ');
}

async function ensureEmptyDirectory(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dir, { recursive: true });
    return;
  }
  if (entries.length > 0) throw new Error(`${dir} is not empty; generate the demo workspace into a new or empty directory`);
}
