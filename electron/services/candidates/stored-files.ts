/**
 * How services read the payload files of a stored candidate: decrypted with the workspace key
 * the import encrypted them with (`meta.encryption`). A file of another key, or of an older
 * unencrypted store, is refused with a message that says what to do.
 */
import { ServiceError } from '../../../shared/ipc/result';
import { keyIdOf, openEncryptedFile } from '../at-rest/encrypted-file';
import type { OpenBytes } from '../tables/open-bytes';
import type { StoredMeta } from './candidate-store';

/** An opener for `meta`'s payload files; `key` is asked for at each open (it throws while the workspace is locked). */
export function storedFileOpener(meta: StoredMeta, key: () => Uint8Array): OpenBytes {
  const { encryption } = meta;
  return async (path, file) => {
    if (!encryption) {
      throw new ServiceError(
        'store.unencrypted',
        `"${file}" of ${meta.id} revision ${meta.revision} was stored by an older build, without encryption. Remove the candidate from the workspace and import its package again.`,
        { id: meta.id, revision: meta.revision, file },
      );
    }
    const current = key();
    if (keyIdOf(current) !== encryption.keyId) {
      throw new ServiceError(
        'store.wrong-key',
        `"${file}" of ${meta.id} revision ${meta.revision} was stored with another workspace key than this workspace's. Import its package again.`,
        { id: meta.id, revision: meta.revision, file },
      );
    }
    return openEncryptedFile(path, current, { name: file });
  };
}
