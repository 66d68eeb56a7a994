import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SecretStore } from '../ports';
import { encryptToFile, keyIdOf, openEncryptedFile } from './encrypted-file';
import { changePassphrase, createStoreKey, rewrapStoreKey, storeKeyPath, storeKeyStatus, unlockStoreKey } from './store-key';

const root = mkdtempSync(join(tmpdir(), 'store-key-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
let dirNumber = 0;
const newDataDir = () => join(root, `workspace-${++dirNumber}`);

/** A stand-in for the OS keychain: AES-256-GCM under a key only this object knows. */
function fakeSecretStore(options: { available?: boolean; failDecrypt?: boolean } = {}): SecretStore {
  const machineKey = randomBytes(32);
  return {
    isAvailable: () => options.available ?? true,
    encrypt(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', machineKey, nonce);
      return Promise.resolve(new Uint8Array(Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()])));
    },
    decrypt(sealed) {
      if (options.failDecrypt) return Promise.reject(new Error('the keychain refused'));
      const bytes = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', machineKey, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(-16));
      return Promise.resolve(new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(12, -16)), decipher.final()])));
    },
  };
}

/** The cheapest scrypt cost the key file accepts, to keep the tests quick. */
const FAST = { scryptLog2N: 15 };
const PASSPHRASE = 'correct horse battery staple';

const readJson = (dataDir: string) => JSON.parse(readFileSync(storeKeyPath(dataDir), 'utf8')) as Record<string, unknown>;
const writeJson = (dataDir: string, value: unknown) => {
  writeFileSync(storeKeyPath(dataDir), JSON.stringify(value));
};
const noTempFiles = (dataDir: string) => expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

describe('with the OS secret store', () => {
  it('creates, reports and unlocks the same key', async () => {
    const dataDir = newDataDir();
    const secrets = fakeSecretStore();
    expect(await storeKeyStatus(dataDir)).toBe('none');
    const key = await createStoreKey(dataDir, { secrets });
    expect(key.length).toBe(32);
    expect(await storeKeyStatus(dataDir)).toBe('secret-store');
    expect((await unlockStoreKey(dataDir, { secrets })).equals(key)).toBe(true);

    const file = readJson(dataDir);
    expect(file).toMatchObject({ format: 'store-key', formatVersion: 1, protection: 'secret-store', keyId: keyIdOf(key) });
    expect(readFileSync(storeKeyPath(dataDir), 'utf8')).not.toContain(key.toString('base64'));
    if (process.platform !== 'win32') expect(statSync(storeKeyPath(dataDir)).mode & 0o777).toBe(0o600);
    noTempFiles(dataDir);
  });

  it('never replaces an existing key', async () => {
    const dataDir = newDataDir();
    const secrets = fakeSecretStore();
    const key = await createStoreKey(dataDir, { secrets });
    await expect(createStoreKey(dataDir, { secrets })).rejects.toMatchObject({ code: 'store.key-exists' });
    await expect(createStoreKey(dataDir, { passphrase: PASSPHRASE, ...FAST })).rejects.toMatchObject({ code: 'store.key-exists' });
    expect((await unlockStoreKey(dataDir, { secrets })).equals(key)).toBe(true);
    noTempFiles(dataDir);
  });

  it('says so when the keychain is unavailable or refuses', async () => {
    const dataDir = newDataDir();
    await expect(createStoreKey(dataDir, { secrets: fakeSecretStore({ available: false }) })).rejects.toMatchObject({
      code: 'store.keychain-unavailable',
      message: expect.stringContaining('passphrase') as unknown,
    });
    expect(await storeKeyStatus(dataDir)).toBe('none');

    await createStoreKey(dataDir, { secrets: fakeSecretStore() });
    await expect(unlockStoreKey(dataDir, {})).rejects.toMatchObject({ code: 'store.keychain-unavailable' });
    await expect(unlockStoreKey(dataDir, { secrets: null, passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'store.keychain-unavailable' });
    await expect(unlockStoreKey(dataDir, { secrets: fakeSecretStore({ failDecrypt: true }) })).rejects.toMatchObject({ code: 'store.keychain-failed' });
    // Another machine's keychain cannot open it either.
    await expect(unlockStoreKey(dataDir, { secrets: fakeSecretStore() })).rejects.toMatchObject({ code: 'store.keychain-failed' });
  });

  it('refuses a sealed key that does not match its key id', async () => {
    const dataDir = newDataDir();
    const secrets = fakeSecretStore();
    await createStoreKey(dataDir, { secrets });
    writeJson(dataDir, { ...readJson(dataDir), keyId: '0'.repeat(32) });
    await expect(unlockStoreKey(dataDir, { secrets })).rejects.toMatchObject({ code: 'store.key-invalid' });
  });
});

describe('with a passphrase', () => {
  it('creates, reports and unlocks the same key; a wrong passphrase is refused', async () => {
    const dataDir = newDataDir();
    const key = await createStoreKey(dataDir, { passphrase: PASSPHRASE, ...FAST });
    expect(await storeKeyStatus(dataDir)).toBe('passphrase');
    expect((await unlockStoreKey(dataDir, { passphrase: PASSPHRASE })).equals(key)).toBe(true);
    await expect(unlockStoreKey(dataDir, { passphrase: 'correct horse battery stapler' })).rejects.toMatchObject({
      code: 'store.wrong-passphrase',
      message: expect.stringContaining('store-key.json') as unknown,
    });
    await expect(unlockStoreKey(dataDir, { secrets: fakeSecretStore() })).rejects.toMatchObject({ code: 'store.passphrase-required' });

    const file = readJson(dataDir);
    expect(file).toMatchObject({ protection: 'passphrase', kdf: { name: 'scrypt', N: 2 ** 15, r: 8, p: 1 }, wrap: { cipher: 'aes-256-gcm' } });
    noTempFiles(dataDir);
  });

  it('uses scrypt with N = 2^17 by default', async () => {
    const dataDir = newDataDir();
    const key = await createStoreKey(dataDir, { passphrase: PASSPHRASE });
    expect(readJson(dataDir)).toMatchObject({ kdf: { N: 2 ** 17, r: 8, p: 1 } });
    expect((await unlockStoreKey(dataDir, { passphrase: PASSPHRASE })).equals(key)).toBe(true);
  });

  it('accepts the passphrase however its characters were composed (NFC)', async () => {
    const dataDir = newDataDir();
    const composed = 'café au lait ☕ 出域审核';
    const key = await createStoreKey(dataDir, { passphrase: composed, ...FAST });
    expect((await unlockStoreKey(dataDir, { passphrase: composed.normalize('NFD') })).equals(key)).toBe(true);
  });

  it('refuses a passphrase shorter than 12 characters, and writes nothing', async () => {
    const dataDir = newDataDir();
    await expect(createStoreKey(dataDir, { passphrase: 'short pass1', ...FAST })).rejects.toMatchObject({
      code: 'store.passphrase-too-short',
      message: expect.stringContaining('at least 12 characters') as unknown,
    });
    expect(await storeKeyStatus(dataDir)).toBe('none');
    // Twelve Chinese characters are twelve characters.
    await createStoreKey(dataDir, { passphrase: '审核员的口令足够长了吧是的', ...FAST });
  });

  it('changes the passphrase without changing the key', async () => {
    const dataDir = newDataDir();
    const key = await createStoreKey(dataDir, { passphrase: PASSPHRASE, ...FAST });
    const before = readJson(dataDir);
    const encrypted = join(dataDir, 'payload.enc');
    await encryptToFile([Buffer.from('row 1\nrow 2\n')], encrypted, key);

    await expect(changePassphrase(dataDir, 'not the passphrase', 'a brand new passphrase', FAST)).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
    await expect(changePassphrase(dataDir, PASSPHRASE, 'too short', FAST)).rejects.toMatchObject({ code: 'store.passphrase-too-short' });
    await changePassphrase(dataDir, PASSPHRASE, 'a brand new passphrase', FAST);

    await expect(unlockStoreKey(dataDir, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
    const unlocked = await unlockStoreKey(dataDir, { passphrase: 'a brand new passphrase' });
    expect(unlocked.equals(key)).toBe(true);
    expect(readJson(dataDir)).toMatchObject({ keyId: before.keyId, createdAt: before.createdAt });
    const source = await openEncryptedFile(encrypted, unlocked);
    try {
      expect((await source.read(0, source.size)).toString()).toBe('row 1\nrow 2\n');
    } finally {
      await source.close();
    }
    noTempFiles(dataDir);
  });

  it('moves between passphrase and secret store', async () => {
    const dataDir = newDataDir();
    const secrets = fakeSecretStore();
    const key = await createStoreKey(dataDir, { passphrase: PASSPHRASE, ...FAST });
    await rewrapStoreKey(dataDir, { passphrase: PASSPHRASE }, { secrets });
    expect(await storeKeyStatus(dataDir)).toBe('secret-store');
    expect((await unlockStoreKey(dataDir, { secrets })).equals(key)).toBe(true);
    await rewrapStoreKey(dataDir, { secrets }, { passphrase: 'another long passphrase', ...FAST });
    expect((await unlockStoreKey(dataDir, { passphrase: 'another long passphrase' })).equals(key)).toBe(true);
  });

  it('refuses a key file whose key id or scrypt parameters were changed', async () => {
    const dataDir = newDataDir();
    await createStoreKey(dataDir, { passphrase: PASSPHRASE, ...FAST });
    const original = readJson(dataDir);
    const kdf = original.kdf as Record<string, unknown>;
    writeJson(dataDir, { ...original, keyId: 'f'.repeat(32) });
    await expect(unlockStoreKey(dataDir, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
    writeJson(dataDir, { ...original, kdf: { ...kdf, N: 2 ** 16 } });
    await expect(unlockStoreKey(dataDir, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
    writeJson(dataDir, { ...original, kdf: { ...kdf, N: 2 ** 10 } });
    await expect(unlockStoreKey(dataDir, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'store.key-invalid', params: { field: 'kdf.N' } });
  });
});

describe('a missing or damaged key file', () => {
  it('no key yet', async () => {
    await expect(unlockStoreKey(newDataDir(), { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'store.key-missing' });
    await expect(changePassphrase(newDataDir(), PASSPHRASE, 'a brand new passphrase')).rejects.toMatchObject({ code: 'store.key-missing' });
  });

  it('is refused as store.key-invalid, naming the file and the problem', async () => {
    const dataDir = newDataDir();
    await createStoreKey(dataDir, { passphrase: PASSPHRASE, ...FAST });
    const original = readFileSync(storeKeyPath(dataDir), 'utf8');
    const good = readJson(dataDir);
    const wrap = good.wrap as Record<string, unknown>;
    const cases: Record<string, [string, RegExp]> = {
      'not JSON': ['{"format": "store-key",', /store-key\.json is damaged/],
      'a duplicate key': [original.replace('"protection": "passphrase",', '"protection": "passphrase", "protection": "secret-store",'), /duplicate key "protection"/],
      'not UTF-8': ['\uFFFF', /./],
      'another format': [JSON.stringify({ ...good, format: 'settings' }), /format: expected format "store-key"/],
      'a newer version': [JSON.stringify({ ...good, formatVersion: 2 }), /newer than this workstation supports/],
      'an unknown protection': [JSON.stringify({ ...good, protection: 'tpm' }), /protection/],
      'an unexpected field': [JSON.stringify({ ...good, key: 'AAAA' }), /key/],
      'a missing field': [JSON.stringify({ ...good, wrap: { ...wrap, tag: undefined } }), /wrap\.tag/],
      'a short ciphertext': [JSON.stringify({ ...good, wrap: { ...wrap, ciphertext: Buffer.alloc(31).toString('base64') } }), /wrap\.ciphertext: expected 32 bytes/],
      'not base64': [JSON.stringify({ ...good, wrap: { ...wrap, nonce: '!!!!!!!!!!!!!!!!' } }), /wrap\.nonce/],
      'an array': ['[]', /./],
    };
    for (const [label, [text, message]] of Object.entries(cases)) {
      writeFileSync(storeKeyPath(dataDir), label === 'not UTF-8' ? Buffer.of(0x7b, 0xff, 0x7d) : text);
      for (const attempt of [() => storeKeyStatus(dataDir), () => unlockStoreKey(dataDir, { passphrase: PASSPHRASE })]) {
        const error = await attempt().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, label).toMatchObject({ code: 'store.key-invalid', params: { file: storeKeyPath(dataDir) } });
        expect((error as Error).message, label).toMatch(message);
        expect((error as Error).message, label).toContain(storeKeyPath(dataDir));
      }
      // A damaged key file is never silently replaced.
      await expect(createStoreKey(dataDir, { passphrase: PASSPHRASE, ...FAST })).rejects.toMatchObject({ code: 'store.key-invalid' });
    }
  });
});
