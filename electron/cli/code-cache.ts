/**
 * Loads a CommonJS bundle through V8's code cache: after a first run the bundle's compiled
 * code is kept beside it (`<bundle>.<name>.v8cache`) and reused while the bundle's bytes, Node and
 * V8 are the same. This is what Node 22's `module.enableCompileCache()` does, which Node 20
 * lacks: compiling the CLI's 3 MB of commands was most of its start-up, before any scan could
 * begin. The cache is an optimisation only — missing, stale, damaged or refused by V8, the
 * bundle is compiled from source as usual, and a cache that cannot be written is skipped.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What happened to the cache: none there, used, or not used (written for another bundle or runtime, damaged, or refused by V8). */
export type CacheStatus = 'none' | 'used' | 'stale' | 'rejected';

export type CachedBundle = {
  exports: unknown;
  status: CacheStatus;
  /**
   * Writes the cache when it was not used, with everything compiled so far (so call it once
   * the command has run: lazily compiled functions are kept too). Never throws.
   */
  save: () => void;
};

const MAGIC = 'review-v8cache-1';

/** Identifies the bundle's bytes and the runtime a cache was made for. */
function stamp(source: Buffer): string {
  const digest = createHash('sha256').update(source).digest('hex');
  return JSON.stringify({ magic: MAGIC, sha256: digest, node: process.version, v8: process.versions.v8, arch: process.arch });
}

/** The cached data in `file` when its header matches `expected` (else `data` null), and whether there was a file at all. */
function readCache(file: string, expected: string): { data: Buffer | null; found: boolean } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { data: null, found: false };
  }
  const newline = bytes.indexOf(0x0a);
  if (newline === -1 || bytes.subarray(0, newline).toString('utf8') !== expected) return { data: null, found: true };
  return { data: bytes.subarray(newline + 1), found: true };
}

/**
 * Runs the CommonJS bundle `file` (as `require` would) with its code cache at
 * `${file}.${name}.v8cache`: one cache per use of the bundle (a CLI command), as each compiles
 * different functions lazily.
 */
export function requireWithCodeCache(file: string, name: string): CachedBundle {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new RangeError(`a code cache name is lower-case letters, digits and hyphens, not ${JSON.stringify(name)}`);
  const source = readFileSync(file);
  const cacheFile = `${file}.${name}.v8cache`;
  const header = stamp(source);
  const cached = readCache(cacheFile, header);
  // The CommonJS wrapper Node itself uses, so the bundle sees the usual module variables.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source.toString('utf8')}\n})`;
  const script = new Script(wrapped, { filename: file, ...(cached.data ? { cachedData: cached.data } : {}) });
  const status: CacheStatus = cached.data ? (script.cachedDataRejected ? 'rejected' : 'used') : cached.found ? 'stale' : 'none';
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    status,
    save: () => {
      if (status === 'used') return;
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), script.createCachedData()]));
        renameSync(temporary, cacheFile);
      } catch {
        // A read-only installation runs without the cache.
        try {
          unlinkSync(temporary);
        } catch {
          // Nothing was written.
        }
      }
    },
  };
}
