/**
 * Where today falls in an authorization's validity period (dates are inclusive calendar
 * days, FORMATS.md §1), for the overview's "valid, N days left" / "expired" line.
 */

export type Validity =
  | { state: 'not-yet'; days: number }
  | { state: 'valid'; days: number }
  | { state: 'expired'; days: number };

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / 86_400_000);
}

/**
 * `today`, `validFrom` and `validTo` are `YYYY-MM-DD`. `valid.days` counts the days left after
 * today (0 on the last day); `expired.days` the days since the end; `not-yet.days` the days
 * until the start.
 */
export function authorizationValidity(validFrom: string, validTo: string, today: string): Validity {
  const now = dayNumber(today);
  const from = dayNumber(validFrom);
  const to = dayNumber(validTo);
  if (now < from) return { state: 'not-yet', days: from - now };
  if (now > to) return { state: 'expired', days: now - to };
  return { state: 'valid', days: to - now };
}
