/**
 * Tests of transform parsing: every transform of FORMATS.md §1 round-trips through
 * parseTransform/formatTransform, and anything the manifest schema rejects is rejected here too.
 */
import { describe, expect, it } from 'vitest';
import { Transform } from '../formats/candidate';
import { formatTransform, parseTransform, toParsedTransform, tryParseTransform } from './transform';

const ALL = [
  'none', 'mask:3,4', 'mask:0,0', 'mask:12,99', 'mask-name', 'generalize:age-5y', 'generalize:region-city', 'suppress',
  'hmac-sm3', 'hmac-sha256', 'hash-sm3', 'hash-sha256', 'hash-md5', 'encrypt-sm4', 'tokenize', 'aggregate', 'noise',
];

describe('parseTransform', () => {
  it('parses every transform into its kind and parameters', () => {
    expect(parseTransform('none')).toEqual({ kind: 'none' });
    expect(parseTransform('mask:3,4')).toEqual({ kind: 'mask', head: 3, tail: 4 });
    expect(parseTransform('mask-name')).toEqual({ kind: 'mask-name' });
    expect(parseTransform('generalize:age-5y')).toEqual({ kind: 'generalize', how: 'age-5y' });
    expect(parseTransform('suppress')).toEqual({ kind: 'suppress' });
    expect(parseTransform('hmac-sm3')).toEqual({ kind: 'hmac', alg: 'sm3' });
    expect(parseTransform('hmac-sha256')).toEqual({ kind: 'hmac', alg: 'sha256' });
    expect(parseTransform('hash-sm3')).toEqual({ kind: 'hash', alg: 'sm3' });
    expect(parseTransform('hash-sha256')).toEqual({ kind: 'hash', alg: 'sha256' });
    expect(parseTransform('hash-md5')).toEqual({ kind: 'hash', alg: 'md5' });
    expect(parseTransform('encrypt-sm4')).toEqual({ kind: 'encrypt-sm4' });
    expect(parseTransform('tokenize')).toEqual({ kind: 'tokenize' });
    expect(parseTransform('aggregate')).toEqual({ kind: 'aggregate' });
    expect(parseTransform('noise')).toEqual({ kind: 'noise' });
  });

  it('round-trips through formatTransform', () => {
    for (const text of ALL) expect(formatTransform(parseTransform(text))).toBe(text);
  });

  it('accepts exactly what the manifest schema accepts', () => {
    const samples = [...ALL, 'mask:123,4', 'mask:3', 'mask:-1,4', 'MASK:3,4', 'hash-sha1', 'hmac-md5', 'generalize:', 'generalize:Age', ' none', 'none ', '', 'encrypt-aes'];
    for (const text of samples) {
      expect(tryParseTransform(text) !== null, text).toBe(Transform.safeParse(text).success);
    }
  });

  it('throws a RangeError that names the text', () => {
    expect(() => parseTransform('hash-sha1')).toThrow(RangeError);
    expect(() => parseTransform('hash-sha1')).toThrow(/"hash-sha1"/);
    expect(tryParseTransform('mask:3')).toBeNull();
  });

  it('accepts already parsed transforms', () => {
    expect(toParsedTransform({ kind: 'suppress' })).toEqual({ kind: 'suppress' });
    expect(toParsedTransform('bogus')).toBeNull();
  });
});
