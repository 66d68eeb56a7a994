/**
 * Encryption at rest for the candidate store's payload files: a chunked AES-256-GCM format
 * that is written as a stream in constant memory and read back by plaintext byte offset, a
 * chunk at a time, so the row index can serve any row range without decrypting the file
 * from the start. Any change to a stored file fails authentication as `store.tampered`.
 *
 * File layout (all integers big-endian):
 *
 *   offset  bytes  field
 *   0       8      magic, ASCII "ERWENC01"
 *   8       1      format version, 1
 *   9       1      algorithm, 1 = AES-256-GCM with an HKDF-SHA256 per-file subkey
 *   10      2      reserved, 0
 *   12      4      C, plaintext bytes per chunk (64 … 16 MiB; the writer's default 65,536)
 *   16      16     file salt, random, fresh for every file
 *   32      16     key id: HKDF-SHA256(ikm = data key, salt = none, info = "ERWENC01 key id", 16)
 *   48      …      chunks 0 … n-1, each the ciphertext followed by its 16-byte GCM tag
 *
 * - Chunks 0 … n-2 hold exactly C plaintext bytes; chunk n-1, the final chunk, holds 0 … C-1.
 *   There is always a final chunk, so an empty file is the header plus one bare tag and a
 *   file whose length is a multiple of C ends with an empty final chunk. Hence the plaintext
 *   size follows from the file size: with body = size − 48, n − 1 = ⌊body / (C + 16)⌋ and the
 *   final chunk has body mod (C + 16) − 16 bytes (a remainder under 16 is not a valid file).
 * - Keys: okm = HKDF-SHA256(ikm = data key, salt = file salt, info = "ERWENC01 chunk key", 44);
 *   the chunk key is okm[0..32) and the nonce base okm[32..44). The nonce of chunk i is the
 *   nonce base XOR i as a 12-byte integer: unique within a file, and every file has its own
 *   key (128-bit random salt), so no (key, nonce) pair is ever used twice.
 * - Additional data of chunk i: the 48 header bytes ‖ i as 8 bytes ‖ 1 byte, 1 for the final
 *   chunk and 0 otherwise. So flipping any header bit, reordering or swapping chunks, moving a
 *   chunk in from another file (another salt, so another key), truncating, dropping or
 *   appending chunks all fail authentication. Opening a file checks the header and decrypts the
 *   final chunk, which authenticates the plaintext size before any caller relies on it.
 * - The key id names the data key (store-key.ts) that wrote a file; a different key is
 *   refused before any decryption is tried. It is a one-way function of the key.
 */
import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ServiceError } from '../../../shared/ipc/result';
import { DEFAULT_CHUNK_BYTES, STREAM_READ_BYTES, checkChunkBytes, clampRange, readAhead, readUpTo, rechunk, type ByteSource, type OpenOptions } from './byte-source';

export const MAGIC = Buffer.from('ERWENC01', 'latin1');
export const FORMAT_VERSION = 1;
export const ALGORITHM_AES_256_GCM_HKDF = 1;
export const HEADER_BYTES = 48;
export const TAG_BYTES = 16;
/** A data key is 32 bytes (AES-256). */
export const KEY_BYTES = 32;
/** Plaintext bytes per chunk the writer uses unless told otherwise: small enough that a random read decrypts little. */
export const DEFAULT_ENCRYPTED_CHUNK_BYTES = 64 * 1024;
export const MIN_CHUNK_BYTES = 64;
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
/** Decrypted chunks a reader keeps for repeated `read()`s of nearby ranges (1 MiB at the default chunk size). */
export const DEFAULT_CACHE_CHUNKS = 16;

const SALT_BYTES = 16;
const KEY_ID_BYTES = 16;
const NONCE_BYTES = 12;
const KEY_ID_INFO = Buffer.from('ERWENC01 key id', 'latin1');
const CHUNK_KEY_INFO = Buffer.from('ERWENC01 chunk key', 'latin1');

/** The key id of a data key as 32 lowercase hex digits (what headers and store-key.json carry). */
export function keyIdOf(key: Uint8Array): string {
  return keyIdBytes(checkKey(key)).toString('hex');
}

function keyIdBytes(key: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), KEY_ID_INFO, KEY_ID_BYTES));
}

function checkKey(key: Uint8Array): Uint8Array {
  if (key.length !== KEY_BYTES) throw new RangeError(`a data key must be ${KEY_BYTES} bytes (got ${key.length})`);
  return key;
}

function checkEncryptedChunkBytes(chunkBytes: number): number {
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
    throw new RangeError(`chunkBytes must be a whole number from ${MIN_CHUNK_BYTES} to ${MAX_CHUNK_BYTES} (got ${chunkBytes})`);
  }
  return chunkBytes;
}

/** Bytes on disk of an encrypted file holding `plainBytes` bytes. */
export function encryptedFileBytes(plainBytes: number, chunkBytes = DEFAULT_ENCRYPTED_CHUNK_BYTES): number {
  checkEncryptedChunkBytes(chunkBytes);
  return HEADER_BYTES + plainBytes + (Math.floor(plainBytes / chunkBytes) + 1) * TAG_BYTES;
}

/** The per-file cipher state both directions share. */
class FileCipher {
  readonly key: KeyObject;
  private readonly nonceBase: Buffer;
  private readonly nonce = Buffer.alloc(NONCE_BYTES);
  private readonly aad = Buffer.alloc(HEADER_BYTES + 9);

  constructor(dataKey: Uint8Array, header: Buffer) {
    const okm = Buffer.from(hkdfSync('sha256', dataKey, header.subarray(16, 32), CHUNK_KEY_INFO, KEY_BYTES + NONCE_BYTES));
    this.key = createSecretKey(okm.subarray(0, KEY_BYTES));
    this.nonceBase = okm.subarray(KEY_BYTES);
    header.copy(this.aad, 0, 0, HEADER_BYTES);
  }

  /**
   * Nonce and additional data of chunk `index`. Both buffers are reused: the cipher consumes
   * them synchronously, before the next chunk's are made.
   */
  params(index: number, final: boolean): { nonce: Buffer; aad: Buffer } {
    const high = Math.floor(index / 2 ** 32);
    const low = index >>> 0;
    this.nonceBase.copy(this.nonce);
    this.nonce.writeUInt32BE((this.nonceBase.readUInt32BE(4) ^ high) >>> 0, 4);
    this.nonce.writeUInt32BE((this.nonceBase.readUInt32BE(8) ^ low) >>> 0, 8);
    this.aad.writeUInt32BE(high, HEADER_BYTES);
    this.aad.writeUInt32BE(low, HEADER_BYTES + 4);
    this.aad[HEADER_BYTES + 8] = final ? 1 : 0;
    return { nonce: this.nonce, aad: this.aad };
  }

  encrypt(index: number, plain: Buffer, final: boolean): [Buffer, Buffer] {
    const { nonce, aad } = this.params(index, final);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const sealed = cipher.update(plain);
    cipher.final();
    return [sealed, cipher.getAuthTag()];
  }

  /** The plaintext of `stored` (ciphertext ‖ tag), or null when it fails authentication. */
  decrypt(index: number, stored: Buffer, final: boolean): Buffer | null {
    const { nonce, aad } = this.params(index, final);
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(stored.subarray(stored.length - TAG_BYTES));
    const plain = decipher.update(stored.subarray(0, stored.length - TAG_BYTES));
    try {
      decipher.final();
    } catch {
      return null;
    }
    return plain;
  }
}

function newHeader(key: Uint8Array, chunkBytes: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header[8] = FORMAT_VERSION;
  header[9] = ALGORITHM_AES_256_GCM_HKDF;
  header.writeUInt32BE(chunkBytes, 12);
  randomBytes(SALT_BYTES).copy(header, 16);
  keyIdBytes(key).copy(header, 32);
  return header;
}

export type EncryptOptions = {
  /** Plaintext bytes per chunk (default 64 KiB); tests use small ones to cross many chunk boundaries. */
  chunkBytes?: number;
};

/**
 * A Transform that encrypts the plaintext written to it into the format above, in constant
 * memory (one chunk buffered, plus the ciphertext of the piece being written: feed it pieces of
 * a normal stream size, not a whole file at once). Put it in a `pipeline` after anything that must see the
 * plaintext (the importer's sha256/sm3 tap) and before the file: `pipeline(source, tap,
 * createEncryptingStream(key), createWriteStream(target, { flags: 'wx', mode: 0o600 }))`.
 * `encryptToFile` does that with an fsync and removes the file on failure.
 */
export function createEncryptingStream(key: Uint8Array, options: EncryptOptions = {}): Transform {
  const chunkBytes = checkEncryptedChunkBytes(options.chunkBytes ?? DEFAULT_ENCRYPTED_CHUNK_BYTES);
  const header = newHeader(checkKey(key), chunkBytes);
  const cipher = new FileCipher(key, header);
  const pending = Buffer.allocUnsafe(chunkBytes);
  let filled = 0;
  let index = 0;
  let started = false;

  return new Transform({
    // Output pieces are chunk-sized; a few of them are plenty to keep the file writer busy.
    readableHighWaterMark: 4 * (chunkBytes + TAG_BYTES),
    transform(this: Transform, data: Buffer, _encoding, callback: TransformCallback) {
      if (!started) {
        this.push(header);
        started = true;
      }
      let offset = 0;
      // A chunk is pushed as soon as it is full: the final chunk is by definition the partial
      // one flush() writes, so no look-ahead is needed.
      if (filled > 0) {
        const take = Math.min(chunkBytes - filled, data.length);
        data.copy(pending, filled, 0, take);
        filled += take;
        offset = take;
        if (filled === chunkBytes) {
          for (const piece of cipher.encrypt(index++, pending, false)) this.push(piece);
          filled = 0;
        }
      }
      while (data.length - offset >= chunkBytes) {
        for (const piece of cipher.encrypt(index++, data.subarray(offset, offset + chunkBytes), false)) this.push(piece);
        offset += chunkBytes;
      }
      if (offset < data.length) {
        data.copy(pending, filled, offset);
        filled += data.length - offset;
      }
      callback();
    },
    flush(this: Transform, callback: TransformCallback) {
      if (!started) this.push(header);
      for (const piece of cipher.encrypt(index++, pending.subarray(0, filled), true)) this.push(piece);
      callback();
    },
  });
}

export type EncryptToFileResult = { plainBytes: number; fileBytes: number };

/**
 * Encrypts `source` into a new file at `targetPath` (created with mode 0o600; an existing file
 * is an error), flushed to disk before the promise resolves. On any failure the file is
 * removed and the error rethrown: a ServiceError or AbortError from the source as it is, a
 * failure to write as `store.write-failed`.
 */
export async function encryptToFile(
  source: Iterable<Uint8Array> | AsyncIterable<Uint8Array> | Readable,
  targetPath: string,
  key: Uint8Array,
  options: EncryptOptions & { name?: string; signal?: AbortSignal } = {},
): Promise<EncryptToFileResult> {
  const name = options.name ?? basename(targetPath);
  const encrypting = createEncryptingStream(key, options);
  let plainBytes = 0;
  let fileBytes = 0;
  const counting = new Transform({
    transform(data: Buffer, _encoding, callback: TransformCallback) {
      plainBytes += data.length;
      callback(null, data);
    },
  });
  let handle: FileHandle;
  try {
    handle = await open(targetPath, 'wx', 0o600);
  } catch (error) {
    throw writeFailed(name, error);
  }
  try {
    const sink = async (pieces: AsyncIterable<Buffer>) => {
      // About a megabyte per system call, and one write in flight while the next megabyte is
      // encrypted, so the cipher and the disk work at the same time.
      let batch: Buffer[] = [];
      let batched = 0;
      let writing: Promise<void> = Promise.resolve();
      const write = async (buffers: Buffer[], position: number) => {
        try {
          await handle.writev(buffers, position);
        } catch (error) {
          throw writeFailed(name, error);
        }
      };
      try {
        for await (const piece of pieces) {
          batch.push(piece);
          batched += piece.length;
          if (batched >= STREAM_READ_BYTES) {
            await writing;
            writing = write(batch, fileBytes);
            // Marks a failure as handled until it is awaited above or below (not an unhandled rejection meanwhile).
            void writing.catch(() => undefined);
            fileBytes += batched;
            batch = [];
            batched = 0;
          }
        }
        await writing;
        if (batched > 0) await write(batch, fileBytes);
        fileBytes += batched;
      } finally {
        // On an early failure, let the write in flight settle before the file is closed and removed.
        await writing.catch(() => undefined);
      }
    };
    await pipeline(source, counting, encrypting, sink, options.signal ? { signal: options.signal } : {});
    try {
      await handle.sync();
      await handle.close();
    } catch (error) {
      throw writeFailed(name, error);
    }
    return { plainBytes, fileBytes };
  } catch (error) {
    // Closing a FileHandle that is already closed does nothing.
    await handle.close().catch(() => undefined);
    await rm(targetPath, { force: true }).catch(() => undefined);
    throw error;
  }
}

function writeFailed(name: string, error: unknown): ServiceError {
  return new ServiceError('store.write-failed', `"${name}" could not be written to the candidate store: ${(error as Error).message}. Check the free space and permissions of the workspace folder.`, {
    file: name,
  });
}

function tampered(name: string, detail: string): ServiceError {
  return new ServiceError('store.tampered', `"${name}" in the candidate store has been altered or damaged on disk (${detail}); re-import the package.`, {
    file: name,
    detail,
  });
}

function readFailed(name: string, error: unknown): ServiceError {
  return new ServiceError('store.read-failed', `"${name}" could not be read from the candidate store: ${(error as Error).message}. Check that the workspace folder is still there and readable.`, {
    file: name,
  });
}

/** True when the file starts with this format's magic (e.g. to tell stored files from older plain ones). */
export async function isEncryptedFile(path: string, options: OpenOptions = {}): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(MAGIC.length);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return bytesRead === MAGIC.length && head.equals(MAGIC);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw readFailed(options.name ?? basename(path), error);
  }
}

export type EncryptedSource = ByteSource & {
  /** Plaintext bytes per chunk of this file. */
  readonly chunkBytes: number;
  /** The id of the data key that wrote it (`keyIdOf`). */
  readonly keyId: string;
};

export type OpenEncryptedOptions = OpenOptions & {
  /** Decrypted chunks kept for `read()` (default 16); 0 keeps none. */
  cacheChunks?: number;
};

/**
 * Opens an encrypted store file for reading by plaintext offset. Checks the header and the key
 * id and authenticates the final chunk (so `size` can be trusted) before it resolves; every
 * later read authenticates each chunk it touches. Failures are `store.tampered` (the file is
 * not what was written with this key) or `store.read-failed` (I/O). The caller owns the
 * returned source and must close it.
 */
export async function openEncryptedFile(path: string, key: Uint8Array, options: OpenEncryptedOptions = {}): Promise<EncryptedSource> {
  checkKey(key);
  const name = options.name ?? basename(path);
  const cacheLimit = options.cacheChunks ?? DEFAULT_CACHE_CHUNKS;
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw readFailed(name, error);
  }
  try {
    return await openOnHandle(handle, key, name, cacheLimit);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

async function openOnHandle(handle: FileHandle, key: Uint8Array, name: string, cacheLimit: number): Promise<EncryptedSource> {
  /** Exactly `length` stored bytes at `position`; a short read means the file shrank since it was opened. */
  const readStored = async (position: number, length: number): Promise<Buffer> => {
    let got: Buffer;
    try {
      got = await readUpTo(handle, position, length);
    } catch (error) {
      throw readFailed(name, error);
    }
    if (got.length < length) throw tampered(name, 'the file is shorter than it was when it was opened');
    return got;
  };

  let fileBytes: number;
  try {
    fileBytes = (await handle.stat()).size;
  } catch (error) {
    throw readFailed(name, error);
  }
  if (fileBytes < HEADER_BYTES + TAG_BYTES) throw tampered(name, `only ${fileBytes} bytes, too short for an encrypted file`);
  const header = await readStored(0, HEADER_BYTES);
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw tampered(name, 'it does not start with the encrypted-file marker');
  if (header[8] !== FORMAT_VERSION || header[9] !== ALGORITHM_AES_256_GCM_HKDF || header.readUInt16BE(10) !== 0) {
    throw tampered(name, 'unknown format version or algorithm in its header');
  }
  const chunkBytes = header.readUInt32BE(12);
  if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) throw tampered(name, 'impossible chunk size in its header');
  if (!header.subarray(32, 48).equals(keyIdBytes(key))) {
    throw new ServiceError(
      'store.tampered',
      `"${name}" in the candidate store was not encrypted with this workspace's key: it has been altered or damaged on disk, or comes from another workspace; re-import the package.`,
      { file: name, detail: 'key id mismatch' },
    );
  }

  const storedChunk = chunkBytes + TAG_BYTES;
  const body = fileBytes - HEADER_BYTES;
  const lastIndex = Math.floor(body / storedChunk);
  const finalStored = body - lastIndex * storedChunk;
  if (finalStored < TAG_BYTES) throw tampered(name, 'its length does not end on a chunk');
  const chunkCount = lastIndex + 1;
  const size = lastIndex * chunkBytes + finalStored - TAG_BYTES;
  const cipher = new FileCipher(key, header);

  /** Decrypts stored chunks `first …` laid end to end in `stored`. */
  const decryptRun = (first: number, stored: Buffer): Buffer[] => {
    const out: Buffer[] = [];
    for (let offset = 0, index = first; offset < stored.length; offset += storedChunk, index++) {
      const piece = stored.subarray(offset, Math.min(offset + storedChunk, stored.length));
      const plain = cipher.decrypt(index, piece, index === lastIndex);
      if (!plain) throw tampered(name, `chunk ${index + 1} of ${chunkCount} failed its integrity check`);
      out.push(plain);
    }
    return out;
  };
  /** The stored bytes of chunks `first … first+count-1`, in one read. */
  const readRun = (first: number, count: number): Promise<Buffer> => {
    const from = HEADER_BYTES + first * storedChunk;
    const to = Math.min(HEADER_BYTES + (first + count) * storedChunk, fileBytes);
    return readStored(from, to - from);
  };

  // Least recently used last: a Map iterates in insertion order and `remember` re-inserts.
  const cache = new Map<number, Buffer>();
  const remember = (index: number, plain: Buffer) => {
    if (cacheLimit <= 0) return;
    cache.delete(index);
    cache.set(index, plain);
    if (cache.size > cacheLimit) cache.delete(cache.keys().next().value!);
  };

  remember(lastIndex, decryptRun(lastIndex, await readRun(lastIndex, 1))[0]!);

  const runChunks = Math.max(1, Math.floor(STREAM_READ_BYTES / chunkBytes));

  return {
    size,
    chunkBytes,
    keyId: header.subarray(32, 48).toString('hex'),
    async read(position, length) {
      if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`a read length must be a whole number ≥ 0 (got ${length})`);
      const [from, to] = clampRange(position, position + length, size);
      const out = Buffer.allocUnsafe(to - from);
      if (from === to) return out;
      const last = Math.floor((to - 1) / chunkBytes);
      let index = Math.floor(from / chunkBytes);
      while (index <= last) {
        let plains: Buffer[];
        const cached = cache.get(index);
        if (cached) {
          remember(index, cached);
          plains = [cached];
        } else {
          // Chunks not in the cache are read together, up to about a megabyte per system call.
          let count = 1;
          while (index + count <= last && count < runChunks && !cache.has(index + count)) count++;
          plains = decryptRun(index, await readRun(index, count));
          plains.forEach((plain, k) => {
            remember(index + k, plain);
          });
        }
        for (const plain of plains) {
          const chunkStart = index * chunkBytes;
          const lo = Math.max(from, chunkStart);
          const hi = Math.min(to, chunkStart + plain.length);
          plain.copy(out, lo - from, lo - chunkStart, hi - chunkStart);
          index++;
        }
      }
      return out;
    },
    chunks(start = 0, end, chunk = DEFAULT_CHUNK_BYTES, signal) {
      checkChunkBytes(chunk);
      const [from, to] = clampRange(start, end ?? Math.max(start, size), size);
      if (from === to) return rechunk(emptyBlocks(), chunk);
      const first = Math.floor(from / chunkBytes);
      const last = Math.floor((to - 1) / chunkBytes);
      async function* plaintext(): AsyncGenerator<Buffer> {
        // Reads of about a megabyte overlap with decryption of the previous one.
        for await (const { first: runFirst, stored } of readAhead(first, last + 1, runChunks, async (i, n) => ({ first: i, stored: await readRun(i, n) }), signal)) {
          let index = runFirst;
          for (const plain of decryptRun(runFirst, stored)) {
            const chunkStart = index * chunkBytes;
            yield plain.subarray(Math.max(from, chunkStart) - chunkStart, Math.min(to, chunkStart + plain.length) - chunkStart);
            index++;
          }
        }
      }
      return rechunk(plaintext(), chunk);
    },
    async close() {
      cache.clear();
      await handle.close();
    },
  };
}

/** An empty async iterable for `rechunk`. */
async function* emptyBlocks(): AsyncGenerator<Buffer> {}
