/**
 * The workspace data key: 32 random bytes that encrypt every payload file in the candidate
 * store (encrypted-file.ts), kept in `<dataDir>/store-key.json` only in wrapped form — sealed
 * by the OS secret store (the injected SecretStore port) where one is available, otherwise
 * under a key derived from the user's passphrase with scrypt. Changing the passphrase (or the
 * protection) re-wraps the same data key, so stored files need no re-encryption.
 *
 * store-key.json (`format` "store-key", `formatVersion` 1; byte fields in base64):
 *   { format, formatVersion, keyId, createdAt, protection: "secret-store", sealed }
 *   { format, formatVersion, keyId, createdAt, protection: "passphrase",
 *     kdf: { name: "scrypt", N, r, p, salt }, wrap: { cipher: "aes-256-gcm", nonce, ciphertext, tag } }
 * `keyId` is `keyIdOf(dataKey)`, the id encrypted-file headers carry. The passphrase wrap's
 * additional data binds format, version, keyId and every kdf parameter, so none can be
 * changed without the unwrap failing.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IsoDateTime, formatHeader } from '../../../shared/formats/common';
import { describeIssues } from '../../../shared/formats/issues';
import { StrictJsonError, parseStrictJson } from '../../../shared/formats/strict-json';
import { ServiceError } from '../../../shared/ipc/result';
import type { SecretStore } from '../ports';
import { KEY_BYTES, keyIdOf } from './encrypted-file';

export const STORE_KEY_FILE = 'store-key.json';
const FORMAT = 'store-key';
const FORMAT_VERSION = 1;
/** The shortest passphrase accepted for a new key, in characters (grapheme clusters). */
export const MIN_PASSPHRASE_CHARACTERS = 12;
/** scrypt cost for new keys: N = 2^17, r = 8, p = 1 (128 MiB, about a second on a slow machine). */
export const DEFAULT_SCRYPT_LOG2_N = 17;
/** The cheapest and dearest N a key file may name; outside that it is refused as damaged. */
export const MIN_SCRYPT_LOG2_N = 15;
export const MAX_SCRYPT_LOG2_N = 20;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** A key file is a few hundred bytes; anything much larger is not one. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

export type StoreKeyStatus = 'none' | 'secret-store' | 'passphrase';

/** How a new key (or a re-wrapped one) is protected. `scryptLog2N` is for tests and slow machines (min 15). */
export type KeyProtection = { secrets: SecretStore } | { passphrase: string; scryptLog2N?: number };

/** What may unlock the key; the key file says which of the two it needs. */
export type KeyUnlock = { secrets?: SecretStore | null; passphrase?: string };

const base64Bytes = (bytes: number | null) =>
  z.string().refine(
    (value) => {
      const decoded = Buffer.from(value, 'base64');
      return decoded.toString('base64') === value && (bytes === null ? decoded.length > 0 : decoded.length === bytes);
    },
    { error: bytes === null ? 'expected base64 bytes' : `expected ${bytes} bytes in base64` },
  );

const Common = {
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  keyId: z.string().regex(/^[0-9a-f]{32}$/, { error: 'expected 32 lowercase hex digits' }),
  createdAt: IsoDateTime,
};

const SecretStoreKeyFile = z.strictObject({
  ...Common,
  protection: z.literal('secret-store'),
  /** The data key as the secret store sealed it. */
  sealed: base64Bytes(null).refine((value) => value.length <= 8192, { error: 'too long for a sealed key' }),
});

const PassphraseKeyFile = z.strictObject({
  ...Common,
  protection: z.literal('passphrase'),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .refine((n) => n >= 2 ** MIN_SCRYPT_LOG2_N && n <= 2 ** MAX_SCRYPT_LOG2_N && (n & (n - 1)) === 0, {
        error: `expected a power of two from 2^${MIN_SCRYPT_LOG2_N} to 2^${MAX_SCRYPT_LOG2_N}`,
      }),
    r: z.literal(SCRYPT_R, { error: `expected ${SCRYPT_R}` }),
    p: z.literal(SCRYPT_P, { error: `expected ${SCRYPT_P}` }),
    salt: base64Bytes(SALT_BYTES),
  }),
  wrap: z.strictObject({
    cipher: z.literal('aes-256-gcm'),
    nonce: base64Bytes(NONCE_BYTES),
    ciphertext: base64Bytes(KEY_BYTES),
    tag: base64Bytes(TAG_BYTES),
  }),
});

const StoreKeyFile = z.discriminatedUnion('protection', [SecretStoreKeyFile, PassphraseKeyFile], {
  error: 'expected "secret-store" or "passphrase"',
});
type StoreKeyFile = z.output<typeof StoreKeyFile>;
type PassphraseKeyFile = z.output<typeof PassphraseKeyFile>;

export const storeKeyPath = (dataDir: string): string => join(dataDir, STORE_KEY_FILE);

/** Whether the workspace has a data key yet, and how it is protected. A damaged key file is `store.key-invalid`. */
export async function storeKeyStatus(dataDir: string): Promise<StoreKeyStatus> {
  const file = await readKeyFile(dataDir);
  return file ? file.protection : 'none';
}

/**
 * Makes the workspace's data key and writes it wrapped as `protection` says. Refuses
 * (`store.key-exists`) when the workspace has one: replacing it would leave every stored file
 * unreadable. Returns the data key.
 */
export async function createStoreKey(dataDir: string, protection: KeyProtection): Promise<Buffer> {
  const path = storeKeyPath(dataDir);
  if (await readKeyFile(dataDir)) throw keyExists(path);
  const key = randomBytes(KEY_BYTES);
  const file = await wrap(key, protection, new Date().toISOString(), path);
  await writeKeyFile(dataDir, file, 'create');
  return key;
}

/**
 * The workspace's data key, unwrapped with whichever of `unlock` the key file needs. Errors:
 * `store.key-missing`, `store.key-invalid`, `store.wrong-passphrase`, `store.passphrase-required`,
 * `store.keychain-unavailable`, `store.keychain-failed`.
 */
export async function unlockStoreKey(dataDir: string, unlock: KeyUnlock): Promise<Buffer> {
  const path = storeKeyPath(dataDir);
  const file = await readKeyFile(dataDir);
  if (!file) {
    throw new ServiceError('store.key-missing', `The workspace has no data key (${path} does not exist); create one before importing candidates.`, { file: path });
  }
  return unwrap(file, unlock, path);
}

/**
 * Unwraps the data key with `unlock` and writes it wrapped as `next` says (a new passphrase, or a
 * move between passphrase and secret store). The key itself, and so every stored file, is unchanged.
 */
export async function rewrapStoreKey(dataDir: string, unlock: KeyUnlock, next: KeyProtection): Promise<void> {
  const path = storeKeyPath(dataDir);
  const file = await readKeyFile(dataDir);
  if (!file) throw new ServiceError('store.key-missing', `The workspace has no data key (${path} does not exist), so there is nothing to change.`, { file: path });
  const key = await unwrap(file, unlock, path);
  await writeKeyFile(dataDir, await wrap(key, next, file.createdAt, path), 'replace');
}

/** Changes the passphrase of a passphrase-protected key (`store.wrong-passphrase` if `current` is not it). */
export async function changePassphrase(dataDir: string, current: string, next: string, options: { scryptLog2N?: number } = {}): Promise<void> {
  await rewrapStoreKey(dataDir, { passphrase: current }, { passphrase: next, ...options });
}

/** Refuses a new passphrase shorter than MIN_PASSPHRASE_CHARACTERS (`store.passphrase-too-short`). */
export function checkNewPassphrase(passphrase: string): void {
  // Characters as people count them (grapheme clusters): "é" is one however it was typed.
  const characters = Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(passphrase.normalize('NFC'))).length;
  if (characters < MIN_PASSPHRASE_CHARACTERS) {
    throw new ServiceError(
      'store.passphrase-too-short',
      `The passphrase must be at least ${MIN_PASSPHRASE_CHARACTERS} characters long (this one has ${characters}); choose a longer one.`,
      { minimum: MIN_PASSPHRASE_CHARACTERS, actual: characters },
    );
  }
}

async function wrap(key: Buffer, protection: KeyProtection, createdAt: string, path: string): Promise<StoreKeyFile> {
  const keyId = keyIdOf(key);
  if ('secrets' in protection) {
    const { secrets } = protection;
    if (!secrets.isAvailable()) {
      throw new ServiceError(
        'store.keychain-unavailable',
        `The operating system keychain is not available on this computer, so the workspace key (${path}) cannot be kept in it; protect it with a passphrase instead.`,
        { file: path },
      );
    }
    let sealed: Uint8Array;
    try {
      sealed = await secrets.encrypt(key);
    } catch (error) {
      throw new ServiceError(
        'store.keychain-failed',
        `The operating system keychain could not protect the workspace key (${path}): ${(error as Error).message}. Try again, or protect it with a passphrase instead.`,
        { file: path },
      );
    }
    return { format: FORMAT, formatVersion: FORMAT_VERSION, keyId, createdAt, protection: 'secret-store', sealed: Buffer.from(sealed).toString('base64') };
  }
  checkNewPassphrase(protection.passphrase);
  const log2N = protection.scryptLog2N ?? DEFAULT_SCRYPT_LOG2_N;
  if (!Number.isInteger(log2N) || log2N < MIN_SCRYPT_LOG2_N || log2N > MAX_SCRYPT_LOG2_N) {
    throw new RangeError(`scryptLog2N must be a whole number from ${MIN_SCRYPT_LOG2_N} to ${MAX_SCRYPT_LOG2_N} (got ${log2N})`);
  }
  const kdf: PassphraseKeyFile['kdf'] = { name: 'scrypt', N: 2 ** log2N, r: SCRYPT_R, p: SCRYPT_P, salt: randomBytes(SALT_BYTES).toString('base64') };
  const kek = await deriveKek(protection.passphrase, kdf);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(wrapAad(keyId, kdf));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    keyId,
    createdAt,
    protection: 'passphrase',
    kdf,
    wrap: { cipher: 'aes-256-gcm', nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
  };
}

async function unwrap(file: StoreKeyFile, unlock: KeyUnlock, path: string): Promise<Buffer> {
  let key: Buffer;
  if (file.protection === 'secret-store') {
    const secrets = unlock.secrets;
    if (!secrets?.isAvailable()) {
      throw new ServiceError(
        'store.keychain-unavailable',
        `The workspace key (${path}) is kept in the operating system keychain, which is not available now. Unlock the keychain (sign in to the desktop session) and start the workstation again.`,
        { file: path },
      );
    }
    try {
      key = Buffer.from(await secrets.decrypt(Buffer.from(file.sealed, 'base64')));
    } catch (error) {
      throw new ServiceError(
        'store.keychain-failed',
        `The operating system keychain could not unlock the workspace key (${path}): ${(error as Error).message}. A workspace copied from another computer or user account cannot be opened here; import its packages again.`,
        { file: path },
      );
    }
  } else {
    if (unlock.passphrase === undefined) {
      throw new ServiceError('store.passphrase-required', `The workspace key (${path}) is protected by a passphrase; enter it to open the candidate store.`, { file: path });
    }
    const kek = await deriveKek(unlock.passphrase, file.kdf);
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(file.wrap.nonce, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(wrapAad(file.keyId, file.kdf));
    decipher.setAuthTag(Buffer.from(file.wrap.tag, 'base64'));
    try {
      key = Buffer.concat([decipher.update(Buffer.from(file.wrap.ciphertext, 'base64')), decipher.final()]);
    } catch {
      throw new ServiceError(
        'store.wrong-passphrase',
        `The passphrase does not unlock the workspace key (${path}). Check Caps Lock and the keyboard layout, and try again.`,
        { file: path },
      );
    }
  }
  if (key.length !== KEY_BYTES || keyIdOf(key) !== file.keyId) throw keyInvalid(path, 'keyId', 'does not match the key it describes');
  return key;
}

function deriveKek(passphrase: string, kdf: PassphraseKeyFile['kdf']): Promise<Buffer> {
  // NFC, so the same passphrase typed through different input methods gives the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  const maxmem = 2 * 128 * kdf.N * kdf.r;
  return new Promise((resolve, reject) => {
    scrypt(secret, Buffer.from(kdf.salt, 'base64'), KEY_BYTES, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (error, derived) => {
      if (error) reject(error);
      else resolve(derived);
    });
  });
}

function wrapAad(keyId: string, kdf: PassphraseKeyFile['kdf']): Buffer {
  return Buffer.from(JSON.stringify([FORMAT, FORMAT_VERSION, keyId, kdf.name, kdf.N, kdf.r, kdf.p, kdf.salt]), 'utf8');
}

function keyInvalid(path: string, field: string, problem: string): ServiceError {
  return new ServiceError(
    'store.key-invalid',
    `The workspace key file ${path} is damaged (${field}: ${problem}). Restore it from a backup; without it the stored candidates cannot be opened and must be imported again.`,
    { file: path, field, problem },
  );
}

function keyExists(path: string): ServiceError {
  return new ServiceError('store.key-exists', `The workspace already has a data key (${path}); unlock it instead of creating a new one.`, { file: path });
}

/** The parsed key file, or null when there is none. */
async function readKeyFile(dataDir: string): Promise<StoreKeyFile | null> {
  const path = storeKeyPath(dataDir);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ServiceError('store.key-read-failed', `The workspace key file ${path} could not be read: ${(error as Error).message}. Check its permissions.`, { file: path });
  }
  if (bytes.length > MAX_KEY_FILE_BYTES) throw keyInvalid(path, '(root)', `${bytes.length} bytes, far too large for a key file`);
  let raw: unknown;
  try {
    raw = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    if (error instanceof StrictJsonError) throw keyInvalid(path, `line ${error.line}, column ${error.column}`, error.message);
    throw keyInvalid(path, '(root)', 'not UTF-8 text');
  }
  // format and formatVersion first, so a newer or foreign file says so rather than listing fields.
  const header = formatHeader(FORMAT, FORMAT_VERSION).safeParse(raw);
  const parsed = header.success ? StoreKeyFile.safeParse(raw) : header;
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0]!;
    throw keyInvalid(path, first.field, first.problem);
  }
  return parsed.data;
}

/**
 * Writes the key file atomically: a temporary file (mode 0o600) is written and fsync'ed, then
 * linked into place when creating (which fails rather than replace an existing key) or renamed
 * over the old one when replacing, and the directory is fsync'ed where the platform allows.
 */
async function writeKeyFile(dataDir: string, file: StoreKeyFile, mode: 'create' | 'replace'): Promise<void> {
  const path = storeKeyPath(dataDir);
  const temp = join(dataDir, `.${STORE_KEY_FILE}.${randomUUID()}.tmp`);
  const failed = (error: unknown) =>
    new ServiceError('store.key-write-failed', `The workspace key file ${path} could not be written: ${(error as Error).message}. Check the free space and permissions of the workspace folder.`, {
      file: path,
    });
  try {
    await mkdir(dataDir, { recursive: true });
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode === 'create') {
      try {
        await link(temp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw keyExists(path);
        throw error;
      }
    } else {
      await rename(temp, path);
    }
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw failed(error);
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
  await syncDirectory(dataDir);
}

/** fsync of a directory makes a rename durable on POSIX; Windows cannot open a directory for it, and needs none. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the file itself is already on disk.
  }
}
