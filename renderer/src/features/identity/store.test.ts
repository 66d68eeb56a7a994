// The identity store: a good status clears the last error; "Later" keeps the first run from
// opening by itself again, finishing it does not.
import { beforeEach, describe, expect, it } from 'vitest';
import { currentUserId, useIdentityStore } from './store';

beforeEach(() => useIdentityStore.setState({ status: null, error: null, firstRunOpen: false, firstRunDeferred: false }));

describe('useIdentityStore', () => {
  it('clears the error with a good status and names the current user', () => {
    useIdentityStore.getState().setError(new Error('signing.unavailable'));
    const user = { id: 'demo-reviewer-a', name: '审核员甲（样例）', roles: ['reviewer' as const], keyId: 'sm2:0123456789abcdef', alg: 'SM2-SM3' as const, validFrom: '2026-01-01', validTo: '2029-01-01' };
    useIdentityStore.getState().setStatus({ setUp: true, demo: true, authority: null, users: [user], current: { user, unlocked: true, lockAt: null } });
    expect(useIdentityStore.getState().error).toBeNull();
    expect(currentUserId(useIdentityStore.getState().status)).toBe('demo-reviewer-a');
    expect(currentUserId(null)).toBeNull();
  });

  it('remembers "Later" for the session', () => {
    const { openFirstRun, closeFirstRun } = useIdentityStore.getState();
    openFirstRun();
    closeFirstRun(false);
    expect(useIdentityStore.getState()).toMatchObject({ firstRunOpen: false, firstRunDeferred: false });
    openFirstRun();
    closeFirstRun(true);
    expect(useIdentityStore.getState()).toMatchObject({ firstRunOpen: false, firstRunDeferred: true });
    openFirstRun();
    closeFirstRun(false);
    expect(useIdentityStore.getState().firstRunDeferred).toBe(true);
  });
});
