/**
 * Private and public key files in main: a PKCS#8 private key encrypted under a passphrase
 * (scrypt + AES-256-GCM, the structure and the reasons for it in
 * shared/crypto/encrypted-pkcs8.ts) or left unencrypted for OpenSSL, and the `public.pem` /
 * `private.pem` pair written without ever replacing an existing file. Errors are ServiceErrors
 * naming the file: `keys.wrong-passphrase`, `keys.passphrase-required`, `keys.invalid`,
 * `keys.exists`, `keys.write-failed`, `keys.read-failed`.
 */
import { createCipheriv, createDecipheriv, pbkdf2, randomBytes, scrypt } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  GCM_NONCE_BYTES,
  GCM_TAG_BYTES,
  KEY_LENGTH,
  SCRYPT_P,
  SCRYPT_R,
  encodeEncryptedPrivateKey,
  encodeEncryptionAlgorithm,
  encryptedPrivateKeyPem,
  readPrivateKeyPem,
  type EncryptedPrivateKey,
  type Pbes2Kdf,
} from '../../../shared/crypto/encrypted-pkcs8';
import { CryptoInputError, privateKeyFromPkcs8, publicKeyFromPkcs8, type PrivateKeyHandle, type PublicKey } from '../../../shared/crypto/signing';
import { ServiceError } from '../../../shared/ipc/result';
import { checkNewPassphrase } from '../at-rest/store-key';

export const PUBLIC_KEY_FILE = 'public.pem';
export const PRIVATE_KEY_FILE = 'private.pem';
/** scrypt cost of new key files: N = 2^17 (128 MiB, about a second), as for the workspace key. */
export const DEFAULT_SCRYPT_LOG2N = 17;
const SALT_BYTES = 16;
/** A key file is a few hundred bytes. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/**
 * PEM `ENCRYPTED PRIVATE KEY` of `pkcs8Der` under `passphrase` (at least 12 characters:
 * `store.passphrase-too-short` otherwise). `scryptLog2N` is for tests (min 15).
 */
export async function encryptPrivateKey(pkcs8Der: Uint8Array, passphrase: string, options: { scryptLog2N?: number } = {}): Promise<string> {
  checkNewPassphrase(passphrase);
  const kdf: Pbes2Kdf = { name: 'scrypt', salt: randomBytes(SALT_BYTES), log2N: options.scryptLog2N ?? DEFAULT_SCRYPT_LOG2N, r: SCRYPT_R, p: SCRYPT_P };
  const nonce = randomBytes(GCM_NONCE_BYTES);
  const algorithm = encodeEncryptionAlgorithm(kdf, nonce); // checks the cost bounds
  const kek = await deriveKey(passphrase, kdf);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(algorithm);
  const ciphertext = Buffer.concat([cipher.update(pkcs8Der), cipher.final()]);
  kek.fill(0);
  return encryptedPrivateKeyPem(encodeEncryptedPrivateKey(algorithm, ciphertext, cipher.getAuthTag()));
}

/**
 * The PKCS#8 DER inside an encrypted key; `keys.wrong-passphrase` when the passphrase does not
 * open it (AES-GCM's tag fails: never garbage). `source` names the file in errors.
 */
export async function decryptPrivateKey(key: EncryptedPrivateKey, passphrase: string, source: string): Promise<Uint8Array> {
  const kek = await deriveKey(passphrase, key.kdf);
  const decipher = createDecipheriv('aes-256-gcm', kek, key.nonce, { authTagLength: GCM_TAG_BYTES });
  decipher.setAAD(key.aad);
  decipher.setAuthTag(key.tag);
  try {
    return new Uint8Array(Buffer.concat([decipher.update(key.ciphertext), decipher.final()]));
  } catch {
    throw new ServiceError(
      'keys.wrong-passphrase',
      `The passphrase does not unlock the private key ${source} (or the file was changed). Check Caps Lock and the keyboard layout, and try again.`,
      { file: source },
    );
  } finally {
    kek.fill(0);
  }
}

/**
 * A signing handle from a private key PEM: unencrypted PKCS#8, or encrypted (then `passphrase`
 * is required). `source` names the file in errors.
 */
export async function readPrivateKey(pem: string, options: { passphrase?: string | undefined; source: string }): Promise<{ handle: PrivateKeyHandle; publicKey: PublicKey; encrypted: boolean }> {
  const { source } = options;
  try {
    const read = readPrivateKeyPem(pem, `private key ${source}`);
    let der: Uint8Array;
    if (read.encrypted) {
      if (options.passphrase === undefined) {
        throw new ServiceError('keys.passphrase-required', `The private key ${source} is encrypted; give its passphrase.`, { file: source });
      }
      der = await decryptPrivateKey(read.key, options.passphrase, source);
    } else {
      der = read.pkcs8Der;
    }
    try {
      return { handle: privateKeyFromPkcs8(der), publicKey: publicKeyFromPkcs8(der), encrypted: read.encrypted };
    } finally {
      der.fill(0);
    }
  } catch (error) {
    if (error instanceof CryptoInputError) {
      throw new ServiceError('keys.invalid', error.message.includes(source) ? error.message : `${source}: ${error.message}`, { file: source });
    }
    throw error;
  }
}

/** Reads a key file (at most 64 KiB of UTF-8 text); `keys.read-failed` or `keys.invalid` otherwise. */
export async function readKeyFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ServiceError(
      'keys.read-failed',
      code === 'ENOENT' ? `The key file ${path} does not exist.` : `The key file ${path} could not be read: ${(error as Error).message}. Check its permissions.`,
      { file: path },
    );
  }
  if (bytes.length > MAX_KEY_FILE_BYTES) throw new ServiceError('keys.invalid', `${path} is ${bytes.length} bytes, far too large for a key file.`, { file: path });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ServiceError('keys.invalid', `${path} is not a PEM text file.`, { file: path });
  }
}

/**
 * Writes `public.pem` and `private.pem` into `dir` (created if needed). Refuses (`keys.exists`)
 * when either file is already there, and never replaces one: each is created exclusively, the
 * private key readable by its owner only (0600), and both are fsync'ed. If the second write
 * fails, the first file is removed again.
 */
export async function writeKeyPairFiles(dir: string, files: { publicPem: string; privatePem: string }): Promise<{ publicPath: string; privatePath: string }> {
  const publicPath = join(dir, PUBLIC_KEY_FILE);
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new ServiceError('keys.write-failed', `The folder ${dir} could not be created: ${(error as Error).message}.`, { file: dir });
  }
  await writeNew(privatePath, files.privatePem, 0o600);
  try {
    await writeNew(publicPath, files.publicPem, 0o644);
  } catch (error) {
    await rm(privatePath, { force: true }).catch(() => undefined);
    throw error;
  }
  return { publicPath, privatePath };
}

async function writeNew(path: string, content: string, mode: number): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'wx', mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ServiceError('keys.exists', `${path} already exists; the workstation never overwrites a key file. Choose another folder or move the old keys away.`, { file: path });
    }
    throw new ServiceError('keys.write-failed', `${path} could not be created: ${(error as Error).message}.`, { file: path });
  }
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true }).catch(() => undefined);
    throw new ServiceError('keys.write-failed', `${path} could not be written: ${(error as Error).message}. Check the free space.`, { file: path });
  }
  await handle.close();
}

function deriveKey(passphrase: string, kdf: Pbes2Kdf): Promise<Buffer> {
  // NFC, so the same passphrase typed through different input methods gives the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, derived: Buffer) => {
      secret.fill(0);
      if (error) reject(error);
      else resolve(derived);
    };
    if (kdf.name === 'scrypt') {
      const N = 2 ** kdf.log2N;
      scrypt(secret, kdf.salt, KEY_LENGTH, { N, r: kdf.r, p: kdf.p, maxmem: 2 * 128 * N * kdf.r }, done);
    } else {
      pbkdf2(secret, kdf.salt, kdf.iterations, KEY_LENGTH, 'sha256', done);
    }
  });
}
