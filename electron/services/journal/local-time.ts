/**
 * Formats a moment as ISO 8601 with the workstation's local offset (`2026-11-27T10:00:00.000+08:00`),
 * the form FORMATS.md uses for `createdAt`; the offset keeps the reviewer's wall-clock time readable.
 */
export function isoWithOffset(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.toISOString().slice(0, -1)}${sign}${hh}:${mm}`;
}
