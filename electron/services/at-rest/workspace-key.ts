/**
 * The workspace key service: holds the workspace's data key (store-key.ts) in memory for the
 * life of the process, so every service that reads or writes the encrypted candidate store
 * asks `current()` for it. At start it unlocks silently through the OS keychain where the key
 * is kept there (or creates one there on a fresh workspace); otherwise the workspace stays
 * `locked` until the user enters the passphrase, or `needs-passphrase` until the user chooses
 * one. Wrong passphrases are rate-limited, and every unlock, failed unlock and lock is written
 * to the audit log (FORMATS.md §5: `unlock`, `login-failed`, `lock`) — never the passphrase.
 */
import { ServiceError, type IpcError } from '../../../shared/ipc/result';
import type { StoreStatus } from '../../../shared/ipc/schemas/store';
import type { AuditInput, AuditLog } from '../audit/audit-log';
import type { Platform } from '../ports';
import { keyIdOf } from './encrypted-file';
import { MIN_PASSPHRASE_CHARACTERS, checkNewPassphrase, createStoreKey, storeKeyStatus, unlockStoreKey } from './store-key';

export type WorkspaceKeyStatus = StoreStatus;

/** Who asked: the person at the screen, an unattended start (`--store-passphrase-env`), or the keychain at start. */
export type UnlockVia = 'user' | 'unattended';

/**
 * How wrong passphrases are slowed down: the first `freeAttempts` consecutive failures cost
 * nothing; the failure that reaches it, and each one after, makes the next attempt wait
 * `firstWaitSeconds`, doubling each time up to `maxWaitSeconds`. A correct passphrase resets it.
 */
export type RateLimit = { freeAttempts: number; firstWaitSeconds: number; maxWaitSeconds: number };
export const DEFAULT_RATE_LIMIT: RateLimit = { freeAttempts: 3, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60 };

export type WorkspaceKeyOptions = {
  audit: AuditLog;
  /** Milliseconds since the epoch; injected by tests. */
  now?: () => number;
  rateLimit?: RateLimit;
  /** scrypt cost of a new passphrase key (tests use the cheapest, 15). */
  scryptLog2N?: number;
};

export type WorkspaceKey = {
  /** Where the key stands; cheap, no I/O. */
  status(): WorkspaceKeyStatus;
  /**
   * The data key (a copy: locking wipes the service's own). Throws `store.locked` when the
   * workspace is not unlocked — every import, scan and preview goes through here.
   */
  current(): Buffer;
  /**
   * Unlocks with the passphrase; without one, a key kept in the OS keychain is tried again.
   * Resolves with the new status (at once if already unlocked). Errors: `store.wrong-passphrase`,
   * `store.rate-limited` (params `seconds`), `store.passphrase-required`, `store.key-missing`,
   * `store.key-invalid`, `store.keychain-unavailable`, `store.keychain-failed`.
   */
  unlock(passphrase?: string, options?: { via?: UnlockVia }): Promise<WorkspaceKeyStatus>;
  /**
   * Creates the workspace key under a new passphrase; only while the state is `needs-passphrase`
   * (`store.key-exists` otherwise). Errors: `store.passphrase-too-short` (params `minimum`, `actual`).
   */
  create(passphrase: string, options?: { via?: UnlockVia }): Promise<WorkspaceKeyStatus>;
  /** Forgets the key (its bytes are wiped); the next `current()` throws `store.locked`. */
  lock(): Promise<WorkspaceKeyStatus>;
  /**
   * Runs `listener` after every unlock (and create), and soon after registering when the
   * workspace is already unlocked. Not awaited by `unlock`; failures are logged. Returns an
   * unsubscribe function.
   */
  onUnlocked(listener: () => void | Promise<void>): () => void;
};

/** The audit target of every workspace-key event. */
export const WORKSPACE_KEY_TARGET = 'workspace-key';
/** The actor of events a person caused (the same local reviewer the preview's reveals name). */
const USER_ACTOR = 'local-reviewer';
/** The actor of events nobody typed for: the keychain at start, an unattended start. */
const SYSTEM_ACTOR = 'workstation';

type KeyFile = 'none' | 'secret-store' | 'passphrase' | 'unreadable';

export async function openWorkspaceKey(platform: Pick<Platform, 'dataDir' | 'secrets' | 'emit' | 'log'>, options: WorkspaceKeyOptions): Promise<WorkspaceKey> {
  const { dataDir, log } = platform;
  const now = options.now ?? Date.now;
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const listeners = new Set<() => void | Promise<void>>();

  let key: Buffer | null = null;
  let keyFile: KeyFile = 'none';
  let problem: IpcError | null = null;
  let failures = 0;
  let blockedUntil = 0;

  // Unlock, create and lock run one at a time: two wrong passphrases sent together must both
  // be counted, and two creates must not race.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const waitSeconds = (count: number): number =>
    count < limit.freeAttempts ? 0 : Math.min(limit.firstWaitSeconds * 2 ** (count - limit.freeAttempts), limit.maxWaitSeconds);

  const retryAfterSeconds = (): number | null => {
    const left = blockedUntil - now();
    return left > 0 ? Math.min(Math.ceil(left / 1000), limit.maxWaitSeconds) : null;
  };

  const status = (): WorkspaceKeyStatus => ({
    state: key ? 'unlocked' : keyFile === 'none' ? 'needs-passphrase' : 'locked',
    protection: keyFile === 'secret-store' || keyFile === 'passphrase' ? keyFile : null,
    retryAfterSeconds: key ? null : retryAfterSeconds(),
    problem: key ? null : problem,
    minPassphraseCharacters: MIN_PASSPHRASE_CHARACTERS,
  });

  const changed = () => platform.emit('store:changed', status());

  const audit = (input: Omit<AuditInput, 'target'>) => options.audit.append({ ...input, target: WORKSPACE_KEY_TARGET });

  const runListener = (listener: () => void | Promise<void>) => {
    const failed = (error: unknown) => log.error('work waiting for the workspace key failed', { error });
    try {
      const result = listener();
      if (result instanceof Promise) result.catch(failed);
    } catch (error) {
      failed(error);
    }
  };

  const unlocked = async (next: Buffer, detail: Record<string, unknown>, actor: string) => {
    // On disk before the store opens, as a reveal is before its values leave main.
    await audit({ actor, action: 'unlock', detail: { ...detail, keyId: keyIdOf(next) } });
    key = next;
    problem = null;
    failures = 0;
    blockedUntil = 0;
    log.info('workspace unlocked', { protection: keyFile, via: detail.via });
    changed();
    for (const listener of listeners) runListener(listener);
  };

  const viaOf = (options?: { via?: UnlockVia }): UnlockVia => options?.via ?? 'user';
  const actorOf = (via: UnlockVia | 'keychain') => (via === 'user' ? USER_ACTOR : SYSTEM_ACTOR);

  /** Opens a key kept in the OS keychain; records the problem (and audits it) when it cannot. */
  const unlockWithKeychain = async (via: UnlockVia | 'keychain'): Promise<void> => {
    let next: Buffer;
    try {
      next = await unlockStoreKey(dataDir, { secrets: platform.secrets });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      problem = error.toIpcError();
      await audit({ actor: actorOf(via), action: 'login-failed', detail: { via, protection: 'secret-store', reason: error.code } });
      log.warn('the workspace key could not be opened with the OS keychain', { code: error.code });
      changed();
      throw error;
    }
    await unlocked(next, { via, protection: 'secret-store' }, actorOf(via));
  };

  // Wrong passphrases before a restart still count: the trailing failures since the last
  // unlock are read back from the (hash-chained) audit log.
  const restoreFailures = async () => {
    const events = await options.audit.read();
    let lastFailureAt: number | null = null;
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      if (event.target !== WORKSPACE_KEY_TARGET) continue;
      if (event.action === 'unlock') break;
      if (event.action === 'login-failed' && event.detail.reason === 'store.wrong-passphrase') {
        failures += 1;
        lastFailureAt ??= Date.parse(event.at);
      }
    }
    if (lastFailureAt !== null && Number.isFinite(lastFailureAt)) blockedUntil = lastFailureAt + waitSeconds(failures) * 1000;
  };

  // ---- Start ----
  try {
    keyFile = await storeKeyStatus(dataDir);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    // A damaged key file must not stop the app: the lock screen says what is wrong.
    keyFile = 'unreadable';
    problem = error.toIpcError();
    log.error('the workspace key file cannot be read', { code: error.code });
  }
  await restoreFailures();
  if (keyFile === 'secret-store') {
    await unlockWithKeychain('keychain').catch((error: unknown) => {
      if (!(error instanceof ServiceError)) throw error;
    });
  } else if (keyFile === 'none' && platform.secrets?.isAvailable()) {
    try {
      const next = await createStoreKey(dataDir, { secrets: platform.secrets });
      keyFile = 'secret-store';
      await unlocked(next, { via: 'keychain', protection: 'secret-store', created: true }, SYSTEM_ACTOR);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      // The keychain said it was there but would not seal the key: fall back to a passphrase.
      problem = error.toIpcError();
      log.warn('the OS keychain could not protect a new workspace key; a passphrase is needed', { code: error.code });
    }
  }

  return {
    status,

    current() {
      if (key) return Buffer.from(key);
      const state = status().state;
      throw new ServiceError(
        'store.locked',
        state === 'needs-passphrase'
          ? 'The workspace has no passphrase yet, so the candidate store cannot be opened. Set a workspace passphrase first, then try again.'
          : 'The workspace is locked, so the candidate store cannot be opened. Unlock the workspace first (enter its passphrase), then try again.',
        { state },
      );
    },

    unlock: (passphrase, unlockOptions) =>
      serial(async () => {
        if (key) return status();
        const via = viaOf(unlockOptions);
        if (keyFile === 'none') {
          throw new ServiceError('store.key-missing', 'The workspace has no key yet, so there is nothing to unlock. Set a workspace passphrase first.');
        }
        if (keyFile === 'unreadable') {
          // The file may have been restored since start; read it again, and say again what is wrong if not.
          try {
            keyFile = await storeKeyStatus(dataDir);
          } catch (error) {
            if (error instanceof ServiceError) problem = error.toIpcError();
            throw error;
          }
          if (keyFile === 'none') {
            changed();
            throw new ServiceError('store.key-missing', 'The workspace has no key yet, so there is nothing to unlock. Set a workspace passphrase first.');
          }
        }
        if (keyFile === 'secret-store') {
          await unlockWithKeychain(via);
          return status();
        }
        if (passphrase === undefined) {
          throw new ServiceError('store.passphrase-required', 'The workspace is protected by a passphrase; enter it to unlock the workspace.');
        }
        const wait = retryAfterSeconds();
        if (wait !== null) {
          log.warn('unlock refused: too many wrong passphrases', { seconds: wait });
          throw new ServiceError('store.rate-limited', `Too many wrong passphrases. Wait ${wait} seconds before trying again.`, { seconds: wait });
        }
        let next: Buffer;
        try {
          next = await unlockStoreKey(dataDir, { passphrase });
        } catch (error) {
          if (!(error instanceof ServiceError)) throw error;
          if (error.code === 'store.wrong-passphrase') {
            failures += 1;
            const seconds = waitSeconds(failures);
            blockedUntil = seconds > 0 ? now() + seconds * 1000 : 0;
            await audit({
              actor: actorOf(via),
              action: 'login-failed',
              detail: { via, protection: 'passphrase', reason: error.code, consecutiveFailures: failures, ...(seconds > 0 ? { retryAfterSeconds: seconds } : {}) },
            });
            log.warn('unlock failed: wrong passphrase', { consecutiveFailures: failures, retryAfterSeconds: seconds });
            changed();
            throw new ServiceError(
              'store.wrong-passphrase',
              seconds > 0 ? `${error.message} Too many wrong passphrases: wait ${seconds} seconds before the next try.` : error.message,
              { consecutiveFailures: failures, ...(seconds > 0 ? { retryAfterSeconds: seconds } : {}) },
            );
          }
          // A damaged or missing key file: not the user's guess, so it is not counted.
          problem = error.toIpcError();
          await audit({ actor: actorOf(via), action: 'login-failed', detail: { via, protection: 'passphrase', reason: error.code } });
          changed();
          throw error;
        }
        await unlocked(next, { via, protection: 'passphrase' }, actorOf(via));
        return status();
      }),

    create: (passphrase, createOptions) =>
      serial(async () => {
        if (key || keyFile !== 'none') {
          throw new ServiceError('store.key-exists', 'The workspace already has a key; unlock it with its passphrase instead of setting a new one.');
        }
        checkNewPassphrase(passphrase);
        const next = await createStoreKey(dataDir, { passphrase, ...(options.scryptLog2N !== undefined ? { scryptLog2N: options.scryptLog2N } : {}) });
        keyFile = 'passphrase';
        const via = viaOf(createOptions);
        await unlocked(next, { via, protection: 'passphrase', created: true }, actorOf(via));
        return status();
      }),

    lock: () =>
      serial(async () => {
        if (!key) return status();
        const old = key;
        key = null;
        old.fill(0);
        await audit({ actor: USER_ACTOR, action: 'lock', detail: {} });
        log.info('workspace locked');
        changed();
        return status();
      }),

    onUnlocked(listener) {
      listeners.add(listener);
      if (key) {
        queueMicrotask(() => {
          if (listeners.has(listener) && key) runListener(listener);
        });
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * For unattended starts (`--store-passphrase-env`): creates the workspace key under
 * `passphrase` on a fresh workspace, or unlocks it with it. A no-op when already unlocked.
 */
export async function unlockUnattended(workspaceKey: WorkspaceKey, passphrase: string): Promise<WorkspaceKeyStatus> {
  const { state } = workspaceKey.status();
  if (state === 'unlocked') return workspaceKey.status();
  if (state === 'needs-passphrase') return workspaceKey.create(passphrase, { via: 'unattended' });
  return workspaceKey.unlock(passphrase, { via: 'unattended' });
}
