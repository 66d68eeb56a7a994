// Passphrase-protected key files: a round trip, a wrong passphrase that is told as such (never
// garbage), a changed byte anywhere that is caught, PBKDF2 files that are read, and key pairs
// that are never written over existing files.
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeEncryptedPrivateKey, encodeEncryptionAlgorithm, encryptedPrivateKeyPem, parseEncryptedPrivateKey } from '../../../shared/crypto/encrypted-pkcs8';
import { decodePem } from '../../../shared/crypto/pem';
import { generateKeyPair, privateKeyPem, verifySignature } from '../../../shared/crypto/signing';
import { encryptPrivateKey, readPrivateKey, writeKeyPairFiles } from './private-key-file';

const root = mkdtempSync(join(tmpdir(), 'private-key-file-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
let n = 0;
const newDir = () => join(root, `d${++n}`);

const FAST = { scryptLog2N: 15 };
const PASSPHRASE = '审核员 correct horse battery';
const message = new TextEncoder().encode('record');

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('expected a rejection');
}

describe('encrypted private keys', () => {
  it('round-trips SM2 and Ed25519 keys; the file names scrypt and AES-256-GCM', async () => {
    for (const alg of ['SM2-SM3', 'Ed25519'] as const) {
      const { publicKey, pkcs8Der } = generateKeyPair(alg);
      const pem = await encryptPrivateKey(pkcs8Der, PASSPHRASE, FAST);
      expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
      const parsed = parseEncryptedPrivateKey(decodePem(pem, ['ENCRYPTED PRIVATE KEY'], 'k').der);
      expect(parsed.kdf).toMatchObject({ name: 'scrypt', log2N: 15, r: 8, p: 1 });
      const { handle, encrypted } = await readPrivateKey(pem, { passphrase: PASSPHRASE, source: 'test.pem' });
      expect(encrypted).toBe(true);
      expect(handle.keyId).toBe(publicKey.keyId);
      expect(verifySignature(publicKey, message, handle.sign(message))).toBe(true);
    }
  });

  it('the default cost is scrypt N = 2^17', async () => {
    const pem = await encryptPrivateKey(generateKeyPair('Ed25519').pkcs8Der, PASSPHRASE);
    expect(parseEncryptedPrivateKey(decodePem(pem, ['ENCRYPTED PRIVATE KEY'], 'k').der).kdf).toMatchObject({ log2N: 17 });
  });

  it('a wrong passphrase is a clear error, as is a missing one', async () => {
    const pem = await encryptPrivateKey(generateKeyPair('SM2-SM3').pkcs8Der, PASSPHRASE, FAST);
    const wrong = await codeOf(readPrivateKey(pem, { passphrase: 'another passphrase entirely', source: 'keys/private.pem' }));
    expect(wrong.code).toBe('keys.wrong-passphrase');
    expect(wrong.message).toContain('The passphrase does not unlock the private key keys/private.pem');
    expect((await codeOf(readPrivateKey(pem, { source: 'keys/private.pem' }))).code).toBe('keys.passphrase-required');
  });

  it('the passphrase is compared after NFC normalisation (é typed two ways)', async () => {
    const pem = await encryptPrivateKey(generateKeyPair('Ed25519').pkcs8Der, 'caf\u00e9 au lait sans sucre', FAST);
    const { handle } = await readPrivateKey(pem, { passphrase: 'cafe\u0301 au lait sans sucre', source: 'x' });
    expect(handle.alg).toBe('Ed25519');
  });

  it('refuses a short passphrase for a new file', async () => {
    expect((await codeOf(encryptPrivateKey(generateKeyPair('Ed25519').pkcs8Der, 'short', FAST))).code).toBe('store.passphrase-too-short');
  });

  it('a changed byte in the salt, the nonce, the ciphertext or the tag fails to open (never garbage)', async () => {
    const pem = await encryptPrivateKey(generateKeyPair('SM2-SM3').pkcs8Der, PASSPHRASE, FAST);
    const der = decodePem(pem, ['ENCRYPTED PRIVATE KEY'], 'k').der;
    const parsed = parseEncryptedPrivateKey(der);
    const at = (part: Uint8Array) => Buffer.from(der).indexOf(Buffer.from(part));
    const positions = [at(parsed.kdf.salt), at(parsed.nonce) + 11, at(parsed.ciphertext), at(parsed.ciphertext) + 60, der.length - 1];
    for (const i of positions) {
      const changed = der.slice();
      changed[i]! ^= 0x01;
      const result = await codeOf(readPrivateKey(encryptedPrivateKeyPem(changed), { passphrase: PASSPHRASE, source: 'x' }));
      expect(result.code).toBe('keys.wrong-passphrase');
      expect(result.message).toContain('or the file was changed');
    }
  });

  it('reads a PBKDF2-HMAC-SHA256 (600,000 iterations) + AES-256-GCM file', async () => {
    const { publicKey, pkcs8Der } = generateKeyPair('SM2-SM3');
    const salt = randomBytes(16);
    const nonce = randomBytes(12);
    const algorithm = encodeEncryptionAlgorithm({ name: 'pbkdf2-hmac-sha256', salt, iterations: 600_000 }, nonce);
    const key = pbkdf2Sync(Buffer.from(PASSPHRASE.normalize('NFC')), salt, 600_000, 32, 'sha256');
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(algorithm);
    const ciphertext = Buffer.concat([cipher.update(pkcs8Der), cipher.final()]);
    const pem = encryptedPrivateKeyPem(encodeEncryptedPrivateKey(algorithm, ciphertext, cipher.getAuthTag()));
    const { handle } = await readPrivateKey(pem, { passphrase: PASSPHRASE, source: 'x' });
    expect(handle.keyId).toBe(publicKey.keyId);
  });

  it('reads unencrypted PKCS#8 (no passphrase needed) and names the file when a key is malformed', async () => {
    const { publicKey, pkcs8Der } = generateKeyPair('Ed25519');
    expect((await readPrivateKey(privateKeyPem(pkcs8Der), { source: 'x' })).handle.keyId).toBe(publicKey.keyId);
    const bad = await codeOf(readPrivateKey('-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n', { source: 'keys/bad.pem' }));
    expect(bad.code).toBe('keys.invalid');
    expect(bad.message).toContain('keys/bad.pem');
  });
});

describe('writeKeyPairFiles', () => {
  it('writes public.pem and private.pem (0600) into a new folder', async () => {
    const dir = newDir();
    const { publicPath, privatePath } = await writeKeyPairFiles(dir, { publicPem: 'PUBLIC\n', privatePem: 'PRIVATE\n' });
    expect(readFileSync(publicPath, 'utf8')).toBe('PUBLIC\n');
    expect(readFileSync(privatePath, 'utf8')).toBe('PRIVATE\n');
    if (process.platform !== 'win32') expect(statSync(privatePath).mode & 0o777).toBe(0o600);
  });

  it('never overwrites: an existing private.pem or public.pem is refused and left as it was', async () => {
    const dir = newDir();
    await writeKeyPairFiles(dir, { publicPem: 'old public\n', privatePem: 'old private\n' });
    const again = await codeOf(writeKeyPairFiles(dir, { publicPem: 'new\n', privatePem: 'new\n' }));
    expect(again.code).toBe('keys.exists');
    expect(again.message).toContain('private.pem already exists');
    expect(readFileSync(join(dir, 'private.pem'), 'utf8')).toBe('old private\n');

    const onlyPublic = newDir();
    await writeKeyPairFiles(onlyPublic, { publicPem: 'x', privatePem: 'y' });
    rmSync(join(onlyPublic, 'private.pem'));
    writeFileSync(join(onlyPublic, 'public.pem'), 'kept\n');
    expect((await codeOf(writeKeyPairFiles(onlyPublic, { publicPem: 'new\n', privatePem: 'new\n' }))).code).toBe('keys.exists');
    expect(existsSync(join(onlyPublic, 'private.pem'))).toBe(false); // the half-written pair was removed
    expect(readFileSync(join(onlyPublic, 'public.pem'), 'utf8')).toBe('kept\n');
  });
});
