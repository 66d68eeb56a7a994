/**
 * Export policies (FORMATS.md §2) kept in the workspace, one file per version
 * (`store/policies/<id>/v<version>.json`, the bytes as received). A policy is parsed strictly
 * (no duplicate keys) and validated before it is stored; the same version twice with
 * different content is refused. Checks use the latest version for a candidate's agreement.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalSm3 } from '../../../shared/formats/canonical';
import { describeIssues } from '../../../shared/formats/issues';
import { Policy } from '../../../shared/formats/policy';
import { StrictJsonError, parseStrictJson } from '../../../shared/formats/strict-json';
import { ServiceError } from '../../../shared/ipc/result';

export type StoredPolicy = { policy: Policy; digest: string };

/** Parses and validates policy bytes; errors name the file, line or field. */
export async function parsePolicy(bytes: Uint8Array, fileName: string): Promise<StoredPolicy> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ServiceError('policy.encoding', `${fileName} is not valid UTF-8. A policy must be saved as UTF-8.`, { file: fileName });
  }
  let raw: unknown;
  try {
    raw = parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError) {
      throw new ServiceError('policy.json', `${fileName}, line ${error.line}, column ${error.column}: ${error.message}.`, {
        file: fileName,
        line: error.line,
        column: error.column,
        problem: error.message,
      });
    }
    throw error;
  }
  const parsed = Policy.safeParse(raw);
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0]!;
    throw new ServiceError('policy.invalid', `${fileName}, field ${first.field}: ${first.problem}.`, { file: fileName, field: first.field, problem: first.problem });
  }
  return { policy: parsed.data, digest: await canonicalSm3(raw) };
}

export type PolicyStore = {
  importFile(path: string, fileName: string): Promise<StoredPolicy>;
  list(): Promise<StoredPolicy[]>;
  /** The latest version of the policy issued for an agreement, or null. */
  forAgreement(agreementId: string): Promise<StoredPolicy | null>;
};

export async function openPolicyStore(dataDir: string): Promise<PolicyStore> {
  const root = join(dataDir, 'store', 'policies');
  await mkdir(root, { recursive: true });

  // Policies change only through importFile; checks and every preview page look them up.
  let cached: StoredPolicy[] | null = null;
  const list = async (): Promise<StoredPolicy[]> => {
    if (cached) return cached;
    const out: StoredPolicy[] = [];
    for (const id of (await readdir(root)).sort()) {
      let versions: string[];
      try {
        versions = await readdir(join(root, id));
      } catch {
        continue;
      }
      for (const name of versions.filter((n) => /^v\d+\.json$/.test(n))) {
        out.push(await parsePolicy(await readFile(join(root, id, name)), name));
      }
    }
    cached = out;
    return out;
  };

  return {
    async importFile(path, fileName) {
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch {
        throw new ServiceError('policy.not-found', `The policy file ${path} could not be read.`, { path });
      }
      const stored = await parsePolicy(bytes, fileName);
      const dir = join(root, stored.policy.id);
      const target = join(dir, `v${stored.policy.version}.json`);
      try {
        const existing = await parsePolicy(await readFile(target), fileName);
        if (existing.digest === stored.digest) return existing;
        throw new ServiceError(
          'policy.version-conflict',
          `${stored.policy.id} version ${stored.policy.version} is already stored with different content; a changed policy needs a new version.`,
          { id: stored.policy.id, version: stored.policy.version },
        );
      } catch (error) {
        if (error instanceof ServiceError) throw error;
      }
      await mkdir(dir, { recursive: true });
      await writeFile(`${target}.tmp`, bytes);
      await rename(`${target}.tmp`, target);
      cached = null;
      return stored;
    },
    list,
    async forAgreement(agreementId) {
      const matching = (await list()).filter((p) => p.policy.agreementId === agreementId);
      matching.sort((a, b) => b.policy.version - a.policy.version);
      return matching[0] ?? null;
    },
  };
}
