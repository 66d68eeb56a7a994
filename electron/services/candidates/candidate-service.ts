/**
 * The candidate service behind the `candidates:*` channels: lists the queue, returns one
 * candidate's overview, imports packages one at a time (progress and "changed" events go to
 * the renderer), and on a fresh demo profile imports the generated demo workspace through the
 * very same import path a user's package takes.
 */
import { basename, join } from 'node:path';
import { Candidate } from '../../../shared/formats/candidate';
import { ServiceError } from '../../../shared/ipc/result';
import type { CandidateDetail, CandidateSummary } from '../../../shared/ipc/schemas/candidates';
import { generateDemoWorkspace } from '../demo/generate';
import { importPackage } from '../intake/import-package';
import type { PackageLimits } from '../intake/package-source';
import type { PolicyStore } from '../policies/policy-store';
import type { Platform } from '../ports';
import { openCandidateStore, type CandidateStore, type StoredCandidate } from './candidate-store';

export type CandidateService = {
  list(): Promise<CandidateSummary[]>;
  get(id: string, revision: number): Promise<CandidateDetail>;
  importPackage(path: string): Promise<CandidateSummary>;
  /** Imports the demo workspace when the store is empty; returns how many were imported. */
  seedDemo(): Promise<number>;
};

export type CandidateServiceOptions = {
  limits?: PackageLimits;
  now?: () => Date;
  policies?: PolicyStore;
  store?: CandidateStore;
  /** The workspace data key payloads are stored encrypted with; throws `store.locked` while the workspace is locked. */
  key?: () => Uint8Array;
};

export async function createCandidateService(platform: Platform, options: CandidateServiceOptions = {}): Promise<CandidateService> {
  const store = options.store ?? (await openCandidateStore(platform.dataDir));
  // Imports run one at a time: two imports of the same revision must not race to commit.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const importOne = async (path: string): Promise<CandidateSummary> => {
    const started = Date.now();
    try {
      if (!options.key) throw new ServiceError('store.locked', 'The workspace is locked: unlock it before importing candidates.');
      const { meta, manifest } = await importPackage(store, path, {
        key: options.key(),
        ...(options.limits ? { limits: options.limits } : {}),
        ...(options.now ? { now: options.now } : {}),
        onProgress: (progress) => platform.emit('candidates:import-progress', progress),
      });
      platform.log.info('candidate imported', { id: meta.id, revision: meta.revision, digest: meta.digest, ms: Date.now() - started });
      return summarise(manifest, meta.digest, meta.importedAt);
    } catch (error) {
      platform.log.warn('candidate import refused', { source: path, code: error instanceof ServiceError ? error.code : 'internal' });
      throw error;
    }
  };

  return {
    async list() {
      const stored = await store.list();
      return stored.map(toSummary).sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0));
    },
    async get(id, revision) {
      const stored = await store.read(id, revision);
      if (!stored) {
        throw new ServiceError('candidates.not-found', `${id} revision ${revision} is not in the queue.`, { id, revision });
      }
      return {
        summary: toSummary(stored),
        manifest: parseStored(stored),
        integrity: stored.meta.integrity,
        source: stored.meta.source,
      };
    },
    importPackage: (path) =>
      serial(async () => {
        const summary = await importOne(path);
        platform.emit('candidates:changed', { reason: 'import' });
        return summary;
      }),
    seedDemo: () =>
      serial(async () => {
        if ((await store.list()).length > 0) return 0;
        const { packages, policies } = await generateDemoWorkspace(join(platform.dataDir, 'demo-workspace'));
        for (const policy of policies) await options.policies?.importFile(policy, basename(policy));
        for (const pkg of packages) await importOne(pkg);
        platform.log.info('demo workspace imported', { candidates: packages.length });
        platform.emit('candidates:changed', { reason: 'demo' });
        return packages.length;
      }),
  };
}

function parseStored(stored: StoredCandidate): Candidate {
  // The manifest was validated at import; parsing again guards against a store edited by hand.
  return Candidate.parse(JSON.parse(stored.manifestText));
}

function toSummary(stored: StoredCandidate): CandidateSummary {
  return summarise(parseStored(stored), stored.meta.digest, stored.meta.importedAt);
}

function summarise(c: Candidate, digest: string, importedAt: string): CandidateSummary {
  return {
    id: c.id,
    revision: c.revision,
    digest,
    productName: c.product.name,
    kind: c.product.kind,
    operatorName: c.operator.name,
    scenarioId: c.scenario.id,
    scenarioName: c.scenario.name,
    recipientName: c.recipient.name,
    submittedAt: c.submittedAt,
    importedAt,
    validFrom: c.authorization.validFrom,
    validTo: c.authorization.validTo,
    fileCount: c.files.length,
    totalBytes: c.files.reduce((sum, f) => sum + f.bytes, 0),
    rawPackage: c.product.rawPackage,
    backflowSources: c.sources.filter((s) => s.backflow).length,
    socialSources: c.sources.filter((s) => s.social).length,
  };
}
