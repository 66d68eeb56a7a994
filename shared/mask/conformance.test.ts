/**
 * Tests of compareMaskForm: the verdicts the policy engine gives a candidate's mask forms.
 */
import { describe, expect, it } from 'vitest';
import { compareMaskForm } from './conformance';

describe('compareMaskForm', () => {
  it('accepts the required form and anything where none is allowed', () => {
    expect(compareMaskForm({ head: 3, tail: 4 }, ['mask:3,4'])).toBe('conforming');
    expect(compareMaskForm({ head: 3, tail: 4 }, ['hmac-sm3', 'mask:3,4'])).toBe('conforming');
    expect(compareMaskForm({ head: 6, tail: 4 }, ['none'])).toBe('conforming');
    expect(compareMaskForm({ head: 2, tail: 0, original: 'person-name' }, ['mask-name'])).toBe('conforming');
  });

  it('tells forms that keep more from forms that keep less', () => {
    expect(compareMaskForm({ head: 6, tail: 4 }, ['mask:3,4'])).toBe('reveals-more');
    expect(compareMaskForm({ head: 3, tail: 4 }, ['hmac-sm3'])).toBe('reveals-more');
    expect(compareMaskForm({ head: 2, tail: 4 }, ['mask:3,4'])).toBe('stricter');
    expect(compareMaskForm({ head: 0, tail: 0 }, ['hmac-sm3'])).toBe('stricter');
    expect(compareMaskForm({ head: 3, tail: 0, original: 'person-name' }, ['mask-name'])).toBe('reveals-more');
    expect(compareMaskForm({ head: 3, tail: 4 }, ['bogus'])).toBe('reveals-more');
  });
});
