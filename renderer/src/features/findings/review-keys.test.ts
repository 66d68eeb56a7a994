// The review shortcuts fire on the plain keys only: not in a field, not under a dialog, not
// with Ctrl/Alt/⌘, and not when another handler took the key.
import { describe, expect, it } from 'vitest';
import { reviewKeyAction, type KeyContext } from './review-keys';

const press = (key: string, patch: Partial<KeyContext> = {}): KeyContext => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  defaultPrevented: false,
  editing: false,
  dialogOpen: false,
  ...patch,
});

describe('reviewKeyAction', () => {
  it('maps n, p, d and ?', () => {
    expect(reviewKeyAction(press('n'))).toBe('next');
    expect(reviewKeyAction(press('p'))).toBe('previous');
    expect(reviewKeyAction(press('d'))).toBe('toggle-diff');
    expect(reviewKeyAction(press('?'))).toBe('help');
    expect(reviewKeyAction(press('x'))).toBeNull();
    expect(reviewKeyAction(press('Escape'))).toBeNull();
  });

  it('does nothing while typing, under a dialog, with modifiers, or when the key was handled', () => {
    expect(reviewKeyAction(press('n', { editing: true }))).toBeNull();
    expect(reviewKeyAction(press('?', { dialogOpen: true }))).toBeNull();
    expect(reviewKeyAction(press('d', { ctrlKey: true }))).toBeNull();
    expect(reviewKeyAction(press('p', { metaKey: true }))).toBeNull();
    expect(reviewKeyAction(press('n', { altKey: true }))).toBeNull();
    expect(reviewKeyAction(press('n', { defaultPrevented: true }))).toBeNull();
  });

  it('leaves Shift+N and Shift+D alone', () => {
    expect(reviewKeyAction(press('N'))).toBeNull();
    expect(reviewKeyAction(press('D'))).toBeNull();
  });
});
