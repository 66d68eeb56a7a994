/**
 * The rules behind the identity controls, apart from React: the demo first run's passphrase
 * (twice, at least 12 characters, as main requires), when the first-run dialog is due, the
 * roles in a stable order, and whether the current user can sign now.
 */
import { CREDENTIAL_ROLES, type CredentialRole } from '../../../../shared/formats/policy';
import type { IdentityStatus, UserSummary } from '../../../../shared/ipc/schemas/identity';

/** Main's key store requires at least 12 characters (SetupDemoRequest). */
export const MIN_DEMO_PASSPHRASE = 12;
export const MAX_PASSPHRASE = 1024;

export type SetupCheck = { ok: true; passphrase: string } | { ok: false; problem: 'too-short' | 'too-long' | 'mismatch'; length: number };

/** The passphrase that encrypts every demo user's key: at least 12 characters, typed the same twice. Not trimmed: spaces count. */
export function checkDemoPassphrase(passphrase: string, confirm: string): SetupCheck {
  // Counted as main counts (zod's min: UTF-16 units).
  const { length } = passphrase;
  if (length < MIN_DEMO_PASSPHRASE) return { ok: false, problem: 'too-short', length };
  if (length > MAX_PASSPHRASE) return { ok: false, problem: 'too-long', length };
  if (passphrase !== confirm) return { ok: false, problem: 'mismatch', length };
  return { ok: true, passphrase };
}

/**
 * The first run is offered until an authority and users exist. (`demo` describes the users that
 * exist, so it is false before the first run; creating the demo ones is the only set-up main
 * offers so far.)
 */
export function wantsFirstRun(status: IdentityStatus | null): boolean {
  return status !== null && !status.setUp;
}

/** Roles in the catalogue's order (reviewer first), without repeats. */
export function sortedRoles(roles: readonly CredentialRole[]): CredentialRole[] {
  return CREDENTIAL_ROLES.filter((role) => roles.includes(role));
}

export type SignerState = { kind: 'not-set-up' } | { kind: 'no-user' } | { kind: 'locked'; user: UserSummary } | { kind: 'unlocked'; user: UserSummary; lockAt: string | null };

export function signerState(status: IdentityStatus): SignerState {
  if (!status.setUp) return { kind: 'not-set-up' };
  if (status.current === null) return { kind: 'no-user' };
  const { user, unlocked, lockAt } = status.current;
  return unlocked ? { kind: 'unlocked', user, lockAt } : { kind: 'locked', user };
}

/** The other users one can switch to, the current one last (switching to oneself unlocks one's key). */
export function switchTargets(status: IdentityStatus): UserSummary[] {
  const currentId = status.current?.user.id;
  return [...status.users.filter((u) => u.id !== currentId), ...status.users.filter((u) => u.id === currentId)];
}

/**
 * How long main makes the next passphrase try wait after this error, in seconds: the key
 * store's `retryAfterSeconds` on a wrong passphrase, `seconds` when rate-limited; 0 otherwise.
 */
export function retryWaitSeconds(params: Readonly<Record<string, string | number>>): number {
  const value = params.retryAfterSeconds ?? params.seconds;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : 0;
}

/** Milliseconds until `lockAt` from `now`, or null when there is no auto-lock time. */
export function msUntilLock(lockAt: string | null, now: number): number | null {
  if (lockAt === null) return null;
  const at = Date.parse(lockAt);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** An instant as the local `HH:mm` (the auto-lock time in the header); unparseable input as it came. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
