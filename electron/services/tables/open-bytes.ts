/**
 * How a table reader gets at a file's bytes: plain files on disk by default (a package checked
 * in place), a decrypting source for payloads in the encrypted store (`at-rest/`). A reader
 * closes what it opens.
 */
import { ServiceError } from '../../../shared/ipc/result';
import { openPlainFile, type ByteSource } from '../at-rest/byte-source';

export type OpenBytes = (path: string, file: string) => Promise<ByteSource>;

/** A plain file; a failure to open it is `tables.read-failed`, like any other read failure of a table. */
export const openPlain: OpenBytes = async (path, file) => {
  try {
    return await openPlainFile(path, { name: file });
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'file.read-failed') throw new ServiceError('tables.read-failed', error.message, { file });
    throw error;
  }
};
