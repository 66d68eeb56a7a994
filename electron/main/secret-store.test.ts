/** Tests of the safeStorage-backed SecretStore with a fake safeStorage. */
import { describe, expect, it } from 'vitest';
import { createSecretStore, type SafeStorageLike } from './secret-store';

function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(`sealed:${text}`, 'utf8'),
    decryptString: (buffer) => {
      const text = buffer.toString('utf8');
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice('sealed:'.length);
    },
  };
}

describe('createSecretStore', () => {
  it('round-trips arbitrary bytes, including ones that are not valid UTF-8', async () => {
    const store = createSecretStore(fakeSafeStorage(), 'linux');
    const plain = new Uint8Array([0, 255, 254, 1, 0xc3, 0x28, 10]);
    const sealed = await store.encrypt(plain);
    expect(Buffer.from(sealed).toString('utf8')).not.toContain('\u00ff');
    expect(await store.decrypt(sealed)).toEqual(plain);
  });

  it('is unavailable when safeStorage is, and refuses to encrypt', async () => {
    const store = createSecretStore(fakeSafeStorage(false), 'win32');
    expect(store.isAvailable()).toBe(false);
    await expect(store.encrypt(new Uint8Array([1]))).rejects.toThrow(/keychain is not available/);
  });

  it('treats the Linux basic_text fallback as unavailable', () => {
    expect(createSecretStore(fakeSafeStorage(true, 'basic_text'), 'linux').isAvailable()).toBe(false);
    expect(createSecretStore(fakeSafeStorage(true, 'kwallet5'), 'linux').isAvailable()).toBe(true);
  });

  it('propagates a decryption failure', async () => {
    const store = createSecretStore(fakeSafeStorage(), 'darwin');
    await expect(store.decrypt(new Uint8Array([1, 2, 3]))).rejects.toThrow(/decrypting/);
  });
});
