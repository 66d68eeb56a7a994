/**
 * Pieces every table reader shares: the options and result shapes of a scan, capped problem
 * lists, and file access (a stream of chunks, windows served from large positioned reads, one
 * read of a byte range) with I/O failures turned into errors that name the file.
 */
import { ServiceError } from '../../../shared/ipc/result';
import type { ByteSource } from '../at-rest/byte-source';
import type { OpenBytes } from './open-bytes';
import { DEFAULT_INDEX_EVERY, type RowIndex } from './row-index';

/** Rows handed to `onBatch`; the scan waits for a returned promise (backpressure). */
export type BatchHandler = (rows: string[][], firstRowNumber: number, columns: readonly string[]) => void | Promise<void>;

export { openPlain, type OpenBytes } from './open-bytes';

export type ScanCommonOptions = {
  /** Opens the file's bytes (default: a plain file). */
  open?: OpenBytes;
  onBatch: BatchHandler;
  /** Name of the file in messages (its path in the package); defaults to the base name. */
  file?: string;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, rowsRead: number) => void;
  /** K of the row index (default 1,024). */
  every?: number;
  /** Most rows per `onBatch` call (default 2,048); batches end at each read chunk, so they are usually smaller. */
  batchSize?: number;
};

/** A problem list that keeps the first `cap` entries and counts them all. */
export type Capped<T> = { count: number; first: T[] };

export type RaggedRow = { row: number; line: number; expected: number; actual: number };
export type QuoteProblem = { row: number; line: number; problem: 'unterminated-quote' | 'malformed-quote' };
export type LargeNumber = { row: number; column: string };

export type TableScan = {
  columns: string[];
  /** Data rows (the header and blank lines excluded). */
  rows: number;
  bytes: number;
  index: RowIndex;
  /** CSV/TSV: rows whose field count differs from the header's. */
  ragged: Capped<RaggedRow>;
  /** CSV/TSV: rows with a quote papaparse had to guess about. */
  quoteProblems: Capped<QuoteProblem>;
  /** JSON/NDJSON: number literals of magnitude ≥ 1e15 (identifier-like numbers stored as numbers). */
  largeNumbers: Capped<LargeNumber>;
  blankLines: number;
};

export const PROBLEM_CAP = 100;
export const DEFAULT_BATCH_SIZE = 2048;
/** `onProgress` is called about once per this many bytes, and at the end. */
export const PROGRESS_BYTES = 1024 * 1024;
/**
 * Bytes decoded and parsed at a time. Small on purpose: a chunk's text and rows then stay in
 * V8's young generation and die there; with 1 MiB chunks the garbage collector spent about as
 * long copying surviving rows and large strings as the parser spent parsing (measured with
 * tables.bench.ts: roughly 30 → 45 MB/s on the shared 2-core build machine).
 */
export const CHUNK_BYTES = 32 * 1024;
/** Bytes per system call when a scan reads windows (`WindowReader`). */
export const READ_BYTES = 1024 * 1024;
/** …and when a row range is read: a little more than one window, since most ranges need a few. */
export const READ_ROWS_BYTES = 64 * 1024;

/** K and the batch size of a scan, checked (both whole numbers ≥ 1). */
export function scanSizes(options: ScanCommonOptions): { every: number; batchSize: number } {
  const every = options.every ?? DEFAULT_INDEX_EVERY;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isSafeInteger(every) || every < 1 || !Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`every (${every}) and batchSize (${batchSize}) must be whole numbers of at least 1`);
  }
  return { every, batchSize };
}

export class CappedList<T> {
  count = 0;
  readonly first: T[] = [];
  constructor(private readonly cap = PROBLEM_CAP) {}
  /** Counts a problem; `make` runs only while the list has room. */
  add(make: () => T): void {
    this.count++;
    if (this.first.length < this.cap) this.first.push(make());
  }
  toJSON(): Capped<T> {
    return { count: this.count, first: this.first.slice() };
  }
}

export const emptyCapped = <T>(): Capped<T> => ({ count: 0, first: [] });

export function staleIndex(file: string, size: number, indexed: number): ServiceError {
  return new ServiceError('tables.index-stale', `"${file}" has changed since its rows were indexed (${size} bytes, not ${indexed}); scan it again.`, { file });
}

export function readFailed(file: string, error: unknown): ServiceError {
  return new ServiceError('tables.read-failed', `"${file}" could not be read: ${(error as Error).message}.`, { file });
}

const isAbort = (error: unknown) => (error as Error | undefined)?.name === 'AbortError';

/** Rethrows ServiceErrors and aborts as they are; anything else becomes `tables.read-failed`. */
export function rethrow(file: string, error: unknown): never {
  if (error instanceof ServiceError || isAbort(error)) throw error;
  throw readFailed(file, error);
}

/** The source's bytes from `start` in chunks of `CHUNK_BYTES`, stopping when `signal` aborts. */
export function readChunks(source: ByteSource, start: number, signal: AbortSignal | undefined): AsyncIterable<Buffer> {
  return source.chunks(start, undefined, CHUNK_BYTES, signal);
}

/**
 * Serves byte windows of a source from large reads, so a scan that parses 32 KiB at a time
 * still reads in few, large calls. A window is valid until the next call.
 */
export class WindowReader {
  private buffer: Buffer = Buffer.alloc(0);
  private start = 0;

  constructor(
    private readonly source: ByteSource,
    private readonly size: number,
    private readonly readBytes = READ_BYTES,
  ) {}

  /** Bytes `pos … pos+length-1` (fewer at the end of the file). */
  async window(pos: number, length: number): Promise<Buffer> {
    const end = Math.min(pos + length, this.size);
    if (pos < this.start || end > this.start + this.buffer.length) {
      const want = Math.min(Math.max(this.readBytes, end - pos), this.size - pos);
      const got = await this.source.read(pos, want);
      if (got.length < want) throw new Error('the file is shorter than it was when the read began');
      this.buffer = got;
      this.start = pos;
    }
    return this.buffer.subarray(pos - this.start, end - this.start);
  }
}

/** Opens `path` with `open`, runs `use`, and closes it; failures name the file. */
export async function withSource<T>(open: OpenBytes, path: string, file: string, use: (source: ByteSource) => Promise<T>): Promise<T> {
  let source: ByteSource;
  try {
    source = await open(path, file);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw readFailed(file, error);
  }
  try {
    return await use(source);
  } catch (error) {
    return rethrow(file, error);
  } finally {
    await source.close();
  }
}

/** Reads bytes `start … end-1` in one read, after checking the file is the size the index describes. */
export async function readRange(source: ByteSource, start: number, end: number, index: RowIndex, file: string): Promise<Buffer> {
  if (source.size !== index.bytes) throw staleIndex(file, source.size, index.bytes);
  return source.read(start, end - start);
}
