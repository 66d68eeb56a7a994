// The uniform signing interface and the key encodings: PEM SPKI and PKCS#8 exactly as OpenSSL
// writes them (fixtures made with `openssl genpkey` 3.0 for this test only), key ids, and the
// clear refusals of malformed keys.
import { bytesToHex, hexToBytes } from '@noble/curves/utils.js';
import { describe, expect, it } from 'vitest';
import { derBitString, derElement, derInteger, derOctetString, derOid, derSequence } from './der';
import { decodePem, encodePem } from './pem';
import { encodePkcs8, encodeSpki, parsePkcs8, parseSpki } from './keys';
import { sm3Hex } from './sm2';
import {
  CryptoInputError,
  generateKeyPair,
  parsePublicKeyPem,
  pkcs8FromPem,
  privateKeyFromPkcs8,
  privateKeyPem,
  publicKeyFromPkcs8,
  verifySignature,
  type SignatureAlg,
} from './signing';

// Test keys made with `openssl genpkey -algorithm sm2` / `-algorithm ed25519` and `openssl pkey -pubout`.
const OPENSSL_SM2_PRIVATE = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgl38OfxidXbDGl3Rn
60KAgsjexHA1Bquv/nKCyxWJnO+hRANCAAQhRSGLU4+gk2sHPOp3jdOev9PHSFJJ
WDEqkHH+tcyCUh47VWsB2dXLQvBX28QTuKdAdVHn2IlQAoTyt7ZoBSJA
-----END PRIVATE KEY-----
`;
const OPENSSL_SM2_PUBLIC = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEIUUhi1OPoJNrBzzqd43Tnr/Tx0hS
SVgxKpBx/rXMglIeO1VrAdnVy0LwV9vEE7inQHVR59iJUAKE8re2aAUiQA==
-----END PUBLIC KEY-----
`;
// `openssl pkeyutl -sign -inkey <the key above> -rawin -in <"hello"> -digest sm3 -pkeyopt distid:1234567812345678`
const OPENSSL_SM2_SIGNATURE_OF_HELLO =
  '3045022100f69365e6d78c97b4854e5e42413cd2f2fd176f68ae15b533b884e652e090556e02207f1fc9d28b26be33f3c861b9da7eb3301e28e5db9c39c2e07753d489d8fab583';
const OPENSSL_ED25519_PRIVATE = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIAXIq+xQFXU2cNutON/TfQ06ArEGRxUm7nmcI4VOFlnw
-----END PRIVATE KEY-----
`;
const OPENSSL_ED25519_PUBLIC = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAT/wXsVgpxhETvhlH87uk0+ShxPtlprN/mf1pZbPUE9A=
-----END PUBLIC KEY-----
`;
const OPENSSL_ED25519_SIGNATURE_OF_HELLO =
  'a79fe4297e01cbb4f310cca40412cd751db58fb9e10587978dec67a3df227558cb98a023d0170b89f8d5ad01e9dfab5219162d6a58ba6f70258403dc4c6caa0e';

const HELLO = new TextEncoder().encode('hello');
const ALGS: SignatureAlg[] = ['SM2-SM3', 'Ed25519'];

describe('generateKeyPair, sign and verifySignature', () => {
  for (const alg of ALGS) {
    it(`${alg}: sign with the handle, verify with the public key, and again after a PEM and PKCS#8 round trip`, () => {
      const { publicKey, privateKey, pkcs8Der } = generateKeyPair(alg);
      expect(publicKey.alg).toBe(alg);
      expect(privateKey.keyId).toBe(publicKey.keyId);
      expect(publicKey.keyId).toMatch(alg === 'SM2-SM3' ? /^sm2:[0-9a-f]{16}$/ : /^ed25519:[0-9a-f]{16}$/);
      expect(publicKey.keyId.split(':')[1]).toBe(sm3Hex(publicKey.spkiDer).slice(0, 16));
      const signature = privateKey.sign(HELLO);
      if (alg === 'Ed25519') expect(signature.length).toBe(64);
      else expect(signature[0]).toBe(0x30);
      expect(verifySignature(publicKey, HELLO, signature)).toBe(true);
      expect(verifySignature(publicKey, new TextEncoder().encode('hellO'), signature)).toBe(false);

      const reread = parsePublicKeyPem(publicKey.pem);
      expect(reread).toEqual(publicKey);
      const handle = privateKeyFromPkcs8(pkcs8FromPem(privateKeyPem(pkcs8Der)));
      expect(handle.keyId).toBe(publicKey.keyId);
      expect(verifySignature(reread, HELLO, handle.sign(HELLO))).toBe(true);
      expect(publicKeyFromPkcs8(pkcs8Der)).toEqual(publicKey);
    });
  }

  it('an unknown algorithm is refused', () => {
    expect(() => generateKeyPair('RSA' as SignatureAlg)).toThrow(CryptoInputError);
  });

  it('verifySignature is false, not a throw, for a PublicKey whose fields disagree or whose DER is junk', () => {
    const sm2 = generateKeyPair('SM2-SM3');
    const ed = generateKeyPair('Ed25519');
    const signature = sm2.privateKey.sign(HELLO);
    expect(verifySignature({ ...sm2.publicKey, alg: 'Ed25519' }, HELLO, signature)).toBe(false);
    expect(verifySignature({ ...sm2.publicKey, keyId: ed.publicKey.keyId }, HELLO, signature)).toBe(false);
    expect(verifySignature({ ...sm2.publicKey, spkiDer: new Uint8Array(3) }, HELLO, signature)).toBe(false);
    expect(verifySignature(ed.publicKey, HELLO, signature)).toBe(false);
    expect(verifySignature(sm2.publicKey, HELLO, ed.privateKey.sign(HELLO))).toBe(false);
  });
});

describe('OpenSSL key files', () => {
  it('an SM2 key from openssl genpkey: public PEM, PKCS#8, key id, and its signature verifies', () => {
    const publicKey = parsePublicKeyPem(OPENSSL_SM2_PUBLIC);
    expect(publicKey.alg).toBe('SM2-SM3');
    expect(publicKey.pem).toBe(OPENSSL_SM2_PUBLIC); // byte for byte what OpenSSL writes
    const der = pkcs8FromPem(OPENSSL_SM2_PRIVATE);
    expect(encodePkcs8(parsePkcs8(der))).toEqual(der); // and our PKCS#8 is OpenSSL's
    expect(privateKeyFromPkcs8(der).keyId).toBe(publicKey.keyId);
    expect(verifySignature(publicKey, HELLO, hexToBytes(OPENSSL_SM2_SIGNATURE_OF_HELLO))).toBe(true);
    expect(verifySignature(publicKey, HELLO, privateKeyFromPkcs8(der).sign(HELLO))).toBe(true);
  });

  it('an Ed25519 key from openssl genpkey: the same', () => {
    const publicKey = parsePublicKeyPem(OPENSSL_ED25519_PUBLIC);
    expect(publicKey.alg).toBe('Ed25519');
    expect(publicKey.pem).toBe(OPENSSL_ED25519_PUBLIC);
    const der = pkcs8FromPem(OPENSSL_ED25519_PRIVATE);
    expect(encodePkcs8(parsePkcs8(der))).toEqual(der);
    const handle = privateKeyFromPkcs8(der);
    expect(handle.keyId).toBe(publicKey.keyId);
    expect(bytesToHex(handle.sign(HELLO))).toBe(OPENSSL_ED25519_SIGNATURE_OF_HELLO); // Ed25519 is deterministic
    expect(verifySignature(publicKey, HELLO, hexToBytes(OPENSSL_ED25519_SIGNATURE_OF_HELLO))).toBe(true);
  });

  it('PEM with CRLF line ends and surrounding blank lines is read; other wrapping is not', () => {
    expect(parsePublicKeyPem(`\r\n${OPENSSL_SM2_PUBLIC.replace(/\n/g, '\r\n')}\r\n`).keyId).toBe(parsePublicKeyPem(OPENSSL_SM2_PUBLIC).keyId);
    expect(() => parsePublicKeyPem(`Subject: x\n${OPENSSL_SM2_PUBLIC}`)).toThrow(/must start with a "-----BEGIN PUBLIC KEY-----" line/);
    expect(() => parsePublicKeyPem(OPENSSL_SM2_PUBLIC + OPENSSL_ED25519_PUBLIC)).toThrow(/exactly one PEM block/);
    expect(() => parsePublicKeyPem(OPENSSL_SM2_PRIVATE)).toThrow(/found a PEM "PRIVATE KEY" block where "PUBLIC KEY" was expected/);
    expect(() => parsePublicKeyPem(OPENSSL_SM2_PUBLIC.replace('QA==', 'QB=='))).toThrow(/not valid base64/);
    expect(() => parsePublicKeyPem(OPENSSL_SM2_PUBLIC.replace('-----END PUBLIC KEY-----', ''))).toThrow(/END PUBLIC KEY-----" line is missing/);
    expect(() => parsePublicKeyPem('')).toThrow(CryptoInputError);
    expect(() => pkcs8FromPem(OPENSSL_SM2_PUBLIC)).toThrow(/where "PRIVATE KEY" was expected/);
  });
});

describe('strict key parsing', () => {
  const sm2Spki = decodePem(OPENSSL_SM2_PUBLIC, ['PUBLIC KEY'], 'k').der;
  const point = parseSpki(sm2Spki).key;

  it('refuses an SM2 point off the curve, compressed, or under another curve OID', () => {
    const off = point.slice();
    off[40]! ^= 1;
    const spki = (oid: string, key: Uint8Array) => derSequence(derSequence(derOid('1.2.840.10045.2.1'), derOid(oid)), derBitString(key));
    expect(() => parseSpki(spki('1.2.156.10197.1.301', off))).toThrow(/SM2 point is not on the curve/);
    expect(() => parseSpki(spki('1.2.156.10197.1.301', Uint8Array.of(2, ...point.subarray(1, 33))))).toThrow(/must be uncompressed/);
    expect(() => parseSpki(spki('1.2.840.10045.3.1.7', point))).toThrow(/an EC key on curve 1.2.840.10045.3.1.7, not SM2/);
    expect(() => parseSpki(derSequence(derSequence(derOid('1.2.156.10197.1.301')), derBitString(point)))).toThrow(/must use id-ecPublicKey/);
    expect(() => parseSpki(derSequence(derSequence(derOid('1.2.840.113549.1.1.1')), derBitString(point)))).toThrow(/unsupported algorithm 1.2.840.113549.1.1.1/);
  });

  it('refuses trailing bytes, a long-form length and a changed length in SPKI', () => {
    expect(() => parseSpki(Uint8Array.of(...sm2Spki, 0))).toThrow(/unexpected bytes after/);
    const body = sm2Spki.subarray(2);
    expect(() => parseSpki(Uint8Array.of(0x30, 0x81, body.length, ...body))).toThrow(/long-form length/);
    expect(() => parseSpki(Uint8Array.of(0x30, body.length + 1, ...body))).toThrow(/declares/);
    expect(() => parsePublicKeyPem(encodePem('PUBLIC KEY', Uint8Array.of(...sm2Spki, 0)))).toThrow(CryptoInputError);
  });

  it('refuses PKCS#8 with a scalar out of range, a public key that does not match, or attributes', () => {
    const der = pkcs8FromPem(OPENSSL_SM2_PRIVATE);
    // The ECPrivateKey's embedded public point sits at the end; change its last byte.
    const mismatched = der.slice();
    mismatched[mismatched.length - 1]! ^= 1;
    expect(() => parsePkcs8(mismatched)).toThrow(/embedded public key does not belong to the private key|not on the curve/);
    const zero = der.slice();
    zero.fill(0, 36, 68); // d is the 32 bytes after "04 20" at offset 34
    expect(() => parsePkcs8(zero)).toThrow(/out of range/);
    expect(() => privateKeyFromPkcs8(new Uint8Array([0x30, 0x00]))).toThrow(CryptoInputError);
    expect(() => privateKeyFromPkcs8(Uint8Array.of(...der, 0))).toThrow(/unexpected bytes/);
  });

  it('reads PKCS#8 version 1 (OneAsymmetricKey) with an embedded Ed25519 public key only when it matches', () => {
    const seed = parsePkcs8(pkcs8FromPem(OPENSSL_ED25519_PRIVATE)).key;
    const publicKey = parseSpki(decodePem(OPENSSL_ED25519_PUBLIC, ['PUBLIC KEY'], 'k').der).key;
    const v1 = (pub: Uint8Array) =>
      derSequence(derInteger(1), derSequence(derOid('1.3.101.112')), derOctetString(derOctetString(seed)), derElement(0x81, Uint8Array.of(0, ...pub)));
    expect(parsePkcs8(v1(publicKey)).key).toEqual(seed);
    const other = publicKey.slice();
    other[0]! ^= 1;
    expect(() => parsePkcs8(v1(other))).toThrow(/embedded public key does not belong/);
  });

  it('refuses an Ed25519 key of small order and an SM2 key given as Ed25519', () => {
    const identity = hexToBytes('0100000000000000000000000000000000000000000000000000000000000000');
    expect(() => parseSpki(derSequence(derSequence(derOid('1.3.101.112')), derBitString(identity)))).toThrow(/small order/);
    expect(() => parseSpki(derSequence(derSequence(derOid('1.3.101.112')), derBitString(point)))).toThrow(/32 bytes, not 65/);
    expect(() => encodeSpki({ alg: 'SM2-SM3', key: identity })).toThrow(CryptoInputError);
  });
});
