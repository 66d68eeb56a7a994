// The identity controls' rules: the demo passphrase (12+ characters, typed twice), when the
// first run is offered, the roles' order, the signer's state, whom one can switch to.
import { describe, expect, it } from 'vitest';
import type { IdentityStatus, UserSummary } from '../../../../shared/ipc/schemas/identity';
import { checkDemoPassphrase, clockTime, msUntilLock, retryWaitSeconds, signerState, sortedRoles, switchTargets, wantsFirstRun } from './identity-model';

function user(id: string, roles: UserSummary['roles']): UserSummary {
  return { id, name: `${id}（样例）`, roles, keyId: `sm2:${id}`, alg: 'SM2-SM3', validFrom: '2026-01-01', validTo: '2027-01-01' };
}

const users = [user('reviewer-a', ['reviewer']), user('second-b', ['second-reviewer', 'reviewer']), user('custodian', ['seal-custodian'])];

function status(patch: Partial<IdentityStatus> = {}): IdentityStatus {
  return { setUp: true, demo: true, authority: { name: '演示签发机构（样例）', keyId: 'sm2:auth' }, users, current: null, ...patch };
}

describe('checkDemoPassphrase', () => {
  it('needs at least 12 characters, spaces included', () => {
    expect(checkDemoPassphrase('short pass', 'short pass')).toEqual({ ok: false, problem: 'too-short', length: 10 });
    expect(checkDemoPassphrase('  twelve ch  ', '  twelve ch  ')).toEqual({ ok: true, passphrase: '  twelve ch  ' });
  });

  it('needs the same passphrase twice', () => {
    expect(checkDemoPassphrase('演示口令演示口令演示口令', '演示口令演示口令演示口')).toMatchObject({ ok: false, problem: 'mismatch' });
  });

  it('refuses more than main accepts', () => {
    expect(checkDemoPassphrase('x'.repeat(1025), 'x'.repeat(1025))).toMatchObject({ ok: false, problem: 'too-long' });
  });
});

describe('wantsFirstRun', () => {
  it('offers the first run until the authority and users exist', () => {
    // Main says demo: false before the first run (no users yet to be demo ones).
    expect(wantsFirstRun(status({ setUp: false, demo: false, users: [], authority: null }))).toBe(true);
    expect(wantsFirstRun(status())).toBe(false);
    expect(wantsFirstRun(null)).toBe(false);
  });
});

describe('signerState', () => {
  it('tells apart no set-up, no user, locked and unlocked with the auto-lock time', () => {
    expect(signerState(status({ setUp: false })).kind).toBe('not-set-up');
    expect(signerState(status()).kind).toBe('no-user');
    const a = users[0]!;
    expect(signerState(status({ current: { user: a, unlocked: false, lockAt: null } }))).toEqual({ kind: 'locked', user: a });
    expect(signerState(status({ current: { user: a, unlocked: true, lockAt: '2026-11-27T06:30:00Z' } }))).toEqual({ kind: 'unlocked', user: a, lockAt: '2026-11-27T06:30:00Z' });
  });
});

describe('roles and users', () => {
  it('lists roles in the catalogue order', () => {
    expect(sortedRoles(['seal-custodian', 'reviewer', 'second-reviewer'])).toEqual(['reviewer', 'second-reviewer', 'seal-custodian']);
  });

  it('puts the current user last among those to switch to', () => {
    const current = { user: users[0]!, unlocked: true, lockAt: null };
    expect(switchTargets(status({ current })).map((u) => u.id)).toEqual(['second-b', 'custodian', 'reviewer-a']);
    expect(switchTargets(status()).map((u) => u.id)).toEqual(['reviewer-a', 'second-b', 'custodian']);
  });
});

describe('retryWaitSeconds', () => {
  it('reads the wait from a wrong passphrase or a rate limit', () => {
    expect(retryWaitSeconds({ keyId: 'sm2:1', consecutiveFailures: 3, retryAfterSeconds: 30 })).toBe(30);
    expect(retryWaitSeconds({ keyId: 'sm2:1', seconds: 12.2 })).toBe(13);
    expect(retryWaitSeconds({ keyId: 'sm2:1', consecutiveFailures: 1 })).toBe(0);
    expect(retryWaitSeconds({ seconds: '30' })).toBe(0);
  });
});

describe('the auto-lock time', () => {
  it('counts down to it, never below zero', () => {
    const now = Date.parse('2026-11-27T06:00:00Z');
    expect(msUntilLock('2026-11-27T06:15:00Z', now)).toBe(15 * 60_000);
    expect(msUntilLock('2026-11-27T05:00:00Z', now)).toBe(0);
    expect(msUntilLock(null, now)).toBeNull();
    expect(msUntilLock('soon', now)).toBeNull();
  });

  it('shows it as local HH:mm', () => {
    const at = new Date(2026, 10, 27, 9, 5);
    expect(clockTime(at.toISOString())).toBe('09:05');
    expect(clockTime('later')).toBe('later');
  });
});
