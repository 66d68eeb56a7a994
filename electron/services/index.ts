/**
 * Assembles every main-process service on a Platform and maps each contract channel to its
 * handler. Electron's main process and the browser host both call `createServices` and hand
 * `handlers` to their registrar, so both run exactly the same code.
 */
import type { Handlers } from '../../shared/ipc/dispatch';
import { ServiceError } from '../../shared/ipc/result';
import { createCandidateService, type CandidateService } from './candidates/candidate-service';
import { vetExternalUrl } from './external-links';
import { openAuditLog, type AuditLog } from './audit/audit-log';
import { openWorkspaceKey, type WorkspaceKey } from './at-rest/workspace-key';
import { openCandidateStore } from './candidates/candidate-store';
import { openPolicyStore, type PolicyStore } from './policies/policy-store';
import { createPreviewService, type PreviewService } from './scan/preview-service';
import { createScanService, type ScanService } from './scan/scan-service';
import { createReviewService, type ReviewService } from './review/review-service';
import { createRevisionService } from './revisions';
import { createScanPool } from './scan/worker-pool';
import type { Platform } from './ports';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import { join } from 'node:path';
import { createDecisionService } from './decisions/decision-service';
import { deviceId } from './identity/device';
import { openIdentityService } from './identity/identity-service';
import { openJournal } from './journal/journal';
import { envelopeLine } from '../../shared/records/envelope';
import { openKeyStore } from './keys/key-store';
import { createSealService } from './seal/seal-service';

export type Services = {
  handlers: Handlers;
  settings: SettingsService;
  candidates: CandidateService;
  policies: PolicyStore;
  scans: ScanService;
  preview: PreviewService;
  review: ReviewService;
  audit: AuditLog;
  /** The workspace data key: `current()` for the key, `store.locked` until it is unlocked. */
  workspaceKey: WorkspaceKey;
  /**
   * Imports the demo workspace (`--demo`) once the workspace key is unlocked: at once when it
   * already is (resolving when the import is done), otherwise when the user unlocks it
   * (resolving at once). The queue refreshes on the `candidates:changed` event seeding emits.
   */
  seedDemoWhenUnlocked(): Promise<void>;
  /** Stops the scan workers. */
  close(): Promise<void>;
};


export async function createServices(platform: Platform): Promise<Services> {
  const settings = await createSettingsService(platform);
  const store = await openCandidateStore(platform.dataDir);
  const policies = await openPolicyStore(platform.dataDir);
  const audit = await openAuditLog(platform.dataDir);
  const workspaceKey = await openWorkspaceKey(platform, { audit });
  /** Payloads live encrypted in the store: work on them waits for the unlocked workspace. */
  const unlockedOnly =
    <A extends unknown[], R>(handler: (...args: A) => R) =>
    (...args: A): R => {
      workspaceKey.current();
      return handler(...args);
    };
  const candidates = await createCandidateService(platform, { policies, store, key: () => workspaceKey.current() });
  const pool = createScanPool(platform.scanWorkerScript);
  const scans = createScanService(platform, store, pool, {
    key: () => workspaceKey.current(),
    policyFor: (manifest) => policies.forAgreement(manifest.authorization.agreementId),
  });
  const preview = createPreviewService({ store, policies, scans, audit, key: () => workspaceKey.current() });
  const revisions = createRevisionService({ store, policies, scans, key: () => workspaceKey.current(), pool });
  const review = createReviewService({
    platform,
    store,
    policies,
    scans,
    audit,
    key: () => workspaceKey.current(),
    // Digests the scan recovered, and the revision rules against the stored revision N−1.
    extraFindings: async (stored, manifest, scan) => [
      ...(scan.recovered?.findings ?? []),
      ...(await revisions.findings(manifest, manifest.revision > 1 ? await store.read(manifest.id, manifest.revision - 1) : null)),
    ],
  });

  // Signed records (issue 5): this device's journal, the signing keys, who signs, decisions and the seal.
  const journal = await openJournal({ dataDir: platform.dataDir, deviceId: await deviceId(platform.dataDir), log: platform.log });
  const keys = await openKeyStore({ dir: join(platform.dataDir, 'keys'), audit, log: platform.log, idleLockMs: () => settings.get().signingIdleMinutes * 60_000 });
  const identity = await openIdentityService({ platform, journal, keys, audit });
  const decisions = createDecisionService({ platform, store, policies, review, identity, journal, audit });
  const seals = createSealService({ platform, decisions, identity, journal, audit });

  const handlers: Handlers = {
    'app:info': () => ({
      version: platform.appVersion,
      host: platform.host,
      platform: platform.platform,
      nativeDialogs: platform.dialogs !== null,
      contentProtectionSupported: platform.contentProtectionSupported,
    }),
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'store:status': () => workspaceKey.status(),
    'store:unlock': ({ passphrase }) => workspaceKey.unlock(passphrase),
    'store:create': ({ passphrase }) => workspaceKey.create(passphrase),
    'candidates:list': () => candidates.list(),
    'candidates:get': ({ id, revision }) => candidates.get(id, revision),
    'candidates:choose-package': async ({ kind }) => ({ path: platform.dialogs ? await platform.dialogs.choosePackage(kind) : null }),
    'candidates:import': unlockedOnly(async ({ path }) => ({ summary: await candidates.importPackage(path) })),
    'scan:start': unlockedOnly(({ id, revision }) => scans.start(id, revision)),
    'scan:cancel': ({ id, revision }) => scans.cancel(id, revision),
    'scan:status': ({ id, revision }) => scans.status(id, revision),
    'preview:overview': unlockedOnly(({ id, revision }) => preview.overview(id, revision)),
    'preview:rows': unlockedOnly(({ from, count, ...ref }) => preview.rows(ref, from, count)),
    'preview:profiles': unlockedOnly((ref) => preview.profiles(ref)),
    'preview:text': unlockedOnly(({ id, revision, file }) => preview.text(id, revision, file)),
    'preview:reveal': unlockedOnly(({ cells, reason, ...ref }) => preview.reveal(ref, cells, reason)),
    'findings:get': unlockedOnly(({ id, revision }) => review.findings(id, revision)),
    'findings:acknowledge': unlockedOnly(({ id, revision, key, justification }) => review.acknowledge(id, revision, key, justification)),
    'review:scope': ({ id, revision }) => review.scope(id, revision),
    'review:conformance-summary': unlockedOnly((ref) => review.conformanceSummary(ref)),
    'review:conformance': unlockedOnly(({ column, from, count, onlyNonconforming, ...ref }) => review.conformance(ref, column, from, count, onlyNonconforming)),
    'review:revision-diff': unlockedOnly(({ id, revision }) => revisions.diff(id, revision)),
    'identity:status': () => identity.status(),
    'identity:setup-demo': ({ passphrase }) => identity.setupDemo(passphrase),
    'identity:switch': ({ userId, passphrase }) => identity.switchUser(userId, passphrase),
    'identity:lock': () => identity.lock(),
    'decision:view': unlockedOnly(({ id, revision }) => decisions.view(id, revision)),
    'decision:sign': unlockedOnly(({ id, revision, ...input }) => decisions.sign(id, revision, input)),
    'decision:revoke': unlockedOnly(({ id, revision, target, reason }) => decisions.revoke(id, revision, target, reason)),
    'seal:view': unlockedOnly(({ id, revision }) => seals.view(id, revision)),
    'seal:request': unlockedOnly(({ id, revision, reason, copies }) => seals.request(id, revision, reason, copies)),
    'seal:approve': unlockedOnly(({ id, revision, request, outcome, comment }) => seals.approve(id, revision, request, outcome, comment)),
    'seal:apply': unlockedOnly(({ id, revision, request }) => seals.apply(id, revision, request)),
    'seal:document': unlockedOnly(({ id, revision, application }) => seals.document(id, revision, application)),
    'seal:ledger': async () => ({ rows: await seals.ledger() }),
    'seal:ledger-csv': () => seals.ledgerCsv(),
    'records:since': async ({ afterSeq, limit }) => {
      const records = [];
      let hasMore = false;
      for await (const { envelope } of journal.read()) {
        const { device } = envelope.record;
        if (device.id !== journal.deviceId || device.seq <= afterSeq) continue;
        if (records.length === limit) {
          hasMore = true;
          break;
        }
        records.push({ id: envelope.record.id, seq: device.seq, format: envelope.record.format, createdAt: envelope.record.createdAt, envelope: envelopeLine(envelope) });
      }
      return { deviceId: journal.deviceId, records, hasMore };
    },
    'audit:recent': async ({ limit }) => {
      const events = await audit.read();
      return { events: events.slice(-limit), total: events.length, chainValid: await audit.verify() };
    },
    'shell:open-external': async ({ url }) => {
      const vetted = vetExternalUrl(url);
      if (vetted === null) throw new ServiceError('shell.url-refused', 'Only http and https links can be opened outside the workstation.');
      return { opened: platform.openUrl ? await platform.openUrl(vetted) : false };
    },
  };

  const seedDemoWhenUnlocked = () =>
    new Promise<void>((resolve) => {
      const seed = async () => {
        try {
          await candidates.seedDemo();
        } catch (error) {
          platform.log.error('the demo workspace could not be imported', { code: error instanceof ServiceError ? error.code : 'internal', error });
        } finally {
          resolve();
        }
      };
      const unsubscribe = workspaceKey.onUnlocked(() => {
        unsubscribe();
        return seed();
      });
      if (workspaceKey.status().state !== 'unlocked') resolve();
    });

  return { handlers, settings, candidates, policies, scans, preview, review, audit, workspaceKey, seedDemoWhenUnlocked, close: async () => {
      await keys.close();
      await pool.close();
    } };
}
