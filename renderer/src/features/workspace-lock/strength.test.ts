// The passphrase strength hint: the same character count as main's minimum, and repeated or
// sequential characters do not make a passphrase look strong.
import { describe, expect, it } from 'vitest';
import { countCharacters, passphraseStrength } from './strength';

describe('countCharacters', () => {
  it('counts what people see as one character once', () => {
    expect(countCharacters('abc')).toBe(3);
    expect(countCharacters('工作区口令')).toBe(5);
    expect(countCharacters('e\u0301')).toBe(1);
    expect(countCharacters('👩‍💻')).toBe(1);
    expect(countCharacters('')).toBe(0);
  });
});

describe('passphraseStrength', () => {
  it('is too short below the minimum, however varied', () => {
    expect(passphraseStrength('Ab1!Cd2@Ef3', 12)).toBe('too-short');
    expect(passphraseStrength('', 12)).toBe('too-short');
  });

  it('calls repeats and runs weak even when they are long enough', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaa', 12)).toBe('weak');
    expect(passphraseStrength('123456789012', 12)).toBe('weak');
    expect(passphraseStrength('abcdefghijklmnop', 12)).toBe('weak');
    expect(passphraseStrength('password1234', 12)).toBe('weak');
  });

  it('rates varied passphrases higher, phrases of several words strong', () => {
    expect(passphraseStrength('qmvtrkzpwxhd', 12)).toBe('fair');
    expect(passphraseStrength('correct horse battery staple', 12)).toBe('strong');
    expect(passphraseStrength('我们的审核工作站口令很长', 12)).toBe('strong');
    expect(passphraseStrength('Tr0ub4dor&3-x', 12)).toBe('strong');
  });
});
