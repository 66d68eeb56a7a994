// The strict DER reader: the one distinguished encoding is accepted, every other encoding of
// the same value is refused with a message naming the field.
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '@noble/curves/utils.js';
import { DerReader, derInteger, derOid, derSequence, readDer } from './der';
import { CryptoInputError } from './errors';

const reader = (hex: string) => new DerReader(hexToBytes(hex), 'test');

describe('DER reader', () => {
  it('reads minimal INTEGERs and writes them back identically', () => {
    for (const value of [0n, 1n, 127n, 128n, 255n, 256n, 2n ** 255n, 2n ** 256n - 1n]) {
      const encoded = derInteger(value);
      expect(new DerReader(encoded, 'test').integer('x')).toBe(value);
    }
    expect(reader('020100').integer('x')).toBe(0n);
    expect(reader('02020080').integer('x')).toBe(128n);
  });

  it('refuses non-minimal, negative and empty INTEGERs', () => {
    expect(() => reader('0202007f').integer('r')).toThrow('test: r has a leading zero byte that is not needed (not minimal DER)');
    expect(() => reader('020180').integer('r')).toThrow('test: r is negative');
    expect(() => reader('0200').integer('r')).toThrow(/no content/);
  });

  it('refuses long-form lengths where the short form fits, leading zero length bytes and indefinite lengths', () => {
    expect(() => reader('02810101').integer('r')).toThrow(/long-form length 1 where the short form is required/);
    expect(() => reader('0282000101').integer('r')).toThrow(/leading zero byte/);
    expect(() => reader('3080020101').sequence('s')).toThrow(/indefinite length/);
  });

  it('refuses truncated data and trailing bytes after the outer element', () => {
    expect(() => reader('020201').integer('r')).toThrow(/declares 2 bytes but only 1 remain/);
    expect(() => readDer(hexToBytes('3003020101' + '00'), 'test')).toThrow(/1 unexpected bytes after the outer structure/);
    expect(() => readDer(hexToBytes(''), 'test')).toThrow(/missing/);
  });

  it('names the expected and found tags', () => {
    expect(() => reader('0401ff').integer('version')).toThrow('test: version: expected INTEGER, found OCTET STRING');
  });

  it('round-trips object identifiers and refuses padded sub-identifiers', () => {
    for (const oid of ['1.2.840.10045.2.1', '1.2.156.10197.1.301', '1.3.101.112', '2.16.840.1.101.3.4.1.46', '1.3.6.1.4.1.11591.4.11']) {
      expect(new DerReader(derOid(oid), 'test').oid('oid')).toBe(oid);
    }
    expect(() => reader('06022b80').oid('oid')).toThrow(CryptoInputError); // cut short
    expect(() => reader('0603808165').oid('oid')).toThrow(CryptoInputError); // 0x80 padding
  });

  it('writes lengths of 128 bytes and more in the minimal long form', () => {
    const long = derSequence(new Uint8Array(200));
    expect([...long.subarray(0, 3)]).toEqual([0x30, 0x81, 200]);
    const longer = derSequence(new Uint8Array(300));
    expect([...longer.subarray(0, 4)]).toEqual([0x30, 0x82, 0x01, 0x2c]);
    expect(readDer(longer, 'test').done).toBe(false);
  });
});
