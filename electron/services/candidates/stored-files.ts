/**
 * How services read the payload files of a stored candidate: decrypted with the workspace key
 * the import encrypted them with (`meta.encryption`). A file of another key, or of an older
 * unencrypted store, is refused with a message that says what to do.
 */
import { ServiceError } from '../../../shared/ipc/result';
import { keyIdOf, openEncryptedFile } from '../at-rest/encrypted-file';
import type { OpenBytes } from '../tables/open-bytes';
import type { StoredMeta } from './candidate-store';

/** The workspace key, checked to be the one `meta`'s payloads were stored with. */
export function storedKey(meta: StoredMeta, key: () => Uint8Array, file = 'its files'): Uint8Array {
  const { encryption } = meta;
  if (!encryption) {
    throw new ServiceError(
      'store.unencrypted',
      `${file === 'its files' ? 'The files' : `"${file}"`} of ${meta.id} revision ${meta.revision} were stored by an older build, without encryption. Remove the candidate from the workspace and import its package again.`,
      { id: meta.id, revision: meta.revision, file },
    );
  }
  const current = key();
  if (keyIdOf(current) !== encryption.keyId) {
    throw new ServiceError(
      'store.wrong-key',
      `${file === 'its files' ? 'The files' : `"${file}"`} of ${meta.id} revision ${meta.revision} were stored with another workspace key than this workspace's. Import its package again.`,
      { id: meta.id, revision: meta.revision, file },
    );
  }
  return current;
}

/** An opener for `meta`'s payload files; `key` is asked for at each open (it throws while the workspace is locked). */
export function storedFileOpener(meta: StoredMeta, key: () => Uint8Array): OpenBytes {
  return async (path, file) => openEncryptedFile(path, storedKey(meta, key, file), { name: file });
}
