/**
 * Building blocks shared by the file formats of FORMATS.md: digests, dates, paths, and the
 * `format`/`formatVersion` header every format carries.
 */
import { z } from 'zod';

/** `"<alg>:<64 lowercase hex>"` for sha256 and sm3 (both 256-bit). */
export const Sha256Digest = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" followed by 64 lowercase hex digits');
export const Sm3Digest = z.string().regex(/^sm3:[0-9a-f]{64}$/, 'expected "sm3:" followed by 64 lowercase hex digits');

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealDate, 'not a real calendar date');

/** An ISO 8601 date-time with an explicit offset, e.g. `2026-11-20T09:30:00+08:00`. */
export const IsoDateTime = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with offset, e.g. 2026-11-20T09:30:00+08:00' });

/** Unified social credit code shape (GB 32100); the check character is validated by shared/ids. */
export const CreditCode = z.string().regex(/^[0-9A-HJ-NP-RT-UW-Y]{18}$/, 'expected an 18-character unified social credit code');

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A package-relative path as FORMATS.md §1 allows it: `/`-separated, NFC, no empty, `.` or
 * `..` segments, not absolute, no backslash, no control characters. Returns the reason it
 * is unsafe, or null when it is safe.
 */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return 'the path is empty';
  if (path.length > 1024) return 'the path is longer than 1024 characters';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'the path is absolute';
  if (path.includes('\\')) return 'the path contains a backslash';
  // eslint-disable-next-line no-control-regex -- we are looking for control characters on purpose
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'the path contains a control character';
  if (path.normalize('NFC') !== path) return 'the path is not in Unicode NFC form';
  for (const segment of path.split('/')) {
    if (segment === '') return 'the path has an empty segment';
    if (segment === '.' || segment === '..') return `the path contains a "${segment}" segment`;
  }
  return null;
}

export const SafePath = z.string().superRefine((value, ctx) => {
  const reason = unsafePathReason(value);
  if (reason) ctx.addIssue({ code: 'custom', message: reason });
});

/** Checks `format` and `formatVersion` before the rest, so an unknown or newer file says so. */
export function formatHeader(format: string, supportedMajor: number) {
  return z.object({
    format: z.literal(format, { error: `expected format "${format}"` }),
    formatVersion: z
      .number()
      .int()
      .min(1)
      .max(supportedMajor, { error: `formatVersion is newer than this workstation supports (${supportedMajor}); update the workstation` }),
  });
}
