/**
 * The journal's file handling: finding and cutting off a torn last line (a crash mid-write),
 * streaming complete lines back as bytes with their line numbers, and appending one line with
 * fsync. A line is complete when it ends with "\n"; since each append writes its line and the
 * newline in one write and resolves only after fsync, bytes after the last newline were never
 * acknowledged to anyone.
 */
import { createReadStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const NEWLINE = 0x0a;

/** The offset just after the last "\n" in the file (0 when there is none). */
export async function completeLength(file: string, size: number): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const at = chunk.subarray(0, bytesRead).lastIndexOf(NEWLINE);
      if (at >= 0) return start + at + 1;
      end = start;
    }
    return 0;
  } finally {
    await handle.close();
  }
}

/** Reads bytes [start, end) of a file. */
export async function readRange(file: string, start: number, end: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const out = Buffer.alloc(end - start);
    let done = 0;
    while (done < out.length) {
      const { bytesRead } = await handle.read(out, done, out.length - done, start + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return out.subarray(0, done);
  } finally {
    await handle.close();
  }
}

/**
 * Keeps the torn tail beside the journal (for whoever investigates the crash), then cuts the
 * journal back to its last complete line and fsyncs. Returns the name of the kept copy.
 */
export async function truncateTornTail(file: string, keepFrom: number, size: number, stamp: string): Promise<string> {
  const torn = await readRange(file, keepFrom, size);
  const base = `${file}.torn-${stamp.replace(/[^0-9A-Za-z]/g, '')}`;
  let copy = base;
  for (let n = 2; ; n++) {
    try {
      await writeFile(copy, torn, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 100) throw error;
      copy = `${base}-${n}`;
    }
  }
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(keepFrom);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return copy;
}

/** Streams the complete lines of bytes [0, end) of a file, without their "\n", numbered from 1. */
export async function* readLines(file: string, end: number): AsyncGenerator<{ line: number; bytes: Buffer }> {
  if (end === 0) return;
  const stream = createReadStream(file, { start: 0, end: end - 1, highWaterMark: 256 * 1024 });
  let pending: Buffer[] = [];
  let line = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE, from); at >= 0; at = chunk.indexOf(NEWLINE, from)) {
      pending.push(chunk.subarray(from, at));
      line += 1;
      yield { line, bytes: pending.length === 1 ? pending[0]! : Buffer.concat(pending) };
      pending = [];
      from = at + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  // `end` is the offset after a newline, so nothing is left over; anything that is means the
  // file changed under us, and it is reported as one more (incomplete) line.
  if (pending.length > 0) yield { line: line + 1, bytes: Buffer.concat(pending) };
}

/**
 * Writes `bytes` at `offset` and fsyncs before resolving. On failure the file is cut back to
 * `offset` so a half-written line never stays in the middle of the journal; if even that
 * fails the error says so (the caller then refuses further appends).
 */
export async function appendAt(file: string, offset: number, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, offset + done);
      done += bytesWritten;
    }
    await handle.sync();
  } catch (error) {
    try {
      await handle.truncate(offset);
      await handle.sync();
    } catch (repairError) {
      throw new AggregateError([error, repairError], 'the append failed and the journal could not be cut back to its last complete line', { cause: repairError });
    }
    throw error;
  } finally {
    await handle.close();
  }
}

/** Creates the file if it is missing and makes its directory entry durable. */
export async function ensureFile(file: string): Promise<boolean> {
  let created = false;
  try {
    const handle = await open(file, 'wx');
    await handle.sync();
    await handle.close();
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (created) await syncDirectory(dirname(file));
  return created;
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory for fsync; NTFS journals the directory entry itself.
  }
}
