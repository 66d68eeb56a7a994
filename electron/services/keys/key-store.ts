/**
 * The workstation's signing keys (issue 5): key pairs generated here, each kept in
 * `<dir>/<sm2|ed25519>-<16 hex>/` as `public.pem` (SPKI) and `private.pem` (PKCS#8 encrypted
 * under the holder's passphrase, private-key-file.ts). Unlocking decrypts a key into a handle
 * held in main only; callers get `sign()`, never key bytes. A key locks itself after an idle
 * time (no signature), wrong passphrases are rate-limited per key exactly as the workspace
 * key's are (and the count survives a restart: it is read back from the audit log), and every
 * unlock, lock and failed unlock is audited (FORMATS.md §5) — never the passphrase.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readPrivateKeyPem } from '../../../shared/crypto/encrypted-pkcs8';
import {
  CryptoInputError,
  generateKeyPair,
  parsePublicKeyPem,
  publicKeyFromPkcs8,
  type PrivateKeyHandle,
  type PublicKey,
  type SignatureAlg,
} from '../../../shared/crypto/signing';
import { ServiceError } from '../../../shared/ipc/result';
import type { AuditInput, AuditLog } from '../audit/audit-log';
import { DEFAULT_RATE_LIMIT, type RateLimit } from '../at-rest/workspace-key';
import type { Logger } from '../log';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, decryptPrivateKey, encryptPrivateKey, readKeyFile, readPrivateKey, writeKeyPairFiles } from './private-key-file';

/** Timers and time, injected by tests. */
export type KeyStoreClock = {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const systemClock: KeyStoreClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    timer.unref(); // an armed auto-lock must not keep the process alive
    return timer;
  },
  clearTimeout: (handle) => {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/** Ten minutes without a signature lock a key, unless configured otherwise. */
export const DEFAULT_IDLE_LOCK_MS = 10 * 60 * 1000;

export type KeyStoreOptions = {
  /** The folder of the key folders, e.g. `<dataDir>/keys`. */
  dir: string;
  audit: Pick<AuditLog, 'append' | 'read'>;
  log?: Logger;
  /** Idle time before an unlocked key locks itself: a number, or a function read at each unlock and signature (a setting). */
  idleLockMs?: number | (() => number);
  clock?: KeyStoreClock;
  rateLimit?: RateLimit;
  /** scrypt cost of new key files (tests use the cheapest, 15). */
  scryptLog2N?: number;
};

export type KeyInfo = {
  keyId: string;
  alg: SignatureAlg;
  /** The public key as PEM SPKI, for credentials and for anyone verifying. */
  publicKeyPem: string;
  unlocked: boolean;
  /** When an unlocked key locks itself if it signs nothing before (ms since the epoch). */
  idleLockAt: number | null;
  /** While wrong passphrases are being slowed down: the earliest next attempt (ms since the epoch). */
  retryAt: number | null;
};

export type KeyStore = {
  /** Every key in the folder, oldest folder name first. */
  list(): Promise<KeyInfo[]>;
  publicKey(keyId: string): Promise<PublicKey>;
  /** Generates a key pair here, stores it under `passphrase` (≥ 12 characters) and leaves it locked. */
  create(alg: SignatureAlg, passphrase: string): Promise<PublicKey>;
  /**
   * Stores an existing private key (PEM: unencrypted PKCS#8, e.g. from `openssl genpkey`, or
   * encrypted by the workstation with `currentPassphrase`) under `passphrase`; left locked.
   */
  importKey(privatePem: string, passphrase: string, options?: { currentPassphrase?: string }): Promise<PublicKey>;
  /**
   * Unlocks a key for `actor`. Errors: `keys.unknown`, `keys.wrong-passphrase` (params
   * `consecutiveFailures`, `retryAfterSeconds`), `keys.rate-limited` (params `seconds`),
   * `keys.invalid`, `keys.read-failed`. The passphrase is checked even when the key is already
   * unlocked; then the key passes to `actor` and its idle time restarts.
   */
  unlock(keyId: string, passphrase: string, actor: string): Promise<void>;
  /** Locks a key (no-op when locked). */
  lock(keyId: string, actor: string): Promise<void>;
  /** Locks every key, e.g. on quit or when the user switches. */
  lockAll(actor: string, reason?: string): Promise<void>;
  isUnlocked(keyId: string): boolean;
  /** Signs with an unlocked key (`keys.locked` otherwise) and restarts its idle time. */
  sign(keyId: string, message: Uint8Array): Uint8Array;
  /** A PrivateKeyHandle whose sign() goes through this store (and fails once the key is locked). */
  signer(keyId: string): PrivateKeyHandle;
  /** Locks everything and stops the timers. */
  close(actor?: string): Promise<void>;
};

const KEY_ID = /^(sm2|ed25519):([0-9a-f]{16})$/;
const FOLDER = /^(sm2|ed25519)-([0-9a-f]{16})$/;
const SYSTEM_ACTOR = 'workstation';

type Unlocked = { handle: PrivateKeyHandle; actor: string; idleLockAt: number; timer: unknown };
type Throttle = { failures: number; blockedUntil: number };

export async function openKeyStore(options: KeyStoreOptions): Promise<KeyStore> {
  const { dir } = options;
  const clock = options.clock ?? systemClock;
  const idleLockOption = options.idleLockMs ?? DEFAULT_IDLE_LOCK_MS;
  const idleLockMsNow = (): number => {
    const ms = typeof idleLockOption === 'function' ? idleLockOption() : idleLockOption;
    return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_IDLE_LOCK_MS;
  };
  const idleLockMs = idleLockMsNow();
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (!Number.isFinite(idleLockMs) || idleLockMs <= 0) throw new RangeError(`idleLockMs must be a positive number of milliseconds (got ${idleLockMs})`);
  const unlocked = new Map<string, Unlocked>();
  const throttles = new Map<string, Throttle>();
  const queues = new Map<string, Promise<unknown>>();

  /** Unlock and lock of one key run one at a time: two wrong passphrases sent together both count. */
  const serial = <T>(keyId: string, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(keyId) ?? Promise.resolve()).then(work, work);
    queues.set(
      keyId,
      next.catch(() => undefined),
    );
    return next;
  };

  const audit = (input: AuditInput) => options.audit.append(input);

  const waitSeconds = (count: number): number =>
    count < limit.freeAttempts ? 0 : Math.min(limit.firstWaitSeconds * 2 ** (count - limit.freeAttempts), limit.maxWaitSeconds);

  const throttleOf = (keyId: string): Throttle => {
    let throttle = throttles.get(keyId);
    if (!throttle) {
      throttle = { failures: 0, blockedUntil: 0 };
      throttles.set(keyId, throttle);
    }
    return throttle;
  };

  const retryAfterSeconds = (keyId: string): number | null => {
    const left = (throttles.get(keyId)?.blockedUntil ?? 0) - clock.now();
    return left > 0 ? Math.min(Math.ceil(left / 1000), limit.maxWaitSeconds) : null;
  };

  // Wrong passphrases before a restart still count: read the trailing failures per key back.
  for (const event of await options.audit.read()) {
    if (!KEY_ID.test(event.target)) continue;
    if (event.action === 'unlock') throttles.delete(event.target);
    else if (event.action === 'login-failed' && event.detail.reason === 'keys.wrong-passphrase') {
      const throttle = throttleOf(event.target);
      throttle.failures += 1;
      const at = Date.parse(event.at);
      if (Number.isFinite(at)) throttle.blockedUntil = at + waitSeconds(throttle.failures) * 1000;
    }
  }

  const folderOf = (keyId: string): string => {
    const match = KEY_ID.exec(typeof keyId === 'string' ? keyId : '');
    if (!match) throw new ServiceError('keys.unknown', `${JSON.stringify(keyId)} is not a key id (expected sm2:… or ed25519:… with 16 hex digits).`, { keyId });
    return join(dir, `${match[1]!}-${match[2]!}`);
  };

  const readPublic = async (keyId: string): Promise<PublicKey> => {
    const path = join(folderOf(keyId), PUBLIC_KEY_FILE);
    let pem: string;
    try {
      pem = await readKeyFile(path);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'keys.read-failed' && error.message.includes('does not exist')) {
        throw new ServiceError('keys.unknown', `There is no key ${keyId} on this workstation (${path} does not exist).`, { keyId });
      }
      throw error;
    }
    let publicKey: PublicKey;
    try {
      publicKey = parsePublicKeyPem(pem);
    } catch (error) {
      if (error instanceof CryptoInputError) throw new ServiceError('keys.invalid', `${path}: ${error.message}`, { file: path });
      throw error;
    }
    if (publicKey.keyId !== keyId) throw new ServiceError('keys.invalid', `${path} holds key ${publicKey.keyId}, not ${keyId}: the key folder was changed.`, { file: path });
    return publicKey;
  };

  const store = async (publicKey: PublicKey, pkcs8Der: Uint8Array, passphrase: string): Promise<PublicKey> => {
    const privatePem = await encryptPrivateKey(pkcs8Der, passphrase, options.scryptLog2N !== undefined ? { scryptLog2N: options.scryptLog2N } : {});
    await writeKeyPairFiles(folderOf(publicKey.keyId), { publicPem: publicKey.pem, privatePem });
    options.log?.info('signing key stored', { keyId: publicKey.keyId, alg: publicKey.alg });
    return publicKey;
  };

  const arm = (keyId: string, entry: Unlocked) => {
    if (entry.timer !== undefined) clock.clearTimeout(entry.timer);
    const ms = idleLockMsNow();
    entry.idleLockAt = clock.now() + ms;
    entry.timer = clock.setTimeout(() => {
      void lockKey(keyId, entry.actor, 'idle').catch((error: unknown) => options.log?.error('auto-lock failed', { keyId, error }));
    }, ms);
  };

  const lockKey = (keyId: string, actor: string, reason: string): Promise<void> =>
    serial(keyId, async () => {
      const entry = unlocked.get(keyId);
      if (!entry) return;
      unlocked.delete(keyId);
      clock.clearTimeout(entry.timer);
      await audit({ actor, action: 'lock', target: keyId, detail: { reason } });
      options.log?.info('signing key locked', { keyId, reason });
    });

  const current = (keyId: string): Unlocked => {
    const entry = unlocked.get(keyId);
    if (entry && clock.now() < entry.idleLockAt) return entry;
    if (entry) void lockKey(keyId, entry.actor, 'idle').catch((error: unknown) => options.log?.error('auto-lock failed', { keyId, error }));
    throw new ServiceError('keys.locked', `The signing key ${keyId} is locked; unlock it with its passphrase, then sign again.`, { keyId });
  };

  const api: KeyStore = {
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw new ServiceError('keys.read-failed', `The key folder ${dir} could not be read: ${(error as Error).message}.`, { file: dir });
      }
      const keys: KeyInfo[] = [];
      for (const name of names.filter((n) => FOLDER.test(n)).sort()) {
        const keyId = name.replace('-', ':');
        const publicKey = await readPublic(keyId);
        const entry = unlocked.get(keyId);
        keys.push({
          keyId,
          alg: publicKey.alg,
          publicKeyPem: publicKey.pem,
          unlocked: entry !== undefined && clock.now() < entry.idleLockAt,
          idleLockAt: entry?.idleLockAt ?? null,
          retryAt: retryAfterSeconds(keyId) === null ? null : throttles.get(keyId)!.blockedUntil,
        });
      }
      return keys;
    },

    publicKey: (keyId) => readPublic(keyId),

    async create(alg, passphrase) {
      const { publicKey, pkcs8Der } = generateKeyPair(alg);
      try {
        return await store(publicKey, pkcs8Der, passphrase);
      } finally {
        pkcs8Der.fill(0);
      }
    },

    async importKey(privatePem, passphrase, importOptions = {}) {
      const source = 'the imported private key';
      let pkcs8Der: Uint8Array;
      let publicKey: PublicKey;
      try {
        const read = readPrivateKeyPem(privatePem, source);
        if (read.encrypted) {
          if (importOptions.currentPassphrase === undefined) {
            throw new ServiceError('keys.passphrase-required', 'The imported private key is encrypted; give its current passphrase as well.');
          }
          pkcs8Der = await decryptPrivateKey(read.key, importOptions.currentPassphrase, source);
        } else {
          pkcs8Der = read.pkcs8Der;
        }
        publicKey = publicKeyFromPkcs8(pkcs8Der);
      } catch (error) {
        if (error instanceof CryptoInputError) throw new ServiceError('keys.invalid', error.message);
        throw error;
      }
      try {
        return await store(publicKey, pkcs8Der, passphrase);
      } finally {
        pkcs8Der.fill(0);
      }
    },

    unlock: (keyId, passphrase, actor) =>
      serial(keyId, async () => {
        const folder = folderOf(keyId);
        const wait = retryAfterSeconds(keyId);
        if (wait !== null) {
          await audit({ actor, action: 'login-failed', target: keyId, detail: { reason: 'keys.rate-limited', retryAfterSeconds: wait } });
          throw new ServiceError('keys.rate-limited', `Too many wrong passphrases for the signing key ${keyId}. Wait ${wait} seconds before trying again.`, { keyId, seconds: wait });
        }
        const publicKey = await readPublic(keyId);
        const privatePath = join(folder, PRIVATE_KEY_FILE);
        const pem = await readKeyFile(privatePath);
        if (!/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem)) {
          throw new ServiceError('keys.invalid', `${privatePath} is not encrypted; the workstation keeps signing keys only under a passphrase. Import the key again.`, { file: privatePath });
        }
        let handle: PrivateKeyHandle;
        try {
          ({ handle } = await readPrivateKey(pem, { passphrase, source: privatePath }));
        } catch (error) {
          if (!(error instanceof ServiceError) || error.code !== 'keys.wrong-passphrase') throw error;
          const throttle = throttleOf(keyId);
          throttle.failures += 1;
          const seconds = waitSeconds(throttle.failures);
          throttle.blockedUntil = seconds > 0 ? clock.now() + seconds * 1000 : 0;
          await audit({
            actor,
            action: 'login-failed',
            target: keyId,
            detail: { reason: error.code, consecutiveFailures: throttle.failures, ...(seconds > 0 ? { retryAfterSeconds: seconds } : {}) },
          });
          options.log?.warn('signing key unlock failed: wrong passphrase', { keyId, consecutiveFailures: throttle.failures });
          throw new ServiceError(
            'keys.wrong-passphrase',
            `The passphrase does not unlock the signing key ${keyId}. Check Caps Lock and the keyboard layout.${seconds > 0 ? ` Too many wrong passphrases: wait ${seconds} seconds before the next try.` : ''}`,
            { keyId, consecutiveFailures: throttle.failures, ...(seconds > 0 ? { retryAfterSeconds: seconds } : {}) },
          );
        }
        if (handle.keyId !== publicKey.keyId) {
          throw new ServiceError('keys.invalid', `${privatePath} does not belong to ${keyId} (it is ${handle.keyId}): the key folder was changed.`, { file: privatePath });
        }
        // On disk before the key can sign anything.
        await audit({ actor, action: 'unlock', target: keyId, detail: { alg: handle.alg, idleLockSeconds: Math.round(idleLockMs / 1000) } });
        throttles.delete(keyId);
        // Unlocking an unlocked key (the passphrase checked all the same) hands it to `actor` and restarts its idle time.
        const previous = unlocked.get(keyId);
        if (previous) clock.clearTimeout(previous.timer);
        const entry: Unlocked = { handle, actor, idleLockAt: 0, timer: undefined };
        unlocked.set(keyId, entry);
        arm(keyId, entry);
        options.log?.info('signing key unlocked', { keyId });
      }),

    lock: (keyId, actor) => {
      folderOf(keyId);
      return lockKey(keyId, actor, 'manual');
    },

    async lockAll(actor, reason = 'manual') {
      await Promise.all([...unlocked.keys()].map((keyId) => lockKey(keyId, actor, reason)));
    },

    isUnlocked: (keyId) => {
      const entry = unlocked.get(keyId);
      return entry !== undefined && clock.now() < entry.idleLockAt;
    },

    sign(keyId, message) {
      const entry = current(keyId);
      const signature = entry.handle.sign(message);
      arm(keyId, entry);
      return signature;
    },

    signer(keyId) {
      const match = KEY_ID.exec(keyId);
      if (!match) folderOf(keyId); // throws keys.unknown
      const alg: SignatureAlg = match?.[1] === 'ed25519' ? 'Ed25519' : 'SM2-SM3';
      return Object.freeze({ alg, keyId, sign: (message: Uint8Array) => api.sign(keyId, message) });
    },

    async close(actor = SYSTEM_ACTOR) {
      await api.lockAll(actor, 'shutdown');
    },
  };
  return api;
}
