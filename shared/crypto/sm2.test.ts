// The strict SM2 wrapper: signatures round-trip, the GM/T 0003.5 example verifies, and every
// kind of bad signature, key or input is simply "not valid" (never a throw from verify).
import { sm2 } from 'sm-crypto-v2';
import { bytesToHex, hexToBytes } from '@noble/curves/utils.js';
import { describe, expect, it } from 'vitest';
import { derElement, derInteger, derSequence } from './der';
import {
  SM2_N,
  SM2_USER_ID,
  decodeSm2Signature,
  encodeSm2Signature,
  generateSm2KeyPair,
  isValidSm2PublicKey,
  sm2ForTests,
  sm2SigningKey,
  verifySm2,
} from './sm2';

const text = (s: string) => new TextEncoder().encode(s);
const MESSAGE = text('{"record":"review-decision","outcome":"approve"}');

/** DER SEQUENCE of two raw INTEGER contents, for building non-canonical encodings by hand. */
const rawSig = (rContent: Uint8Array, sContent: Uint8Array) => derSequence(derElement(0x02, rContent), derElement(0x02, sContent));
const intContent = (sig: Uint8Array, which: 'r' | 's'): Uint8Array => {
  const rLen = sig[3]!;
  return which === 'r' ? sig.slice(4, 4 + rLen) : sig.slice(6 + rLen);
};

const pair = generateSm2KeyPair();
const key = sm2SigningKey(pair.privateKey);

describe('SM2 sign and verify', () => {
  it('a signature verifies under its public key and is canonical DER', () => {
    expect(key.publicKey).toEqual(pair.publicKey);
    for (let i = 0; i < 50; i++) {
      const message = text(`message ${i}`);
      const signature = key.sign(message);
      expect(verifySm2(pair.publicKey, message, signature)).toBe(true);
      const { r, s } = decodeSm2Signature(signature);
      expect(encodeSm2Signature(r, s)).toEqual(signature);
      expect(signature.length).toBeLessThanOrEqual(72);
    }
  });

  it('signatures are randomised (a fresh k each time)', () => {
    expect(bytesToHex(key.sign(MESSAGE))).not.toBe(bytesToHex(key.sign(MESSAGE)));
  });

  it('sm-crypto-v2 reads our signatures as ordinary DER too', () => {
    const signature = key.sign(MESSAGE);
    expect(sm2.doVerifySignature(MESSAGE, bytesToHex(signature), bytesToHex(pair.publicKey), { hash: true, der: true, userId: SM2_USER_ID })).toBe(true);
  });

  it('the empty message and a large one sign and verify', () => {
    for (const message of [new Uint8Array(0), new Uint8Array(100_000).fill(7)]) {
      expect(verifySm2(pair.publicKey, message, key.sign(message))).toBe(true);
    }
  });

  it('a key verified many times (precomputed table) still rejects what it should', () => {
    const signature = key.sign(MESSAGE);
    for (let i = 0; i < 10; i++) expect(verifySm2(pair.publicKey, MESSAGE, signature)).toBe(true);
    expect(verifySm2(pair.publicKey, text('other'), signature)).toBe(false);
  });
});

describe('GM/T 0003.5-2012 Annex A.2 (sign example on the recommended curve sm2p256v1)', () => {
  // The published example: message "message digest", user ID 1234567812345678 (the default ID
  // this wrapper uses), private key dA, random k, and the resulting (r, s).
  const dA = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
  const publicKey = hexToBytes(
    '04' + '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' + 'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  );
  const k = '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21';
  const r = 0xf5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3n;
  const s = 0xb1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aan;
  const message = text('message digest');

  it('the public key is dA·G', () => {
    expect(sm2SigningKey(hexToBytes(dA)).publicKey).toEqual(publicKey);
  });

  it('the published signature verifies', () => {
    expect(verifySm2(publicKey, message, encodeSm2Signature(r, s))).toBe(true);
  });

  it('the library, given the published k, produces exactly the published r and s', () => {
    const x1 = BigInt(`0x${sm2.getPublicKeyFromPrivateKey(k).slice(2, 66)}`);
    const rs = sm2.doSignature(message, dA, { hash: true, der: false, pointPool: [{ k: BigInt(`0x${k}`), x1 }] });
    expect(rs).toBe(r.toString(16).padStart(64, '0') + s.toString(16).padStart(64, '0'));
  });

  it('does not verify under the ID ALICE123@YAHOO.COM (the ID of GM/T 0003.2 examples, which use a different test curve)', () => {
    // The ALICE123@YAHOO.COM examples of GM/T 0003.2 are on a 256-bit test curve, not on
    // sm2p256v1; this wrapper is fixed to the recommended curve, so they cannot be reproduced
    // here. What can be checked is that the same signature under that ID is rejected.
    expect(sm2ForTests.verifyWithUserId(publicKey, message, encodeSm2Signature(r, s), 'ALICE123@YAHOO.COM')).toBe(false);
  });
});

describe('SM2 rejects bad signatures', () => {
  const signature = key.sign(MESSAGE);
  const r = intContent(signature, 'r');
  const s = intContent(signature, 's');

  it('the unchanged signature is valid (the baseline for the cases below)', () => {
    expect(verifySm2(pair.publicKey, MESSAGE, rawSig(r, s))).toBe(true);
  });

  it('an extra leading zero on r or s', () => {
    expect(verifySm2(pair.publicKey, MESSAGE, rawSig(Uint8Array.of(0, ...r), s))).toBe(false);
    expect(verifySm2(pair.publicKey, MESSAGE, rawSig(r, Uint8Array.of(0, ...s)))).toBe(false);
    expect(() => decodeSm2Signature(rawSig(Uint8Array.of(0, ...r), s))).toThrow(/r has a leading zero byte that is not needed/);
  });

  it('a long-form length where the short form suffices (which sm-crypto-v2 alone accepts)', () => {
    const body = signature.subarray(2);
    const longForm = Uint8Array.of(0x30, 0x81, body.length, ...body);
    expect(sm2.doVerifySignature(MESSAGE, bytesToHex(longForm), bytesToHex(pair.publicKey), { hash: true, der: true })).toBe(true);
    expect(verifySm2(pair.publicKey, MESSAGE, longForm)).toBe(false);
    expect(() => decodeSm2Signature(longForm)).toThrow(/long-form length/);
  });

  it('trailing bytes after the signature (which sm-crypto-v2 alone accepts)', () => {
    const trailing = Uint8Array.of(...signature, 0x00);
    expect(sm2.doVerifySignature(MESSAGE, bytesToHex(trailing), bytesToHex(pair.publicKey), { hash: true, der: true })).toBe(true);
    expect(verifySm2(pair.publicKey, MESSAGE, trailing)).toBe(false);
    expect(() => decodeSm2Signature(trailing)).toThrow(/unexpected bytes after/);
  });

  it('a negative integer', () => {
    // r or s with its top bit set and no 0x00 in front reads as negative in DER.
    const negative = Uint8Array.of(0x80 | r[r.length > 32 ? 1 : 0]!, ...r.subarray(r.length > 32 ? 2 : 1));
    expect(() => decodeSm2Signature(rawSig(negative, s))).toThrow(/r is negative/);
    expect(verifySm2(pair.publicKey, MESSAGE, rawSig(negative, s))).toBe(false);
  });

  it('r = 0, s = 0, r = n, s = n, and r + n', () => {
    const { r: rv, s: sv } = decodeSm2Signature(signature);
    for (const [rr, ss] of [
      [0n, sv],
      [rv, 0n],
      [SM2_N, sv],
      [rv, SM2_N],
      [rv + SM2_N, sv],
    ] as const) {
      const bad = derSequence(derInteger(rr), derInteger(ss));
      expect(verifySm2(pair.publicKey, MESSAGE, bad)).toBe(false);
      expect(() => decodeSm2Signature(bad)).toThrow(/out of range/);
    }
    expect(() => encodeSm2Signature(0n, sv)).toThrow(/out of range/);
  });

  it('a signature made under another user ID', () => {
    const other = sm2ForTests.signWithUserId(pair.privateKey, MESSAGE, 'ALICE123@YAHOO.COM');
    expect(verifySm2(pair.publicKey, MESSAGE, other)).toBe(false);
    expect(sm2ForTests.verifyWithUserId(pair.publicKey, MESSAGE, other, 'ALICE123@YAHOO.COM')).toBe(true);
    expect(sm2ForTests.verifyWithUserId(pair.publicKey, MESSAGE, signature, 'ALICE123@YAHOO.COM')).toBe(false);
  });

  it('a signature over a different message, or by another key', () => {
    expect(verifySm2(pair.publicKey, text('{"record":"review-decision","outcome":"reject"}'), signature)).toBe(false);
    expect(verifySm2(generateSm2KeyPair().publicKey, MESSAGE, signature)).toBe(false);
    const changed = signature.slice();
    changed[changed.length - 1]! ^= 1;
    expect(verifySm2(pair.publicKey, MESSAGE, changed)).toBe(false);
  });

  it('a raw r ‖ s signature (64 bytes, not DER)', () => {
    const { r: rv, s: sv } = decodeSm2Signature(signature);
    const raw = hexToBytes(rv.toString(16).padStart(64, '0') + sv.toString(16).padStart(64, '0'));
    expect(verifySm2(pair.publicKey, MESSAGE, raw)).toBe(false);
  });

  it('a public key that is not on the curve, compressed, or the point at infinity', () => {
    const offCurve = pair.publicKey.slice();
    offCurve[64]! ^= 1;
    expect(isValidSm2PublicKey(offCurve)).toBe(false);
    expect(verifySm2(offCurve, MESSAGE, signature)).toBe(false);
    const compressed = Uint8Array.of(2 + (pair.publicKey[64]! & 1), ...pair.publicKey.subarray(1, 33));
    expect(verifySm2(compressed, MESSAGE, signature)).toBe(false);
    expect(verifySm2(Uint8Array.of(0), MESSAGE, signature)).toBe(false);
    expect(verifySm2(Uint8Array.of(4, ...new Uint8Array(64)), MESSAGE, signature)).toBe(false);
    // x = p: outside the field, even though x ≡ 0.
    const xIsP = Uint8Array.of(4, ...hexToBytes('fffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffff'), ...pair.publicKey.subarray(33));
    expect(isValidSm2PublicKey(xIsP)).toBe(false);
  });

  it('inputs that would make the library throw are "not valid", never an exception', () => {
    const anyValue = (v: unknown) => v as Uint8Array;
    expect(verifySm2(pair.publicKey, anyValue('a string'), signature)).toBe(false);
    expect(verifySm2(pair.publicKey, MESSAGE, anyValue(null))).toBe(false);
    expect(verifySm2(anyValue(undefined), MESSAGE, signature)).toBe(false);
    expect(verifySm2(pair.publicKey, MESSAGE, new Uint8Array(0))).toBe(false);
    expect(verifySm2(pair.publicKey, MESSAGE, Uint8Array.of(0x30, 0x85, 0xff, 0xff, 0xff, 0xff, 0xff))).toBe(false);
    expect(verifySm2(pair.publicKey, MESSAGE, hexToBytes('3006020101020101'))).toBe(false);
  });
});

describe('SM2 keys', () => {
  it('generated private keys are in 1 … n−2 and their public keys are valid points', () => {
    for (let i = 0; i < 20; i++) {
      const { privateKey, publicKey } = generateSm2KeyPair();
      const d = BigInt(`0x${bytesToHex(privateKey)}`);
      expect(privateKey.length).toBe(32);
      expect(d >= 1n && d <= SM2_N - 2n).toBe(true);
      expect(isValidSm2PublicKey(publicKey)).toBe(true);
    }
  });

  it("the library's seeded generation gives private key 1, which is why it is never used", () => {
    expect(BigInt(`0x${sm2.generateKeyPairHex('123456789').privateKey}`)).toBe(1n);
  });

  it('refuses private scalars out of range or of the wrong size', () => {
    const bytes = (n: bigint) => hexToBytes(n.toString(16).padStart(64, '0'));
    expect(() => sm2SigningKey(bytes(0n))).toThrow(/out of range/);
    expect(() => sm2SigningKey(bytes(SM2_N - 1n))).toThrow(/out of range/);
    expect(() => sm2SigningKey(bytes(SM2_N))).toThrow(/out of range/);
    expect(() => sm2SigningKey(new Uint8Array(31))).toThrow(/32 bytes/);
    expect(sm2SigningKey(bytes(SM2_N - 2n)).publicKey.length).toBe(65);
  });
});
