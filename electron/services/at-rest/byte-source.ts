/**
 * Random and sequential access to a file's plaintext bytes, whether the file is stored
 * encrypted (encrypted-file.ts) or plain on disk (`openPlainFile`, e.g. a package the CLI
 * checks in place), so the table readers and the scanner need not know which.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { ServiceError } from '../../../shared/ipc/result';

/**
 * An open file's plaintext. Whoever opens a ByteSource owns it and must `close()` it (in a
 * `finally`); it holds an open file handle until then. Reads may run concurrently.
 */
export type ByteSource = {
  /** Plaintext bytes in the file. */
  readonly size: number;
  /**
   * Bytes `position … position+length-1` in a new buffer the caller may keep and change.
   * Fewer bytes only where the range passes the end of the file (none at or past it).
   */
  read(position: number, length: number): Promise<Buffer>;
  /**
   * Bytes `start … end-1` in order (`end` defaults to, and is capped at, `size`; a range at or
   * past the end yields nothing), as buffers of exactly `chunkBytes` (default
   * `DEFAULT_CHUNK_BYTES`) except the last, which may be shorter. Reads ahead in large system
   * calls; every yielded buffer stays valid and is the caller's. Stops with the signal's reason
   * (an AbortError) when `signal` aborts. Encrypted sources authenticate each chunk before any
   * of its bytes are yielded, so a damaged chunk ends the stream with `store.tampered`.
   */
  chunks(start?: number, end?: number, chunkBytes?: number, signal?: AbortSignal): AsyncIterable<Buffer>;
  close(): Promise<void>;
};

/** `chunks()` yields this many bytes at a time unless told otherwise (table-io's CHUNK_BYTES). */
export const DEFAULT_CHUNK_BYTES = 32 * 1024;
/** Bytes read per system call when streaming. */
export const STREAM_READ_BYTES = 1024 * 1024;

export type OpenOptions = {
  /** Name of the file in messages (e.g. its path in the package); defaults to the base name. */
  name?: string;
};

/** Up to `length` bytes at `position` in a new buffer, in as many reads as it takes (fewer only at the end of the file). */
export async function readUpTo(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done < length ? buffer.subarray(0, done) : buffer;
}

/** A plain (unencrypted) file as a ByteSource; its size is taken when it is opened. */
export async function openPlainFile(path: string, options: OpenOptions = {}): Promise<ByteSource> {
  const name = options.name ?? basename(path);
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileReadFailed(name, error);
  }
  try {
    size = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    throw fileReadFailed(name, error);
  }

  /** Exactly `length` bytes at `position` (the caller keeps the range inside `size`). */
  const readExactly = async (position: number, length: number): Promise<Buffer> => {
    let got: Buffer;
    try {
      got = await readUpTo(handle, position, length);
    } catch (error) {
      throw fileReadFailed(name, error);
    }
    if (got.length < length) throw fileReadFailed(name, new Error('the file is shorter than it was when it was opened'));
    return got;
  };

  return {
    size,
    async read(position, length) {
      const [from, to] = clampRange(position, position + checkLength(length), size);
      return readExactly(from, to - from);
    },
    chunks(start = 0, end, chunkBytes = DEFAULT_CHUNK_BYTES, signal) {
      checkChunkBytes(chunkBytes);
      const [from, to] = clampRange(start, end ?? Math.max(start, size), size);
      const blocks = readAhead(from, to, Math.max(STREAM_READ_BYTES, chunkBytes), readExactly, signal);
      return rechunk(blocks, chunkBytes);
    },
    async close() {
      await handle.close();
    },
  };
}

function fileReadFailed(name: string, error: unknown): ServiceError {
  return new ServiceError('file.read-failed', `"${name}" could not be read: ${(error as Error).message}. Check that the file is still there and readable.`, {
    file: name,
  });
}

/**
 * `[start, end)` checked (whole numbers, start ≥ 0, end ≥ start) and capped at `size`.
 * Out-of-range arguments are a programming error, hence RangeError rather than ServiceError.
 */
export function clampRange(start: number, end: number, size: number): [number, number] {
  if (!Number.isSafeInteger(start) || start < 0 || !Number.isSafeInteger(end) || end < start) {
    throw new RangeError(`a byte range must be whole numbers with 0 ≤ start ≤ end (got ${start} … ${end})`);
  }
  return [Math.min(start, size), Math.min(end, size)];
}

function checkLength(length: number): number {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`a read length must be a whole number ≥ 0 (got ${length})`);
  return length;
}

export function checkChunkBytes(chunkBytes: number): void {
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1) throw new RangeError(`chunkBytes must be a whole number ≥ 1 (got ${chunkBytes})`);
}

/**
 * Blocks of `[start, end)` read `blockBytes` at a time by `readBlock`, the next read started
 * before the current block is handed on, so I/O overlaps with whatever the consumer does.
 */
export async function* readAhead<T>(
  start: number,
  end: number,
  blockBytes: number,
  readBlock: (position: number, length: number) => Promise<T>,
  signal: AbortSignal | undefined,
): AsyncGenerator<T> {
  const next = (position: number): Promise<T> | null => (position < end ? readBlock(position, Math.min(blockBytes, end - position)) : null);
  let position = start;
  let pending = next(position);
  try {
    while (pending) {
      signal?.throwIfAborted();
      const block = await pending;
      position += Math.min(blockBytes, end - position);
      pending = next(position);
      yield block;
    }
    signal?.throwIfAborted();
  } finally {
    // A consumer that stops early (break, abort, error) leaves one read in flight: let it
    // settle quietly rather than as an unhandled rejection.
    pending?.catch(() => undefined);
  }
}

/**
 * Re-cuts a stream of buffers into buffers of exactly `size` bytes (the last may be shorter).
 * Pieces that fit inside one input buffer are views of it, without copying.
 */
export async function* rechunk(blocks: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let carry: Buffer[] = [];
  let carried = 0;
  for await (const block of blocks) {
    let offset = 0;
    if (carried > 0) {
      const take = Math.min(size - carried, block.length);
      carry.push(block.subarray(0, take));
      carried += take;
      offset = take;
      if (carried < size) continue;
      yield Buffer.concat(carry, carried);
      carry = [];
      carried = 0;
    }
    while (block.length - offset >= size) {
      yield block.subarray(offset, offset + size);
      offset += size;
    }
    if (offset < block.length) {
      carry.push(block.subarray(offset));
      carried = block.length - offset;
    }
  }
  if (carried > 0) yield carry.length === 1 ? carry[0]! : Buffer.concat(carry, carried);
}
