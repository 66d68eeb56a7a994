/**
 * The SecretStore port over Electron's safeStorage (OS keychain / DPAPI / libsecret). Bytes
 * are carried as base64 through safeStorage's string API. On Linux without a keyring,
 * safeStorage falls back to a hard-coded key (`basic_text`); that is not protection, so the
 * store then reports itself unavailable and callers must not rely on it.
 */
import type { SecretStore } from '../services/ports';

/** The part of Electron's `safeStorage` this module uses. */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
};

export function createSecretStore(safeStorage: SafeStorageLike, platform: string): SecretStore {
  const isAvailable = () => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
    return true;
  };
  const ensure = () => {
    if (!isAvailable()) throw new Error('The operating system keychain is not available, so secrets cannot be protected on this machine.');
  };
  return {
    isAvailable,
    encrypt: (plain) =>
      settle(() => {
        ensure();
        return new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('base64')));
      }),
    decrypt: (sealed) =>
      settle(() => {
        ensure();
        return new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64'));
      }),
  };
}

/** Runs synchronous work so that a throw becomes a rejected promise, as the port promises. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}
