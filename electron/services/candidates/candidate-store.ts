/**
 * Where imported candidates live in the workspace: one directory per candidate revision
 * (`candidates/<id>/r<revision>/`) with the manifest bytes as received, the payload files,
 * and `meta.json` recording when and from where it was imported and what was verified.
 * A revision directory appears only by an atomic rename from staging, so a reader never
 * sees half an import.
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const StoredMeta = z.strictObject({
  id: z.string(),
  revision: z.number().int(),
  digest: z.string(),
  importedAt: z.string(),
  source: z.strictObject({ kind: z.enum(['folder', 'zip']), name: z.string() }),
  /** How the payload files are stored: encrypted with the workspace key (absent: an older, unencrypted store). */
  encryption: z.strictObject({ format: z.literal('ERWENC01'), keyId: z.string() }).optional(),
  integrity: z.array(
    z.strictObject({ path: z.string(), bytes: z.number().int(), sha256: z.literal('verified'), sm3: z.literal('verified'), verifiedAt: z.string() }),
  ),
});
export type StoredMeta = z.output<typeof StoredMeta>;

export type StoredCandidate = { meta: StoredMeta; manifestText: string; dir: string };

export type CandidateStore = {
  root: string;
  /** A fresh, empty staging directory inside the store (same filesystem, so rename is atomic). */
  createStaging(): Promise<string>;
  discardStaging(dir: string): Promise<void>;
  /** Moves a finished staging directory into place; fails if the revision already exists. */
  commit(staging: string, id: string, revision: number): Promise<void>;
  has(id: string, revision: number): Promise<boolean>;
  read(id: string, revision: number): Promise<StoredCandidate | null>;
  list(): Promise<StoredCandidate[]>;
};

export async function openCandidateStore(dataDir: string): Promise<CandidateStore> {
  const root = join(dataDir, 'store');
  const candidatesDir = join(root, 'candidates');
  const stagingDir = join(root, '.staging');
  await mkdir(candidatesDir, { recursive: true });
  // Staging left behind by a crash is garbage by definition: nothing committed lives there.
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(stagingDir, { recursive: true });

  const revisionDir = (id: string, revision: number) => join(candidatesDir, id, `r${revision}`);

  const read = async (id: string, revision: number): Promise<StoredCandidate | null> => {
    const dir = revisionDir(id, revision);
    try {
      const [metaText, manifestText] = await Promise.all([readFile(join(dir, 'meta.json'), 'utf8'), readFile(join(dir, 'candidate.json'), 'utf8')]);
      return { meta: StoredMeta.parse(JSON.parse(metaText)), manifestText, dir };
    } catch {
      return null;
    }
  };

  return {
    root,
    async createStaging() {
      const dir = join(stagingDir, randomUUID());
      await mkdir(dir);
      return dir;
    },
    async discardStaging(dir) {
      await rm(dir, { recursive: true, force: true });
    },
    async commit(staging, id, revision) {
      await mkdir(join(candidatesDir, id), { recursive: true });
      // rename() onto an existing non-empty directory fails, which is what we want.
      await rename(staging, revisionDir(id, revision));
    },
    async has(id, revision) {
      return (await read(id, revision)) !== null;
    },
    read,
    async list() {
      const out: StoredCandidate[] = [];
      for (const id of (await readdir(candidatesDir)).sort()) {
        let revisions: string[];
        try {
          revisions = await readdir(join(candidatesDir, id));
        } catch {
          continue;
        }
        for (const name of revisions) {
          const m = /^r(\d+)$/.exec(name);
          if (!m) continue;
          const stored = await read(id, Number(m[1]));
          if (stored) out.push(stored);
        }
      }
      return out;
    },
  };
}
