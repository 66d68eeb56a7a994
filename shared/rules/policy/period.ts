/**
 * Calendar arithmetic on `YYYY-MM-DD` dates for the authorization period (§4(4)): whether a date
 * lies in a period (both ends inclusive) and the last day a period of N years may run to.
 */
import { isRealDate } from '../../formats/common';

/**
 * The last day of a period of `years` calendar years that starts on `validFrom` (both counted):
 * the day before the same date `years` later. A period from 29 February runs to 28 February of
 * a common year, since its anniversary there is 1 March. So 2025-01-01 + 3 years may run to
 * 2027-12-31, and 2024-02-29 + 3 years to 2027-02-28.
 */
export function lastDayOfPeriod(validFrom: string, years: number): string {
  if (!isRealDate(validFrom)) throw new RangeError(`"${validFrom}" is not a real calendar date as YYYY-MM-DD`);
  const [y, m, d] = validFrom.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const date = new Date(0);
  // Day 29 of February in a common year rolls over to 1 March: the anniversary the period excludes.
  date.setUTCFullYear(y + years, m - 1, d);
  date.setUTCDate(date.getUTCDate() - 1);
  return formatDate(date);
}

/** True when `date` is on or after `from` and on or before `to` (all `YYYY-MM-DD`). */
export function isWithin(date: string, from: string, to: string): boolean {
  // Zero-padded ISO dates order as strings do.
  return from <= date && date <= to;
}

function formatDate(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}
