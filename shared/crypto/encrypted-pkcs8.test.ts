// The structure of encrypted private keys: what the workstation writes reads back exactly, and
// anything weaker, foreign or malformed is refused with a message saying what and what to do.
import { describe, expect, it } from 'vitest';
import { derInteger, derNull, derOctetString, derOid, derSequence } from './der';
import {
  encodeEncryptedPrivateKey,
  encodeEncryptionAlgorithm,
  encryptedPrivateKeyPem,
  parseEncryptedPrivateKey,
  readPrivateKeyPem,
  type Pbes2Kdf,
} from './encrypted-pkcs8';
import { CryptoInputError } from './errors';

const salt = new Uint8Array(16).fill(7);
const nonce = new Uint8Array(12).fill(9);
const SCRYPT: Pbes2Kdf = { name: 'scrypt', salt, log2N: 17, r: 8, p: 1 };
const ciphertext = new Uint8Array(48).fill(1);
const tag = new Uint8Array(16).fill(2);

// `openssl genpkey -algorithm ed25519 -aes-256-cbc -pass pass:testtesttest` (PBKDF2 2048 + AES-256-CBC).
const OPENSSL_CBC = `-----BEGIN ENCRYPTED PRIVATE KEY-----
MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAj5kkfwNd2m+AICCAAw
DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEPM4C5npu6Tg8KLaGwuWLLMEQKSC
TpAyLksiRvYkuYGS665B6HPGwMzJaePPlUjCUKrhNf33FW+J9ZEs11tv2U6R0/gV
8OvV5YvLsmBiL/i+pOw=
-----END ENCRYPTED PRIVATE KEY-----
`;

/** PBES2 AlgorithmIdentifier around the given KDF AlgorithmIdentifier and cipher AlgorithmIdentifier. */
const pbes2 = (kdf: Uint8Array, cipher: Uint8Array) => derSequence(derOid('1.2.840.113549.1.5.13'), derSequence(kdf, cipher));
const gcm = (nonceBytes = nonce, icv: number | null = 16) =>
  derSequence(derOid('2.16.840.1.101.3.4.1.46'), derSequence(derOctetString(nonceBytes), ...(icv === null ? [] : [derInteger(icv)])));
const scrypt = (n: number, r = 8, p = 1) => derSequence(derOid('1.3.6.1.4.1.11591.4.11'), derSequence(derOctetString(salt), derInteger(n), derInteger(r), derInteger(p)));
const pbkdf2 = (iterations: number, prf: string | null = '1.2.840.113549.2.9') =>
  derSequence(derOid('1.2.840.113549.1.5.12'), derSequence(derOctetString(salt), derInteger(iterations), ...(prf ? [derSequence(derOid(prf), derNull())] : [])));
const wrap = (algorithm: Uint8Array) => encodeEncryptedPrivateKey(algorithm, ciphertext, tag);

describe('EncryptedPrivateKeyInfo', () => {
  it('reads back what it writes, with the algorithm DER as the additional data', () => {
    const algorithm = encodeEncryptionAlgorithm(SCRYPT, nonce);
    const parsed = parseEncryptedPrivateKey(wrap(algorithm));
    expect(parsed.kdf).toEqual(SCRYPT);
    expect(parsed.nonce).toEqual(nonce);
    expect(parsed.ciphertext).toEqual(ciphertext);
    expect(parsed.tag).toEqual(tag);
    expect(parsed.aad).toEqual(algorithm);
    const pem = encryptedPrivateKeyPem(wrap(algorithm));
    expect(pem.startsWith('-----BEGIN ENCRYPTED PRIVATE KEY-----\n')).toBe(true);
    const read = readPrivateKeyPem(pem);
    expect(read.encrypted && read.key.kdf).toEqual(SCRYPT);
  });

  it('reads PBKDF2-HMAC-SHA256 with at least 600,000 iterations', () => {
    const parsed = parseEncryptedPrivateKey(wrap(pbes2(pbkdf2(600_000), gcm())));
    expect(parsed.kdf).toEqual({ name: 'pbkdf2-hmac-sha256', salt, iterations: 600_000 });
    expect(() => parseEncryptedPrivateKey(wrap(pbes2(pbkdf2(599_999), gcm())))).toThrow(/PBKDF2 needs 600,000 to 10,000,000 iterations, not 599999/);
    expect(() => parseEncryptedPrivateKey(wrap(pbes2(pbkdf2(600_000, null), gcm())))).toThrow(/HMAC-SHA1 .* is not accepted/);
    expect(() => parseEncryptedPrivateKey(wrap(pbes2(pbkdf2(600_000, '1.2.840.113549.2.7'), gcm())))).toThrow(/PRF 1.2.840.113549.2.7 is not HMAC-SHA256/);
  });

  it('refuses a cheap or odd scrypt cost', () => {
    expect(() => parseEncryptedPrivateKey(wrap(pbes2(scrypt(2 ** 14), gcm())))).toThrow(/power of two from 2\^15 to 2\^20/);
    expect(() => parseEncryptedPrivateKey(wrap(pbes2(scrypt(3 * 2 ** 15), gcm())))).toThrow(/power of two/);
    expect(() => parseEncryptedPrivateKey(wrap(pbes2(scrypt(2 ** 21), gcm())))).toThrow(/power of two/);
    expect(() => parseEncryptedPrivateKey(wrap(pbes2(scrypt(2 ** 15, 1), gcm())))).toThrow(/r = 8 and p = 1/);
    expect(parseEncryptedPrivateKey(wrap(pbes2(scrypt(2 ** 15), gcm()))).kdf).toMatchObject({ log2N: 15 });
  });

  it('refuses GCM parameters other than a 12-byte nonce and a 16-byte tag', () => {
    expect(() => parseEncryptedPrivateKey(wrap(pbes2(scrypt(2 ** 17), gcm(new Uint8Array(16)))))).toThrow(/nonce must be 12 bytes, not 16/);
    expect(() => parseEncryptedPrivateKey(wrap(pbes2(scrypt(2 ** 17), gcm(nonce, null))))).toThrow(/tag length must be 16 bytes/);
    expect(() => parseEncryptedPrivateKey(wrap(pbes2(scrypt(2 ** 17), gcm(nonce, 12))))).toThrow(/tag length must be 16 bytes, not 12/);
  });

  it("says what to do with OpenSSL's AES-256-CBC keys and with traditional key files", () => {
    expect(() => readPrivateKeyPem(OPENSSL_CBC)).toThrow(/AES-256-CBC.*openssl pkcs8 -in key.pem -out plain.pem/);
    expect(() => readPrivateKeyPem('-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n')).toThrow(/openssl pkcs8 -topk8 -nocrypt/);
  });

  it('refuses trailing bytes, a truncated tag and other schemes', () => {
    const good = wrap(encodeEncryptionAlgorithm(SCRYPT, nonce));
    expect(() => parseEncryptedPrivateKey(Uint8Array.of(...good, 0))).toThrow(/unexpected bytes/);
    expect(() => parseEncryptedPrivateKey(encodeEncryptedPrivateKey(encodeEncryptionAlgorithm(SCRYPT, nonce), new Uint8Array(0), tag))).toThrow(/too short/);
    expect(() => parseEncryptedPrivateKey(wrap(derSequence(derOid('1.2.840.113549.1.5.3'), derNull())))).toThrow(/not PBES2/);
    expect(() => parseEncryptedPrivateKey(new Uint8Array(0))).toThrow(CryptoInputError);
  });

  it('will not write weak parameters either', () => {
    expect(() => encodeEncryptionAlgorithm({ ...SCRYPT, log2N: 10 }, nonce)).toThrow(RangeError);
    expect(() => encodeEncryptionAlgorithm({ name: 'pbkdf2-hmac-sha256', salt, iterations: 1000 }, nonce)).toThrow(RangeError);
    expect(() => encodeEncryptionAlgorithm(SCRYPT, new Uint8Array(8))).toThrow(RangeError);
  });
});
