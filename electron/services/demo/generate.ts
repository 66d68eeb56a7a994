/**
 * Writes the demo workspace: export-candidate package folders (clean and problematic, every
 * product kind) and the export policies of their agreements, deterministically from a seed so
 * demos, screenshots and end-to-end tests see byte-identical files.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { createDigester } from '../../../shared/crypto/digest';
import { Candidate, type ProductKind } from '../../../shared/formats/candidate';
import { canonicalSm3 } from '../../../shared/formats/canonical';
import { unsafePathReason } from '../../../shared/formats/common';
import { describeIssues } from '../../../shared/formats/issues';
import { Policy } from '../../../shared/formats/policy';
import { AGREEMENTS } from './catalogue';
import type { DemoPackageSpec, PackageDraft } from './package-kit';
import { DEMO_PACKAGES } from './packages';

/** The seed of the shipped demo workspace. */
export const DEMO_SEED = 20261001;

export type DemoWorkspace = {
  /** Absolute paths of the package folders (`<outDir>/packages/<id>-r<revision>`), in generation order. */
  packages: string[];
  /** Absolute paths of the policy files (`<outDir>/policies/<policy-id>.json`). */
  policies: string[];
};

export type DemoPackageInfo = {
  /** The folder name under `packages/`. */
  folder: string;
  id: string;
  revision: number;
  kind: ProductKind;
  /** One line of English: what the package exercises. */
  description: string;
  /** RULES.md rule IDs the package is built to trigger; empty for a clean package. */
  targets: readonly string[];
};

/** What each demo package exercises, for the README and for tests that expect its findings. */
export function describeDemo(): DemoPackageInfo[] {
  return DEMO_PACKAGES.map((spec) => ({
    folder: folderName(spec),
    id: spec.id,
    revision: spec.revision,
    kind: spec.kind,
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

  const digests = new Map<string, string>();
  const packages: string[] = [];
  for (const spec of DEMO_PACKAGES) {
    const draft = await spec.build({
      seed,
      candidateDigest(id, revision) {
        const digest = digests.get(`${id}@${revision}`);
        if (!digest) throw new Error(`demo package ${id} revision ${revision} must be generated before the revision that follows it`);
        return digest;
      },
    });
    const folder = path.join(root, 'packages', folderName(spec));
    const manifest = await writePackage(folder, spec, draft);
    digests.set(`${spec.id}@${spec.revision}`, await canonicalSm3(manifest));
    packages.push(folder);
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
  return { packages, policies };
}

type CandidateInput = z.input<typeof Candidate>;

/** Writes the payload files and `candidate.json`; returns the manifest as written. */
async function writePackage(folder: string, spec: DemoPackageSpec, draft: PackageDraft): Promise<CandidateInput> {
  const files: CandidateInput['files'] = [];
  for (const file of draft.files) {
    const unsafe = unsafePathReason(file.path);
    if (unsafe) throw new Error(`demo package ${folderName(spec)}: ${file.path}: ${unsafe}`);
    const target = path.join(folder, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
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
  await writeFile(path.join(folder, 'candidate.json'), json(manifest));
  return manifest;
}

function folderName(spec: Pick<DemoPackageSpec, 'id' | 'revision'>): string {
  return `${spec.id}-r${spec.revision}`;
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
