/**
 * Opens an .xlsx workbook as the zip it is, refusing what could exhaust the machine before
 * any part is inflated: too many entries, an entry that would expand past a limit or by more
 * than a zip bomb's ratio, encrypted entries. A password-protected workbook or a legacy .xls
 * (both OLE compound files) is recognised by its signature and refused with a clear message.
 * A workbook is read from its file on disk, or through an opener (`OpenBytes`) that gives its
 * plaintext — a payload in the encrypted store.
 */
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ServiceError } from '../../../shared/ipc/result';
import type { ByteSource } from '../at-rest/byte-source';
import type { OpenBytes } from './open-bytes';

export type XlsxLimits = {
  /** Most zip entries (directories included). */
  maxEntries: number;
  /** Largest uncompressed entry; sheets are streamed, so this bounds time, not memory. */
  maxEntryBytes: number;
  /** Largest part read whole into memory (workbook, relationships, shared strings, styles, properties). */
  maxPartBytes: number;
  /** Largest uncompressed/compressed size ratio of an entry (a zip bomb's signature). */
  maxCompressionRatio: number;
  /**
   * Entries smaller than this are not held to the ratio: deflate reaches 1000:1 on a few KiB of
   * repeated bytes (printer settings, empty styles), and so small an entry harms nothing.
   */
  ratioFloorBytes: number;
};

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 4 * 1024 ** 3,
  maxPartBytes: 256 * 1024 ** 2,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1024 ** 2,
};

/** The OLE compound file signature: legacy .xls, and every password-protected .xlsx. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export type XlsxEntry = { name: string; size: number; entry: yauzl.Entry };

/** An open workbook zip; `close` must be called once it is no longer needed. */
export type WorkbookZip = {
  file: string;
  /** The workbook's size in bytes (its plaintext, when it is read through an opener). */
  size: number;
  /** The entry for a part name (case-insensitive, as OPC part names are), or undefined. */
  entry(part: string): XlsxEntry | undefined;
  /** The inflated bytes of an entry, as a stream (sizes checked against the header as they flow). */
  open(entry: XlsxEntry): Promise<Readable>;
  close(): void;
};

export function xlsxInvalid(file: string, problem: string, params: Record<string, string | number> = {}): ServiceError {
  return new ServiceError('tables.xlsx-invalid', `"${file}" ${problem} Ask the operator to save the workbook again from Excel as .xlsx and resubmit it.`, { file, ...params });
}

export function xlsxUnsafe(file: string, problem: string, params: Record<string, string | number> = {}): ServiceError {
  return new ServiceError(
    'tables.xlsx-unsafe',
    `"${file}" is refused: ${problem}. Ask the operator to save the workbook again from Excel, or to export its sheets as CSV, and resubmit.`,
    { file, ...params },
  );
}

async function readSignature(path: string, file: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(8);
    const { bytesRead } = await handle.read(buffer, 0, 8, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw new ServiceError('tables.read-failed', `"${file}" could not be read: ${(error as Error).message}.`, { file });
  } finally {
    await handle?.close();
  }
}

/** Serves yauzl's reads from a ByteSource; closing the zip closes the source. */
class SourceReader extends yauzl.RandomAccessReader {
  constructor(private readonly source: ByteSource) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from(this.source.chunks(start, end, 64 * 1024));
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    this.source.read(position, length).then(
      (bytes) => {
        if (bytes.length < length) {
          callback(new Error(`unexpected end of file at byte ${position + bytes.length}`));
          return;
        }
        bytes.copy(buffer, offset);
        callback(null);
      },
      (error: unknown) => callback(error as Error),
    );
  }

  override close(callback: (err: Error | null) => void): void {
    this.source.close().then(
      () => callback(null),
      (error: unknown) => callback(error as Error),
    );
  }
}

const ZIP_OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false } as const;

/**
 * Opens the workbook at `path` — through `openBytes` when given, else as a plain file — and
 * checks every entry's declared sizes; see `XlsxLimits`.
 */
export async function openWorkbookZip(path: string, file: string, limits: XlsxLimits, signal?: AbortSignal, openBytes?: OpenBytes): Promise<WorkbookZip> {
  signal?.throwIfAborted();
  if (openBytes) {
    const source = await openBytes(path, file);
    try {
      checkSignature(await source.read(0, 8), file);
    } catch (error) {
      await source.close().catch(() => undefined);
      throw error;
    }
    // From here on yauzl owns the source: closing the zip (or failing to open it) closes it.
    const reader = new SourceReader(source);
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromRandomAccessReaderPromise(reader, source.size, ZIP_OPTIONS);
    } catch (error) {
      await source.close().catch(() => undefined);
      throw xlsxInvalid(file, `is not a readable .xlsx (zip) file: ${(error as Error).message}.`);
    }
    return listEntries(zip, file, source.size, limits, signal);
  }
  checkSignature(await readSignature(path, file), file);
  let zip: yauzl.ZipFile;
  let size: number;
  try {
    size = (await stat(path)).size;
    zip = await yauzl.openPromise(path, ZIP_OPTIONS);
  } catch (error) {
    throw xlsxInvalid(file, `is not a readable .xlsx (zip) file: ${(error as Error).message}.`);
  }
  return listEntries(zip, file, size, limits, signal);
}

function checkSignature(signature: Buffer, file: string): void {
  if (signature.equals(OLE_SIGNATURE)) {
    throw new ServiceError(
      'tables.xlsx-protected',
      `"${file}" is a password-protected workbook or a legacy .xls file, which the workstation cannot read. Ask the operator for an unprotected .xlsx.`,
      { file },
    );
  }
  if (signature.length < 4 || signature[0] !== 0x50 || signature[1] !== 0x4b) {
    throw xlsxInvalid(file, 'is not an Excel .xlsx workbook (it is not a zip file).');
  }
}

async function listEntries(zip: yauzl.ZipFile, file: string, size: number, limits: XlsxLimits, signal: AbortSignal | undefined): Promise<WorkbookZip> {
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw xlsxUnsafe(file, `it holds ${zip.entryCount} zip entries, more than the ${limits.maxEntries} a workbook may have`, { limit: limits.maxEntries });
    }
    const entries = new Map<string, XlsxEntry>();
    for await (const entry of zip.eachEntry()) {
      signal?.throwIfAborted();
      const name = entry.fileName;
      if (name.endsWith('/')) continue;
      if (entry.isEncrypted()) {
        throw new ServiceError('tables.xlsx-protected', `"${file}" has encrypted parts, which the workstation cannot read. Ask the operator for an unprotected .xlsx.`, { file });
      }
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        throw xlsxUnsafe(file, `the part "${name}" would expand to ${entry.uncompressedSize} bytes, more than the ${limits.maxEntryBytes} accepted`, {
          part: name,
          limit: limits.maxEntryBytes,
        });
      }
      if (entry.uncompressedSize >= limits.ratioFloorBytes && entry.uncompressedSize > limits.maxCompressionRatio * Math.max(entry.compressedSize, 1)) {
        throw xlsxUnsafe(file, `the part "${name}" expands more than ${limits.maxCompressionRatio} times, the mark of a zip bomb`, {
          part: name,
          limit: limits.maxCompressionRatio,
        });
      }
      const key = name.toLowerCase();
      if (entries.has(key)) throw xlsxInvalid(file, `holds the part "${name}" twice, so which one Excel would read is unclear.`, { part: name });
      entries.set(key, { name, size: entry.uncompressedSize, entry });
    }
    return {
      file,
      size,
      entry: (part) => entries.get(part.toLowerCase()),
      open: async (entry) => {
        try {
          return await zip.openReadStreamPromise(entry.entry);
        } catch (error) {
          throw xlsxInvalid(file, `is damaged: its part "${entry.name}" cannot be read (${(error as Error).message}).`, { part: entry.name });
        }
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    if (error instanceof ServiceError || (error as Error).name === 'AbortError') throw error;
    throw xlsxInvalid(file, `is not a readable .xlsx (zip) file: ${(error as Error).message}.`);
  }
}
