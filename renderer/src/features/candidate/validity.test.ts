/** Tests the authorization validity computation. */
import { describe, expect, it } from 'vitest';
import { authorizationValidity } from './validity';

describe('authorizationValidity', () => {
  it('counts the days left, inclusive of the last day', () => {
    expect(authorizationValidity('2025-01-01', '2027-12-31', '2027-12-01')).toEqual({ state: 'valid', days: 30 });
    expect(authorizationValidity('2025-01-01', '2027-12-31', '2027-12-31')).toEqual({ state: 'valid', days: 0 });
    expect(authorizationValidity('2025-01-01', '2027-12-31', '2025-01-01')).toEqual({ state: 'valid', days: 1094 });
  });

  it('says how long ago it expired', () => {
    expect(authorizationValidity('2025-01-01', '2025-12-31', '2026-01-01')).toEqual({ state: 'expired', days: 1 });
    expect(authorizationValidity('2024-01-01', '2024-02-28', '2024-03-01')).toEqual({ state: 'expired', days: 2 });
  });

  it('says when it starts', () => {
    expect(authorizationValidity('2026-03-01', '2027-01-01', '2026-02-27')).toEqual({ state: 'not-yet', days: 2 });
  });
});
