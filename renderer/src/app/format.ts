/**
 * Display formatting shared by the views: byte sizes, date-times in the reviewer's local
 * time, and digests shortened for tables (the full digest goes in a title attribute).
 */

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** `1843` → `1.8 KB` (binary multiples, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * An ISO 8601 instant as `YYYY-MM-DD HH:mm` in local time: unambiguous in both languages,
 * unlike en-US's month-first dates. Unparseable input is returned as it came.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${localDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The local calendar date of `date` as `YYYY-MM-DD`. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `sm3:0123…cdef` → `sm3:01234567…89abcdef`. */
export function shortDigest(digest: string, keep = 8): string {
  const colon = digest.indexOf(':');
  const alg = colon === -1 ? '' : digest.slice(0, colon + 1);
  const hex = digest.slice(colon + 1);
  if (hex.length <= keep * 2 + 1) return digest;
  return `${alg}${hex.slice(0, keep)}…${hex.slice(-keep)}`;
}
