/**
 * Opens an export candidate package — a folder or a `.zip` of that folder — as a flat list
 * of entries with safe, normalised paths, refusing anything that could write or read outside
 * the package: absolute paths, `..`, links, special files, duplicate names after NFC and case
 * folding, too many entries, and (for zips) declared sizes that exceed the limits or a
 * compression ratio that marks a zip bomb.
 */
import { createReadStream } from 'node:fs';
import { lstat, open as openFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { unsafePathReason } from '../../../shared/formats/common';
import { ServiceError } from '../../../shared/ipc/result';

export type PackageEntry = { path: string; size: number };

export type PackageSource = {
  kind: 'folder' | 'zip';
  /** The folder or file name, for display. */
  name: string;
  /** Payload entries keyed by their package-relative path (directories omitted). */
  entries: ReadonlyMap<string, PackageEntry>;
  open(path: string): Promise<Readable>;
  /**
   * A folder entry's path on disk, for readers that need a file (a zip has none). The entry is
   * checked to still be a regular file, as `open` does.
   */
  localPath?(path: string): Promise<string>;
  /**
   * Reads a folder entry through one buffer, reused: `use` gets each chunk in turn and must be
   * done with it when it returns (a digest is). Resolves to the bytes read. Every read of a
   * stream is a fresh buffer, and on this kind of machine touching a fresh megabyte costs
   * more than hashing it (a zip has no such reader).
   */
  readEach?(path: string, use: (chunk: Uint8Array) => void): Promise<number>;
  close(): Promise<void>;
};

/** The buffer of `readEach`. */
const READ_EACH_BYTES = 1024 * 1024;

export type PackageLimits = {
  maxEntries: number;
  maxTotalBytes: number;
  maxCompressionRatio: number;
};

export const DEFAULT_LIMITS: PackageLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 20 * 1024 ** 3,
  maxCompressionRatio: 200,
};

export async function openPackage(path: string, limits: PackageLimits = DEFAULT_LIMITS): Promise<PackageSource> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new ServiceError('import.not-found', `Nothing was found at ${path}. Check the path and try again.`, { path });
  }
  if (info.isDirectory()) return openFolder(path, limits);
  if (info.isFile() && path.toLowerCase().endsWith('.zip')) return openZip(path, limits);
  throw new ServiceError('import.not-a-package', `${path} is neither a package folder nor a .zip file. Choose the folder that holds candidate.json, or a .zip of it.`, {
    path,
  });
}

function unsafe(file: string, reason: string): ServiceError {
  return new ServiceError('import.unsafe-path', `The package entry "${file}" is refused: ${reason}. Ask the operator for a package without it.`, {
    file,
    reason,
  });
}

/** Keeps track of entries and refuses duplicates after NFC + case folding (Windows, macOS). */
class EntryTable {
  readonly entries = new Map<string, PackageEntry>();
  private readonly folded = new Map<string, string>();
  private total = 0;
  constructor(private readonly limits: PackageLimits) {}

  add(path: string, size: number): void {
    const reason = unsafePathReason(path);
    if (reason) throw unsafe(path, reason);
    const key = path.normalize('NFC').toLowerCase();
    const existing = this.folded.get(key);
    if (existing !== undefined) throw unsafe(path, `it has the same name as "${existing}" once case and Unicode normalisation are ignored`);
    this.folded.set(key, path);
    if (this.folded.size > this.limits.maxEntries) {
      throw new ServiceError('import.too-many-entries', `The package has more than ${this.limits.maxEntries} entries, the most the workstation accepts.`, {
        limit: this.limits.maxEntries,
      });
    }
    this.total += size;
    if (this.total > this.limits.maxTotalBytes) {
      throw new ServiceError('import.too-large', `The package is larger than ${this.limits.maxTotalBytes} bytes, the most the workstation accepts.`, {
        limit: this.limits.maxTotalBytes,
      });
    }
    this.entries.set(path, { path, size });
  }

  /** Notes a directory so that a file may not collide with it. */
  addDirectory(path: string): void {
    const reason = unsafePathReason(path);
    if (reason) throw unsafe(path, reason);
  }
}

async function openFolder(root: string, limits: PackageLimits): Promise<PackageSource> {
  const table = new EntryTable(limits);
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const items = await readdir(dir, { withFileTypes: true });
    items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const item of items) {
      const rel = prefix === '' ? item.name : `${prefix}/${item.name}`;
      const full = join(dir, item.name);
      const info = await lstat(full);
      if (info.isSymbolicLink()) throw unsafe(rel, 'it is a symbolic link');
      if (info.isDirectory()) {
        table.addDirectory(rel);
        await walk(full, rel);
      } else if (info.isFile()) {
        table.add(rel, info.size);
      } else {
        throw unsafe(rel, 'it is not a regular file');
      }
    }
  };
  await walk(root, '');
  const checkedPath = async (path: string) => {
    if (!table.entries.has(path)) throw new Error(`not a package entry: ${path}`);
    // Re-check at open time: the folder could have changed under us (a swapped-in link).
    const full = join(root, ...path.split('/'));
    const info = await lstat(full);
    if (!info.isFile()) throw unsafe(path, 'it changed into something other than a regular file while importing');
    return full;
  };
  return {
    kind: 'folder',
    name: basename(root),
    entries: table.entries,
    // Large reads: digesting a payload of 100 MB in 64 KiB reads cost half a second of main-thread time.
    open: async (path) => createReadStream(await checkedPath(path), { highWaterMark: 1024 * 1024 }),
    localPath: checkedPath,
    readEach: async (path, use) => {
      const handle = await openFile(await checkedPath(path), 'r');
      try {
        const buffer = Buffer.allocUnsafe(READ_EACH_BYTES);
        let total = 0;
        for (;;) {
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
          if (bytesRead === 0) return total;
          total += bytesRead;
          use(buffer.subarray(0, bytesRead));
        }
      } finally {
        await handle.close();
      }
    },
    close: () => Promise.resolve(),
  };
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

async function openZip(file: string, limits: PackageLimits): Promise<PackageSource> {
  const zipName = basename(file);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    // strictFileNames refuses backslashes; validateEntrySizes checks the declared sizes while
    // inflating, so a lying header cannot smuggle more bytes than we counted.
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true, decodeStrings: true }, (error, zipfile) => {
      if (error) reject(zipError(zipName, error));
      else resolve(zipfile);
    });
  });
  const table = new EntryTable(limits);
  const byPath = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(error instanceof ServiceError ? error : zipError(zipName, error)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          const name = entry.fileName;
          const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
          const isDir = name.endsWith('/') || mode === S_IFDIR;
          if (mode === S_IFLNK) throw unsafe(name, 'it is a symbolic link');
          if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) throw unsafe(name, 'it is not a regular file');
          if (isDir) {
            table.addDirectory(name.replace(/\/$/, ''));
          } else {
            if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > limits.maxCompressionRatio) {
              throw new ServiceError(
                'import.compression-ratio',
                `The zip entry "${name}" expands more than ${limits.maxCompressionRatio} times; the workstation refuses it as a possible zip bomb.`,
                { file: name },
              );
            }
            table.add(name, entry.uncompressedSize);
            byPath.set(name, entry);
          }
          zip.readEntry();
        } catch (error) {
          reject(error instanceof ServiceError ? error : zipError(zipName, error));
        }
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }

  // A zip made by zipping the package folder holds `<folder>/candidate.json`: strip that one
  // common top folder so both layouts import the same way.
  let prefix = '';
  if (!table.entries.has('candidate.json')) {
    const tops = new Set([...table.entries.keys()].map((p) => p.split('/')[0]));
    const [only] = tops;
    if (tops.size === 1 && only !== undefined && table.entries.has(`${only}/candidate.json`)) prefix = `${only}/`;
  }
  const entries = new Map<string, PackageEntry>();
  const zipEntries = new Map<string, yauzl.Entry>();
  for (const [path, entry] of table.entries) {
    const rel = path.slice(prefix.length);
    entries.set(rel, { path: rel, size: entry.size });
    zipEntries.set(rel, byPath.get(path)!);
  }

  return {
    kind: 'zip',
    name: zipName,
    entries,
    open: (path) =>
      new Promise<Readable>((resolve, reject) => {
        const entry = zipEntries.get(path);
        if (!entry) {
          reject(new Error(`not a package entry: ${path}`));
          return;
        }
        zip.openReadStream(entry, (error, stream) => {
          if (error) reject(zipError(zipName, error, path));
          else resolve(stream);
        });
      }),
    close: () => {
      zip.close();
      return Promise.resolve();
    },
  };
}

function zipError(zipName: string, error: unknown, entry?: string): ServiceError {
  const problem = error instanceof Error ? error.message : 'unreadable zip';
  if (/invalid relative path|absolute path|invalid characters/i.test(problem)) {
    return unsafe(entry ?? zipName, problem);
  }
  return new ServiceError('import.zip-invalid', `${zipName}${entry ? ` (entry "${entry}")` : ''} is not a readable zip file: ${problem}. Ask the operator to export it again.`, {
    file: entry ?? zipName,
    problem,
  });
}
